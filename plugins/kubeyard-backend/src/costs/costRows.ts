/*
 * CostHourRow ↔ database rows of cost_hourly / cost_daily. Absent attribution is stored as ''
 * (it is part of the key, and SQL keys treat NULLs as distinct).
 */
import type { CostHourRow } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Quantity columns and the CostHourRow fields they hold (all summable). */
export const QUANTITY_COLUMNS = {
  minutes: 'minutes',
  cpu_request_core_hours: 'cpuRequestCoreHours',
  cpu_usage_core_hours: 'cpuUsageCoreHours',
  cpu_charged_core_hours: 'cpuChargedCoreHours',
  ram_request_byte_hours: 'ramRequestByteHours',
  ram_usage_byte_hours: 'ramUsageByteHours',
  ram_charged_byte_hours: 'ramChargedByteHours',
  pv_byte_hours: 'pvByteHours',
  cpu_cost: 'cpuCost',
  ram_cost: 'ramCost',
  pv_cost: 'pvCost',
} as const satisfies Record<string, keyof CostHourRow>;

/** Key columns after the time column, and the CostHourRow fields they hold. */
export const KEY_COLUMNS = {
  cluster: 'cluster',
  namespace: 'namespace',
  workload: 'workload',
  owner: 'owner',
  tenant: 'tenant',
  cost_center: 'costCenter',
} as const satisfies Record<string, keyof CostHourRow>;

/** A key column's name. */
export type KeyColumn = keyof typeof KEY_COLUMNS;

/** The columns of a stored row, `time` being `hour` or `day`. */
export function toDbRow(row: CostHourRow, time: { column: 'hour' | 'day'; value: string }): Record<string, string | number> {
  const db: Record<string, string | number> = { [time.column]: time.value };
  for (const [column, field] of Object.entries(KEY_COLUMNS)) db[column] = (row[field] as string | null) ?? '';
  for (const [column, field] of Object.entries(QUANTITY_COLUMNS)) db[column] = row[field];
  return db;
}

/** A stored (or summed) row back as a CostHourRow; `hour` is the start of its hour, day or bucket. */
export function fromDbRow(db: Record<string, unknown>, hour: string): CostHourRow {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const nullable = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const row = {
    hour,
    cluster: text(db.cluster),
    namespace: text(db.namespace),
    workload: text(db.workload),
    owner: nullable(db.owner),
    tenant: nullable(db.tenant),
    costCenter: nullable(db.cost_center),
  } as CostHourRow;
  for (const [column, field] of Object.entries(QUANTITY_COLUMNS)) row[field] = Number(db[column] ?? 0);
  return row;
}

/** The day (`YYYY-MM-DD`) of an hour's ISO start. */
export function dayOf(hour: string): string {
  return hour.slice(0, 10);
}

/** Adds rows with the same stored key (hour or day, and every key column). */
export function sumByKey(rows: CostHourRow[], timeOf: (row: CostHourRow) => string): Map<string, { time: string; row: CostHourRow }> {
  const sums = new Map<string, { time: string; row: CostHourRow }>();
  for (const row of rows) {
    const time = timeOf(row);
    const key = [time, ...Object.values(KEY_COLUMNS).map(field => row[field] ?? '')].join('\u0000');
    const into = sums.get(key);
    if (!into) {
      sums.set(key, { time, row: { ...row } });
      continue;
    }
    for (const field of Object.values(QUANTITY_COLUMNS)) into.row[field] += row[field];
  }
  return sums;
}
