/*
 * Rows → OpenCost allocations. Integrals (core-hours, byte-hours, costs) add up; averages are
 * integrals over the hours of the allocation's window, as OpenCost's cpuCoreRequestAverage is.
 */
import { CostAllocation, CostGroupBy, CostSeriesBucket, CostStep } from '../api/costTypes';
import { DAY_MS, HOUR_MS } from '../backups/duration';
import { CostGroupKeyFn, costGroupKey, defaultCostLabel } from './costGroupKey';
import { toEpochMs } from './hourSlices';
import { IdleMode, SharedCostRow, requestCost, shareIdle, usageCost } from './shareIdle';
import { CostHourRow } from './types';

/** A report window [start, end), ISO 8601 or epoch ms. */
export interface CostWindow {
  start: string | number;
  end: string | number;
}

/** The name of the allocation that sums every group. */
export const TOTAL_KEY = '__total__';

interface Accumulator {
  allocation: CostAllocation;
  minutesByHour: Map<string, number>;
  requestCost: number;
  usageCost: number;
}

/** A window's bounds as ISO 8601, computed once per window rather than once per group. */
function windowIso(window: CostWindow): { start: string; end: string } {
  return { start: new Date(toEpochMs(window.start)).toISOString(), end: new Date(toEpochMs(window.end)).toISOString() };
}

/** Epoch ms of a row's hour: reports hold many rows per hour, so each hour is parsed once. */
function hourParser(): (hour: string) => number {
  const parsed = new Map<string, number>();
  return hour => {
    let ms = parsed.get(hour);
    if (ms === undefined) {
      ms = toEpochMs(hour);
      parsed.set(hour, ms);
    }
    return ms;
  };
}

function emptyAllocation(name: string, label: string, bounds: { start: string; end: string }): CostAllocation {
  return {
    name,
    label,
    start: bounds.start,
    end: bounds.end,
    minutes: 0,
    cpuCoreHours: 0,
    cpuCoreRequestAverage: 0,
    cpuCoreUsageAverage: 0,
    ramByteHours: 0,
    ramByteRequestAverage: 0,
    ramByteUsageAverage: 0,
    pvByteHours: 0,
    cpuCost: 0,
    ramCost: 0,
    pvCost: 0,
    sharedCost: 0,
    totalCost: 0,
    efficiency: null,
  };
}

function add(acc: Accumulator, row: SharedCostRow): void {
  const a = acc.allocation;
  a.cpuCoreHours += row.cpuChargedCoreHours;
  a.cpuCoreRequestAverage += row.cpuRequestCoreHours; // integrals until finish()
  a.cpuCoreUsageAverage += row.cpuUsageCoreHours;
  a.ramByteHours += row.ramChargedByteHours;
  a.ramByteRequestAverage += row.ramRequestByteHours;
  a.ramByteUsageAverage += row.ramUsageByteHours;
  a.pvByteHours += row.pvByteHours;
  a.cpuCost += row.cpuCost;
  a.ramCost += row.ramCost;
  a.pvCost += row.pvCost;
  a.sharedCost += row.sharedCost;
  acc.requestCost += requestCost(row);
  acc.usageCost += usageCost(row);
  acc.minutesByHour.set(row.hour, Math.max(acc.minutesByHour.get(row.hour) ?? 0, row.minutes));
}

function finish(acc: Accumulator, windowHours: number): CostAllocation {
  const a = acc.allocation;
  const perHour = (integral: number) => (windowHours > 0 ? integral / windowHours : 0);
  a.cpuCoreRequestAverage = perHour(a.cpuCoreRequestAverage);
  a.cpuCoreUsageAverage = perHour(a.cpuCoreUsageAverage);
  a.ramByteRequestAverage = perHour(a.ramByteRequestAverage);
  a.ramByteUsageAverage = perHour(a.ramByteUsageAverage);
  // Sampled minutes of the group: per hour, the best-covered of its rows.
  a.minutes = [...acc.minutesByHour.values()].reduce((sum, m) => sum + m, 0);
  a.totalCost = a.cpuCost + a.ramCost + a.pvCost + a.sharedCost;
  a.efficiency = acc.requestCost > 0 ? acc.usageCost / acc.requestCost : null;
  return a;
}

