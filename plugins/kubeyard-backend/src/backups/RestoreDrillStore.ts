/*
 * Restore drill records in the plugin database (knex; SQLite and PostgreSQL). The driver writes
 * a drill's row where it writes the Restore's annotations; the views read rows and the index
 * together, so a drill still counts after Velero deleted its Restore with the backup.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { backupMigrations } from './migrations';
import type { RecordedRestoreDrill } from './recordedDrills';

const TABLE = 'restore_drills';

type Row = Record<string, string | number | boolean | null>;

const optional = (value: unknown) => (value === null || value === undefined ? undefined : value);
const numberOf = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));

function toRow(drill: RecordedRestoreDrill): Row {
  const { record } = drill;
  return {
    cluster: drill.cluster,
    restore_name: drill.restoreName,
    velero_namespace: drill.veleroNamespace,
    restore_uid: drill.restoreUid ?? null,
    source_namespace: drill.namespace,
    tenant: drill.tenant ?? null,
    backup_name: drill.backupName ?? null,
    phase: drill.phase ?? null,
    created_at: drill.createdAt ?? null,
    start_time: drill.startTimestamp ?? null,
    completion_time: drill.completionTimestamp ?? null,
    keep: drill.keep,
    requested_by: drill.requestedBy ?? null,
    compliant: record.compliant,
    rto_ms: record.rtoMs ?? null,
    restore_ms: record.restoreMs ?? null,
    pods_ready: record.podsReady?.ready ?? null,
    pods_total: record.podsReady?.total ?? null,
    tier: record.tier ?? null,
    tier_rto_ms: record.tierRtoMs ?? null,
    timed_out: Boolean(record.timedOut),
    cleanup: record.cleanup ?? null,
    recorded_at: record.recordedAt,
  };
}

function fromRow(row: Row): RecordedRestoreDrill {
  const drill = {
    cluster: row.cluster,
    restoreName: row.restore_name,
    veleroNamespace: row.velero_namespace,
    restoreUid: optional(row.restore_uid),
    namespace: row.source_namespace,
    tenant: optional(row.tenant),
    backupName: optional(row.backup_name),
    phase: optional(row.phase),
    createdAt: optional(row.created_at),
    startTimestamp: optional(row.start_time),
    completionTimestamp: optional(row.completion_time),
    keep: Boolean(row.keep),
    requestedBy: optional(row.requested_by),
    record: {
      compliant: Boolean(row.compliant),
      rtoMs: numberOf(row.rto_ms),
      restoreMs: numberOf(row.restore_ms),
      podsReady: row.pods_total === null ? undefined : { ready: Number(row.pods_ready), total: Number(row.pods_total) },
      tier: numberOf(row.tier),
      tierRtoMs: numberOf(row.tier_rto_ms),
      timedOut: row.timed_out ? true : undefined,
      cleanup: optional(row.cleanup),
      recordedAt: row.recorded_at,
    },
  };
  // Absent, not undefined: a row reads back equal to what was written.
  return JSON.parse(JSON.stringify(drill)) as RecordedRestoreDrill;
}

/** The store. */
export class RestoreDrillStore {
  /** Connects to the plugin database and brings the drill table up to date (unless skipped). */
  static async create(database: DatabaseService): Promise<RestoreDrillStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await backupMigrations.latest(knex);
    return new RestoreDrillStore(knex);
  }

  constructor(private readonly db: Knex) {}

  /** Writes a drill's row; writing the same drill again replaces it (a pending cleanup that finished). */
  async upsert(drill: RecordedRestoreDrill): Promise<void> {
    await this.db(TABLE).insert(toRow(drill)).onConflict(['cluster', 'restore_name']).merge();
  }

  /** Every recorded drill, or those of some clusters, ordered by cluster and Restore name. */
  async list(options: { clusters?: string[] } = {}): Promise<RecordedRestoreDrill[]> {
    let query = this.db(TABLE).select('*');
    if (options.clusters) query = query.whereIn('cluster', options.clusters);
    const rows = (await query.orderBy(['cluster', 'restore_name'])) as Row[];
    return rows.map(fromRow);
  }
}
