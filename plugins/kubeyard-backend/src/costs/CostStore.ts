/*
 * The cost history in the plugin database (knex; SQLite and PostgreSQL): hourly rows, their
 * daily rollup, a watermark per cluster and the gaps. A sample's rows, its rollup and the
 * advance of the cluster's watermark are one transaction that only commits if the watermark is
 * still the one the sample was integrated from: a crash loses the whole sample or none of it,
 * and two writers can never both count the same interval.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { CostGap, CostHourRow } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { Knex } from 'knex';
import { isUniqueViolation } from '../database/isUniqueViolation';
import { dayOf, fromDbRow, KEY_COLUMNS, QUANTITY_COLUMNS, sumByKey, toDbRow, type KeyColumn } from './costRows';
import { costMigrations } from './migrations';

/** Where a cluster's cost data comes from. */
export type CostSourceKind = 'model' | 'opencost';

/** A cluster's collection state. */
export interface CostClusterState {
  cluster: string;
  source: CostSourceKind;
  /** The watermark: everything up to it is recorded. */
  sampledAt?: string;
  attemptedAt?: string;
  /** Why the last attempt recorded nothing. */
  error?: string;
  /** What the last recorded sample had to do without. */
  warning?: string;
}

/** One sample's contribution, recorded atomically. */
export interface SampleRecord {
  cluster: string;
  source: CostSourceKind;
  /** The watermark the rows were integrated from (undefined for a cluster's first sample). */
  previousAt?: string;
  /** The new watermark. */
  watermark: string;
  rows: CostHourRow[];
  gap?: CostGap;
  warning?: string;
}

/** A summing read of cost rows. */
export interface CostRowQuery {
  /**
   * `hourly` rows (window [from, to) on hours) or `daily` rollups (days). Daily reads that keep
   * and filter only cluster, owner and cost center are answered from the smaller owner rollup.
   */
  table: 'hourly' | 'daily';
  /** Inclusive start and exclusive end, as the table's time column holds them. */
  from: string;
  to: string;
  /** Key columns to keep; the others are summed over ('' in the result). */
  keep: KeyColumn[];
  /** Keep idle rows apart from the rest even when `namespace` is summed over. */
  keepIdle?: boolean;
  /** Only rows whose column is one of the values. */
  where?: Partial<Record<KeyColumn, string[]>>;
}

const TABLES = {
  hourly: { name: 'cost_hourly', time: 'hour' },
  daily: { name: 'cost_daily', time: 'day' },
  dailyOwner: { name: 'cost_daily_owner', time: 'day' },
} as const;
/** The key columns of cost_daily_owner besides day and idle. */
const OWNER_ROLLUP_COLUMNS: KeyColumn[] = ['cluster', 'owner', 'cost_center'];
// knex writes a multi-row insert on SQLite as one compound SELECT, which SQLite caps at 500 terms.
const CHUNK = 400;
const IDLE = '__idle__';

