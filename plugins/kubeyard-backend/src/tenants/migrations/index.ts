/* The tenant registry's migrations (see featureMigrations). */
import type { Knex } from 'knex';
import { featureMigrations } from '../../database/featureMigrations';
import * as tenants from './20250601_tenants';

/** The table knex records applied tenant migrations in (other features keep their own). */
export const TENANT_MIGRATIONS_TABLE = 'kubeyard_tenants_migrations';

const migrations = featureMigrations('tenant', TENANT_MIGRATIONS_TABLE, [['20250601_tenants', tenants]]);

/** Brings the tenant tables up to date. */
export async function migrateTenantRegistry(knex: Knex): Promise<void> {
  await migrations.latest(knex);
}

/** Reverts every tenant migration (tests use it to prove `down` works). */
export async function rollbackTenantRegistry(knex: Knex): Promise<void> {
  await migrations.rollbackAll(knex);
}
