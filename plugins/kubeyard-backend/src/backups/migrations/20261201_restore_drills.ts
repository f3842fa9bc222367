/*
 * Restore drill records: a drill's result outlives its Restore, which Velero deletes together
 * with the backup it restored (an hourly backup may be kept a week, drills are due monthly).
 * Times are ISO 8601 text, as in the cost tables.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('restore_drills', table => {
    table.comment('One row per restore drill Kubeyard recorded, written with the Restore annotations; kept after the Restore is gone');
    table.string('cluster', 253).notNullable();
    table.string('restore_name', 253).notNullable();
    table.string('velero_namespace', 253).notNullable();
    table.string('restore_uid', 64).nullable();
    table.string('source_namespace', 253).notNullable().comment('The drilled namespace (restored into <namespace>-restored)');
    table.string('tenant', 63).nullable();
    table.string('backup_name', 253).nullable();
    table.string('phase', 32).nullable().comment('Restore.status.phase when the drill was recorded');
    table.string('created_at', 30).nullable().comment('Restore.metadata.creationTimestamp');
    table.string('start_time', 30).nullable();
    table.string('completion_time', 30).nullable();
    table.boolean('keep').notNullable();
    table.string('requested_by', 255).nullable();
    table.boolean('compliant').notNullable();
    table.double('rto_ms').nullable();
    table.double('restore_ms').nullable();
    table.integer('pods_ready').nullable();
    table.integer('pods_total').nullable();
    table.integer('tier').nullable();
    table.double('tier_rto_ms').nullable();
    table.boolean('timed_out').notNullable();
    table.text('cleanup').nullable();
    table.string('recorded_at', 30).notNullable();
    table.primary(['cluster', 'restore_name'], 'restore_drills_pk');
    table.index(['tenant', 'completion_time'], 'restore_drills_tenant_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('restore_drills');
}