/**
 * One allocation per group key over rows of the window (rows outside [start, end) are left
 * out), by totalCost descending, then name. Rows must already have idle shared (shareIdle).
 */
export function allocate(
  rows: readonly SharedCostRow[],
  key: CostGroupKeyFn,
  window: CostWindow,
  label: (key: string) => string = defaultCostLabel,
): CostAllocation[] {
  const start = toEpochMs(window.start);
  const end = toEpochMs(window.end);
  const bounds = windowIso(window);
  const hourMs = hourParser();
  const groups = new Map<string, Accumulator>();
  for (const row of rows) {
    const hour = hourMs(row.hour);
    if (hour < start || hour >= end) continue;
    const name = key(row);
    let acc = groups.get(name);
    if (!acc) {
      acc = { allocation: emptyAllocation(name, label(name), bounds), minutesByHour: new Map(), requestCost: 0, usageCost: 0 };
      groups.set(name, acc);
    }
    add(acc, row);
  }
  const windowHours = (end - start) / HOUR_MS;
  return [...groups.values()]
    .map(acc => finish(acc, windowHours))
    .sort((a, b) => b.totalCost - a.totalCost || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The UTC days of a window, clipped to it. */
export function utcDays(window: CostWindow): CostWindow[] {
  const start = toEpochMs(window.start);
  const end = toEpochMs(window.end);
  const days: CostWindow[] = [];
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    days.push({ start: Math.max(start, day), end: Math.min(end, day + DAY_MS) });
  }
  return days;
}

/** One bucket per UTC day of the window (empty days included, so charts have no holes). */
export function dailySeries(
  rows: readonly SharedCostRow[],
  key: CostGroupKeyFn,
  window: CostWindow,
  label: (key: string) => string = defaultCostLabel,
): CostSeriesBucket[] {
  const byDay = new Map<number, SharedCostRow[]>();
  const hourMs = hourParser();
  for (const row of rows) {
    const day = Math.floor(hourMs(row.hour) / DAY_MS) * DAY_MS;
    const list = byDay.get(day);
    if (list) list.push(row);
    else byDay.set(day, [row]);
  }
  return utcDays(window).map(day => {
    const dayRows = byDay.get(Math.floor(toEpochMs(day.start) / DAY_MS) * DAY_MS) ?? [];
    return {
      start: new Date(toEpochMs(day.start)).toISOString(),
      end: new Date(toEpochMs(day.end)).toISOString(),
      allocations: allocate(dayRows, key, day, label),
    };
  });
}

/** How to aggregate stored rows into a report. */
export interface AggregateCostsOptions {
  window: CostWindow;
  groupBy: CostGroupBy;
  step?: CostStep;
  idle: IdleMode;
  /** Keep only some rows (a filter or a permission), applied after idle sharing. */
  include?: (row: SharedCostRow) => boolean;
  label?: (key: string) => string;
}

/** The aggregated part of a CostReport. */
export interface AggregatedCosts {
  totals: CostAllocation;
  groups: CostAllocation[];
  series: CostSeriesBucket[];
}

/** Rows → totals, groups and (step 'day') the daily series of a report. */
export function aggregateCosts(rows: readonly CostHourRow[], options: AggregateCostsOptions): AggregatedCosts {
  const include = options.include ?? (() => true);
  const shared = shareIdle(rows, options.idle).filter(include);
  const key = costGroupKey(options.groupBy);
  const [totals] = allocate(shared, () => TOTAL_KEY, options.window, () => 'Total');
  return {
    totals: totals ?? emptyAllocation(TOTAL_KEY, 'Total', windowIso(options.window)),
    groups: allocate(shared, key, options.window, options.label),
    series: options.step === 'total' ? [] : dailySeries(shared, key, options.window, options.label),
  };
}
