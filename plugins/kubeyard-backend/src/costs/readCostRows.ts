/*
 * Reads the rows of a window from the right table. Hourly rows are kept for
 * hourlyRetentionDays, daily rollups much longer, so:
 * - whole UTC days come from the daily rollups when the window is longer than two days (fewer
 *   rows) or when the day starts before the oldest hour kept;
 * - everything else (short windows, the partial days at either end) from hourly rows — which
 *   is why a bound off midnight must not be older than the hourly retention
 *   ({@link hourlyDetailProblems}).
 * Rows come back summed over the columns a report does not need.
 */
import type { CostHourRow } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KeyColumn } from './costRows';
import type { CostStore } from './CostStore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Windows longer than this read daily rollups for their whole days. */
export const HOURLY_WINDOW_LIMIT_MS = 2 * DAY;

/** What to read. */
export interface CostRowsRequest {
  fromMs: number;
  toMs: number;
  /** The oldest hour hourly rows are kept for (older hours may be pruned). */
  hourlyFromMs: number;
  keep: KeyColumn[];
  where?: Partial<Record<KeyColumn, string[]>>;
}

const hourIso = (ms: number) => new Date(ms).toISOString();
const dayIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The oldest hour whose hourly rows retention keeps at `nowMs` (what `prune` deletes before). */
export function hourlyRetentionStart(nowMs: number, hourlyRetentionDays: number): number {
  return Math.floor((nowMs - hourlyRetentionDays * DAY) / HOUR) * HOUR;
}

/** Problems of a window that needs hourly rows (a bound off midnight) older than the oldest hour kept. */
export function hourlyDetailProblems(
  window: { fromMs: number; toMs: number },
  hourlyFromMs: number,
  hourlyRetentionDays: number,
): Array<{ field: 'from' | 'to'; message: string }> {
  const problems: Array<{ field: 'from' | 'to'; message: string }> = [];
  const kept = `hourly detail is kept ${hourlyRetentionDays} days (since ${hourIso(hourlyFromMs)}); give a date (UTC midnight) for older bounds`;
  for (const field of ['from', 'to'] as const) {
    const ms = field === 'from' ? window.fromMs : window.toMs;
    // The end bound needs the hours before it; the start bound the hours from it.
    const oldestHourNeeded = field === 'from' ? ms : ms - HOUR;
    if (ms % DAY !== 0 && oldestHourNeeded < hourlyFromMs) problems.push({ field, message: `${hourIso(ms)} is not at midnight UTC and ${kept}` });
  }
  return problems;
}

/** The window's rows, idle rows kept apart. */
export async function readCostRows(store: CostStore, request: CostRowsRequest): Promise<CostHourRow[]> {
  const { fromMs, toMs, hourlyFromMs, keep, where } = request;
  if (!(toMs > fromMs)) return [];
  const hourly = (from: number, to: number) =>
    from < to ? store.sumRows({ table: 'hourly', from: hourIso(from), to: hourIso(to), keep, keepIdle: true, where }) : Promise.resolve([]);
  const daily = (from: number, to: number) =>
    from < to ? store.sumRows({ table: 'daily', from: dayIso(from), to: dayIso(to), keep, keepIdle: true, where }) : Promise.resolve([]);
  const firstDay = Math.ceil(fromMs / DAY) * DAY;
  const endDay = Math.floor(toMs / DAY) * DAY;
  if (firstDay >= endDay) return hourly(fromMs, toMs);
  // Whole days [firstDay, dailyEnd) from the rollups, the hours around them from hourly rows.
  const firstWholeHourlyDay = Math.ceil(hourlyFromMs / DAY) * DAY;
  const dailyEnd = toMs - fromMs > HOURLY_WINDOW_LIMIT_MS ? endDay : Math.min(endDay, Math.max(firstDay, firstWholeHourlyDay));
  const parts = await Promise.all([hourly(fromMs, firstDay), daily(firstDay, dailyEnd), hourly(dailyEnd, toMs)]);
  return parts.flat();
}
