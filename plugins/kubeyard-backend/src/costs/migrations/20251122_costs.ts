/*
 * The cost history's tables. Times are stored as ISO 8601 text (`2026-11-22T13:00:00.000Z`,
 * days as `2026-11-22`): they sort and compare the same on SQLite and PostgreSQL, and an hour
 * or a day is one value, not a range. Attribution (owner, tenant, cost center) is part of the
 * key, stored as '' when absent, so a namespace that changes owner splits its hour or day
 * between the owners instead of moving its history.
 */
import type { Knex } from 'knex';

const ATTRIBUTED_KEY = ['cluster', 'namespace', 'workload', 'owner', 'tenant', 'cost_center'];

function quantities(table: Knex.CreateTableBuilder) {
  table.double('minutes').notNullable().comment('Sampled minutes: a row-hour sampled throughout has 60');
  table.double('cpu_request_core_hours').notNullable();
  table.double('cpu_usage_core_hours').notNullable();
  table.double('cpu_charged_core_hours').notNullable().comment('Σ max(request, usage) × Δt');
  table.double('ram_request_byte_hours').notNullable();
  table.double('ram_usage_byte_hours').notNullable();
  table.double('ram_charged_byte_hours').notNullable();
  table.double('pv_byte_hours').notNullable();
  table.double('cpu_cost').notNullable();
  table.double('ram_cost').notNullable();
  table.double('pv_cost').notNullable();
}

function attribution(table: Knex.CreateTableBuilder) {
  table.string('cluster', 253).notNullable();
  table.string('namespace', 253).notNullable().comment("Namespace, or '__idle__' for the cluster's unrequested capacity");
  table.string('workload', 253).notNullable().comment("The pods' backstage.io/kubernetes-id, '' when none");
  table.string('owner', 255).notNullable().comment("Owning Group ref at sample time, '' = unallocated");
  table.string('tenant', 63).notNullable();
  table.string('cost_center', 63).notNullable();
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cost_hourly', table => {
    table.comment('Integrated cost per UTC hour, cluster, namespace and workload; kept for kubeyard.costs.hourlyRetentionDays');
    table.string('hour', 24).notNullable().comment('Start of the UTC hour');
    attribution(table);
    quantities(table);
    table.primary(['hour', ...ATTRIBUTED_KEY], 'cost_hourly_pk');
    table.index(['owner', 'hour'], 'cost_hourly_owner_idx');
    table.index(['tenant', 'hour'], 'cost_hourly_tenant_idx');
    table.index(['cluster', 'hour'], 'cost_hourly_cluster_idx');
  });

  await knex.schema.createTable('cost_daily', table => {
    table.comment('cost_hourly summed per UTC day, written in the same transaction; what reports over more than two days read');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    attribution(table);
    quantities(table);
    table.primary(['day', ...ATTRIBUTED_KEY], 'cost_daily_pk');
    table.index(['owner', 'day'], 'cost_daily_owner_idx');
    table.index(['tenant', 'day'], 'cost_daily_tenant_idx');
    table.index(['cluster', 'day'], 'cost_daily_cluster_idx');
  });

  await knex.schema.createTable('cost_daily_owner', table => {
    table.comment('cost_daily summed over namespaces, workloads and tenants: what reports by owner, cost center or cluster read');
    table.string('day', 10).notNullable();
    table.string('cluster', 253).notNullable();
    table.string('owner', 255).notNullable();
    table.string('cost_center', 63).notNullable();
    table.integer('idle').notNullable().comment("1 for the cluster's idle capacity");
    quantities(table);
    // Day then owner: a report by owner reads the days in key order and groups as it goes.
    table.primary(['day', 'owner', 'cost_center', 'cluster', 'idle'], 'cost_daily_owner_pk');
    table.index(['owner', 'day'], 'cost_daily_owner_owner_idx');
  });

  await knex.schema.createTable('cost_clusters', table => {
    table.comment('Per cluster: the watermark (everything up to it is recorded) and the last collection outcome');
    table.string('cluster', 253).primary().notNullable();
    table.string('source', 16).notNullable().comment('model | opencost');
    table.string('sampled_at', 30).nullable().comment('Watermark: time of the last recorded sample');
    table.string('attempted_at', 30).nullable();
    table.text('error').nullable().comment('Why the last attempt recorded nothing');
  });

  await knex.schema.createTable('cost_gaps', table => {
    table.comment('Stretches a cluster was not sampled: not charged, shown as gaps');
    table.increments('id');
    table.string('cluster', 253).notNullable();
    table.string('from_time', 30).notNullable();
    table.string('to_time', 30).notNullable();
    table.index(['to_time', 'cluster'], 'cost_gaps_time_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cost_gaps');
  await knex.schema.dropTable('cost_clusters');
  await knex.schema.dropTable('cost_daily_owner');
  await knex.schema.dropTable('cost_daily');
  await knex.schema.dropTable('cost_hourly');
}
