/*
 * The registry's migrations as a knex MigrationSource: imported modules rather than a
 * directory knex scans, so they run the same from source (tests, `npm start`) and bundled.
 */
import type { Knex } from 'knex';
import * as tenants from './20250601_tenants';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const MIGRATIONS: Array<[string, Migration]> = [['20250601_tenants', tenants]];

/** The table knex records applied tenant migrations in (other features keep their own). */
export const TENANT_MIGRATIONS_TABLE = 'kubeyard_tenants_migrations';

const source: Knex.MigrationSource<string> = {
  async getMigrations() {
    return MIGRATIONS.map(([name]) => name);
  },
  getMigrationName(name) {
    return name;
  },
  async getMigration(name) {
    const found = MIGRATIONS.find(([n]) => n === name);
    if (!found) throw new Error(`unknown tenant migration ${name}`);
    return found[1];
  },
};

/** Brings the tenant tables up to date. */
export async function migrateTenantRegistry(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: source, tableName: TENANT_MIGRATIONS_TABLE });
}

/** Reverts every tenant migration (tests use it to prove `down` works). */
export async function rollbackTenantRegistry(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource: source, tableName: TENANT_MIGRATIONS_TABLE }, true);
}
