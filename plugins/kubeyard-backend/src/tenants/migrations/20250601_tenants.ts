/*
 * The tenant registry's tables. Plain column types only (strings, text, integers, timestamps
 * with time zone), so the same migration runs on SQLite and PostgreSQL. JSON is stored as
 * text: both databases have a JSON type, but with different semantics and knex support.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenants', table => {
    table.comment('Tenants Kubeyard manages: the spec it converges each cluster to');
    table.string('name', 63).primary().notNullable();
    table.text('spec').notNullable().comment('TenantSpec as JSON');
    table.string('owner', 255).notNullable().comment('Owning catalog Group ref');
    table.string('status', 16).notNullable().comment('Pending | Active | Failed | Terminating');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['owner'], 'tenants_owner_idx');
  });

  await knex.schema.createTable('tenant_clusters', table => {
    table.comment('What the registry knows is on each cluster of a tenant');
    table.string('tenant', 63).notNullable();
    table.string('cluster', 253).notNullable();
    table.string('state', 16).notNullable().comment('absent | present | partial | removing');
    table.string('operation_id', 36).nullable().comment('The operation that last changed the state');
    table.text('error').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['tenant', 'cluster']);
  });

  await knex.schema.createTable('tenant_operations', table => {
    table.comment('Apply, update, decommission and verify runs, kept after the tenant is gone');
    table.string('id', 36).primary().notNullable();
    table.string('tenant', 63).notNullable();
    table.string('kind', 16).notNullable();
    table.string('status', 16).notNullable().comment('running | succeeded | failed | compensated');
    table.string('initiator', 255).notNullable();
    table.text('spec').nullable().comment('The spec the operation applies, as JSON');
    table.text('result').nullable().comment('Operation output as JSON (the verify report)');
    table.text('error').nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['tenant', 'started_at'], 'tenant_operations_tenant_idx');
  });

  await knex.schema.createTable('tenant_operation_steps', table => {
    table.comment('One object on one cluster within an operation');
    table.string('operation_id', 36).notNullable().references('id').inTable('tenant_operations').onDelete('CASCADE');
    table.integer('seq').notNullable().comment('Order of the step within the operation');
    table.string('cluster', 253).notNullable();
    table.string('object_key', 512).notNullable().comment('manifestKey: group/Kind/namespace/name');
    table.string('action', 16).notNullable();
    table.string('status', 16).notNullable();
    table.text('error').nullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.primary(['operation_id', 'seq']);
  });

  await knex.schema.createTable('tenant_locks', table => {
    table.comment('One row per tenant with an operation in progress: the primary key is the lock');
    table.string('tenant', 63).primary().notNullable();
    table.string('operation_id', 36).notNullable();
    table.timestamp('acquired_at', { useTz: true }).notNullable();
    table.timestamp('renewed_at', { useTz: true }).notNullable().comment('Heartbeat; a lock not renewed in time is abandoned');
  });

  await knex.schema.createTable('tenant_audit', table => {
    table.comment('Who did what to which tenant, when, and how it ended');
    table.increments('id');
    table.string('actor', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('tenant', 63).notNullable();
    table.string('operation_id', 36).nullable();
    table.string('outcome', 16).notNullable();
    table.text('detail').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['tenant'], 'tenant_audit_tenant_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tenant_audit');
  await knex.schema.dropTable('tenant_locks');
  await knex.schema.dropTable('tenant_operation_steps');
  await knex.schema.dropTable('tenant_operations');
  await knex.schema.dropTable('tenant_clusters');
  await knex.schema.dropTable('tenants');
}
