/*
 * A cluster's collection warning: the last sample was recorded, but with less than it should
 * have read (e.g. metrics.k8s.io not served, so usage is counted as requests).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cost_clusters', table => {
    table.text('warning').nullable().comment('What the last recorded sample had to do without');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cost_clusters', table => {
    table.dropColumn('warning');
  });
}
