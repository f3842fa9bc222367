/*
 * Each feature keeps its tables' migrations as imported modules (rather than a directory knex
 * scans, so they run the same from source and bundled) and records them in a table of its own,
 * so features migrate independently within the plugin database.
 */
import type { Knex } from 'knex';

/** One migration module. */
export interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Migrate and roll back one feature's tables. */
export interface FeatureMigrations {
  /** The table knex records the feature's applied migrations in. */
  tableName: string;
  /** Brings the feature's tables up to date. */
  latest(knex: Knex): Promise<void>;
  /** Reverts every migration of the feature (tests use it to prove `down` works). */
  rollbackAll(knex: Knex): Promise<void>;
}

/** The migrations of one feature, in order, recorded in `tableName`. */
export function featureMigrations(feature: string, tableName: string, migrations: Array<[string, Migration]>): FeatureMigrations {
  const migrationSource: Knex.MigrationSource<string> = {
    async getMigrations() {
      return migrations.map(([name]) => name);
    },
    getMigrationName(name) {
      return name;
    },
    async getMigration(name) {
      const found = migrations.find(([n]) => n === name);
      if (!found) throw new Error(`unknown ${feature} migration ${name}`);
      return found[1];
    },
  };
  return {
    tableName,
    async latest(knex) {
      await knex.migrate.latest({ migrationSource, tableName });
    },
    async rollbackAll(knex) {
      await knex.migrate.rollback({ migrationSource, tableName }, true);
    },
  };
}
