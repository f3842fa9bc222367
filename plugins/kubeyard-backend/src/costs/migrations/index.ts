/* The cost history's migrations (see featureMigrations). */
import { featureMigrations } from '../../database/featureMigrations';
import * as costs from './20251122_costs';
import * as warnings from './20261122_cost_warnings';

/** Migrations of the cost tables, recorded in their own table. */
export const costMigrations = featureMigrations('cost', 'kubeyard_costs_migrations', [
  ['20251122_costs', costs],
  ['20261122_cost_warnings', warnings],
]);