/** The store. */
export class CostStore {
  /** Connects to the plugin database and brings the cost tables up to date (unless skipped). */
  static async create(database: DatabaseService): Promise<CostStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) await costMigrations.latest(knex);
    return new CostStore(knex);
  }

  constructor(private readonly db: Knex) {}

  async clusterStates(): Promise<CostClusterState[]> {
    const rows = await this.db('cost_clusters').orderBy('cluster');
    return rows.map(row => ({
      cluster: row.cluster,
      source: row.source,
      ...(row.sampled_at ? { sampledAt: row.sampled_at } : {}),
      ...(row.attempted_at ? { attemptedAt: row.attempted_at } : {}),
      ...(row.error ? { error: row.error } : {}),
      ...(row.warning ? { warning: row.warning } : {}),
    }));
  }

  async watermark(cluster: string): Promise<string | undefined> {
    const row = await this.db('cost_clusters').where({ cluster }).first('sampled_at');
    return row?.sampled_at ?? undefined;
  }

  /**
   * Records a sample: rows added to their hours and days, the gap, and the watermark moved
   * from `previousAt` to `watermark`. Returns false (and writes nothing) when the watermark is
   * no longer `previousAt`: another writer recorded that interval first.
   */
  async recordSample(sample: SampleRecord, attemptedAt = new Date().toISOString()): Promise<boolean> {
    try {
      await this.db.transaction(async tx => {
        const state = { source: sample.source, sampled_at: sample.watermark, attempted_at: attemptedAt, error: null, warning: sample.warning ?? null };
        if (sample.previousAt === undefined) {
          // The primary key makes a concurrent first sample fail here.
          const existing = await tx('cost_clusters').where({ cluster: sample.cluster }).first('sampled_at');
          if (existing?.sampled_at) throw new WatermarkMoved();
          if (existing) await tx('cost_clusters').where({ cluster: sample.cluster }).whereNull('sampled_at').update(state);
          else await tx('cost_clusters').insert({ cluster: sample.cluster, ...state });
        } else {
          const moved = await tx('cost_clusters').where({ cluster: sample.cluster, sampled_at: sample.previousAt }).update(state);
          if (moved !== 1) throw new WatermarkMoved();
        }
        await this.addRows(tx, 'hourly', sample.rows);
        await this.addRows(tx, 'daily', sample.rows);
        await this.addOwnerRollup(tx, sample.rows);
        if (sample.gap) {
          await tx('cost_gaps').insert({ cluster: sample.gap.cluster, from_time: sample.gap.from, to_time: sample.gap.to });
        }
      });
      return true;
    } catch (error) {
      if (error instanceof WatermarkMoved || isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Notes an attempt that recorded nothing; the watermark stays, so the time becomes a gap or is covered later. */
  async recordFailure(cluster: string, source: CostSourceKind, error: string, attemptedAt = new Date().toISOString()): Promise<void> {
    await this.db('cost_clusters')
      .insert({ cluster, source, sampled_at: null, attempted_at: attemptedAt, error })
      .onConflict('cluster')
      .merge({ source, attempted_at: attemptedAt, error });
  }

  /** Notes a successful attempt with nothing new to record: an earlier error no longer holds. */
  async recordUnchanged(cluster: string, source: CostSourceKind, warning: string | undefined, attemptedAt = new Date().toISOString()): Promise<void> {
    await this.db('cost_clusters').where({ cluster }).update({ source, attempted_at: attemptedAt, error: null, warning: warning ?? null });
  }

  /** Adds rows to a table: rows with the same key add up. */
  private async addRows(tx: Knex.Transaction, which: 'hourly' | 'daily', rows: CostHourRow[]): Promise<void> {
    const { name, time } = TABLES[which];
    const sums = sumByKey(rows, which === 'hourly' ? row => row.hour : row => dayOf(row.hour));
    const dbRows = [...sums.values()].map(({ time: value, row }) => toDbRow(row, { column: time, value }));
    const merge = Object.fromEntries(Object.keys(QUANTITY_COLUMNS).map(column => [column, tx.raw('??.?? + excluded.??', [name, column, column])]));
    for (let i = 0; i < dbRows.length; i += CHUNK) {
      await tx(name)
        .insert(dbRows.slice(i, i + CHUNK))
        .onConflict([time, ...Object.keys(KEY_COLUMNS)])
        .merge(merge);
    }
  }

  /** Adds rows to cost_daily_owner: summed over namespaces, workloads and tenants. */
  private async addOwnerRollup(tx: Knex.Transaction, rows: CostHourRow[]): Promise<void> {
    const sums = new Map<string, Record<string, string | number>>();
    for (const row of rows) {
      const key = { day: dayOf(row.hour), cluster: row.cluster, owner: row.owner ?? '', cost_center: row.costCenter ?? '', idle: row.namespace === IDLE ? 1 : 0 };
      const id = Object.values(key).join('\u0000');
      let into = sums.get(id);
      if (!into) {
        into = { ...key, ...Object.fromEntries(Object.keys(QUANTITY_COLUMNS).map(c => [c, 0])) };
        sums.set(id, into);
      }
      for (const [column, field] of Object.entries(QUANTITY_COLUMNS)) (into[column] as number) += row[field];
    }
    const name = TABLES.dailyOwner.name;
    const merge = Object.fromEntries(Object.keys(QUANTITY_COLUMNS).map(column => [column, tx.raw('??.?? + excluded.??', [name, column, column])]));
    const values = [...sums.values()];
    for (let i = 0; i < values.length; i += CHUNK) {
      await tx(name).insert(values.slice(i, i + CHUNK)).onConflict(['day', 'owner', 'cost_center', 'cluster', 'idle']).merge(merge);
    }
  }

  /**
   * Sums rows per time value and kept columns. Minutes are the best-covered row's (sampled
   * minutes do not add up across namespaces).
   */
  async sumRows(query: CostRowQuery): Promise<CostHourRow[]> {
    const ownerRollup =
      query.table === 'daily' &&
      query.keep.every(column => OWNER_ROLLUP_COLUMNS.includes(column)) &&
      Object.keys(query.where ?? {}).every(column => OWNER_ROLLUP_COLUMNS.includes(column as KeyColumn));
    const { name, time } = TABLES[ownerRollup ? 'dailyOwner' : query.table];
    const keep = [...query.keep];
    const select: Array<string | Knex.Raw> = [time, ...keep];
    const group: Array<string | Knex.Raw> = [time, ...keep];
    if (query.keepIdle && !keep.includes('namespace')) {
      // A literal, not bound parameters: PostgreSQL matches the select expression to the
      // GROUP BY expression textually, and $1 is not $5.
      const idle = ownerRollup ? `case when idle = 1 then '${IDLE}' else '' end` : `case when namespace = '${IDLE}' then '${IDLE}' else '' end`;
      select.push(this.db.raw(`${idle} as namespace`));
      group.push(this.db.raw(idle));
    }
    for (const column of Object.keys(QUANTITY_COLUMNS)) {
      select.push(this.db.raw(column === 'minutes' ? 'max(??) as ??' : 'sum(??) as ??', [column, column]));
    }
    let builder = this.db(name).select(select).where(time, '>=', query.from).andWhere(time, '<', query.to);
    for (const [column, values] of Object.entries(query.where ?? {})) {
      if (values) builder = builder.whereIn(column, values);
    }
    const rows = await builder.groupBy(group);
    return rows.map(row => fromDbRow(row, query.table === 'hourly' ? row.hour : `${row.day}T00:00:00.000Z`));
  }

  /** Gaps of the clusters that overlap [from, to). */
  async gaps(from: string, to: string, clusters?: string[]): Promise<CostGap[]> {
    let builder = this.db('cost_gaps').where('to_time', '>', from).andWhere('from_time', '<', to);
    if (clusters) builder = builder.whereIn('cluster', clusters);
    const rows = await builder.orderBy(['from_time', 'cluster']);
    return rows.map(row => ({ cluster: row.cluster, from: row.from_time, to: row.to_time }));
  }

  /** Deletes hourly rows before `hourlyBefore` (an hour), daily rows and gaps before `dailyBefore` (a day). */
  async prune(hourlyBefore: string, dailyBefore: string): Promise<{ hourly: number; daily: number }> {
    const hourly = await this.db('cost_hourly').where('hour', '<', hourlyBefore).delete();
    const daily = await this.db('cost_daily').where('day', '<', dailyBefore).delete();
    await this.db('cost_daily_owner').where('day', '<', dailyBefore).delete();
    await this.db('cost_gaps').where('to_time', '<', `${dailyBefore}T00:00:00.000Z`).delete();
    return { hourly, daily };
  }
}

class WatermarkMoved extends Error {}
