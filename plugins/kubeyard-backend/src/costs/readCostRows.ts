/*
 * Reads the rows of a window from the right table: hourly rows for windows of up to two days;
 * beyond that the whole UTC days from the daily rollups, and only the partial days at either
 * end from hourly rows. Rows come back summed over the columns a report does not need.
 */
import type { CostHourRow } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KeyColumn } from './costRows';
import type { CostStore } from './CostStore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Windows longer than this read daily rollups. */
export const HOURLY_WINDOW_LIMIT_MS = 2 * DAY;

/** What to read. */
export interface CostRowsRequest {
  fromMs: number;
  toMs: number;
  keep: KeyColumn[];
  where?: Partial<Record<KeyColumn, string[]>>;
}

const hourIso = (ms: number) => new Date(ms).toISOString();
const dayIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The window's rows, idle rows kept apart. */
export async function readCostRows(store: CostStore, request: CostRowsRequest): Promise<CostHourRow[]> {
  const { fromMs, toMs, keep, where } = request;
  if (!(toMs > fromMs)) return [];
  const hourly = (from: number, to: number) =>
    from < to ? store.sumRows({ table: 'hourly', from: hourIso(from), to: hourIso(to), keep, keepIdle: true, where }) : Promise.resolve([]);
  if (toMs - fromMs <= HOURLY_WINDOW_LIMIT_MS) return hourly(fromMs, toMs);
  const firstDay = Math.ceil(fromMs / DAY) * DAY;
  const endDay = Math.floor(toMs / DAY) * DAY;
  const parts = await Promise.all([
    hourly(fromMs, firstDay),
    store.sumRows({ table: 'daily', from: dayIso(firstDay), to: dayIso(endDay), keep, keepIdle: true, where }),
    hourly(endDay, toMs),
  ]);
  return parts.flat();
}
