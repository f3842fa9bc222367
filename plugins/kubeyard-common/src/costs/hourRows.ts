/*
 * CostHourRow arithmetic: the quantities of a row, pricing them, and adding rows of the same
 * (hour, cluster, namespace, workload) together.
 */
import { CostHourRow, NamespaceAttribution, UnitPrices } from './types';

/** Bytes in a GiB: memory and storage prices are per GiB-hour, quantities in byte-hours. */
export const GIB = 1024 ** 3;

/** The summable quantities of a row (everything but its key, attribution and costs). */
export const HOUR_ROW_QUANTITIES = [
  'minutes',
  'cpuRequestCoreHours',
  'cpuUsageCoreHours',
  'cpuChargedCoreHours',
  'ramRequestByteHours',
  'ramUsageByteHours',
  'ramChargedByteHours',
  'pvByteHours',
  'cpuCost',
  'ramCost',
  'pvCost',
] as const;

/** The identity of a stored row. */
export function hourRowKey(row: Pick<CostHourRow, 'hour' | 'cluster' | 'namespace' | 'workload'>): string {
  return `${row.hour}\u0000${row.cluster}\u0000${row.namespace}\u0000${row.workload}`;
}

/** A row with every quantity 0. */
export function emptyHourRow(
  key: Pick<CostHourRow, 'hour' | 'cluster' | 'namespace' | 'workload'>,
  attribution: NamespaceAttribution = {},
): CostHourRow {
  return {
    ...key,
    tenant: attribution.tenant ?? null,
    owner: attribution.owner ?? null,
    costCenter: attribution.costCenter ?? null,
    minutes: 0,
    cpuRequestCoreHours: 0,
    cpuUsageCoreHours: 0,
    cpuChargedCoreHours: 0,
    ramRequestByteHours: 0,
    ramUsageByteHours: 0,
    ramChargedByteHours: 0,
    pvByteHours: 0,
    cpuCost: 0,
    ramCost: 0,
    pvCost: 0,
  };
}

/** Sets a row's costs from its charged quantities and the hour's prices. */
export function priceHourRow(row: CostHourRow, prices: UnitPrices): CostHourRow {
  row.cpuCost = row.cpuChargedCoreHours * prices.cpuCoreHour;
  row.ramCost = (row.ramChargedByteHours / GIB) * prices.ramGiBHour;
  row.pvCost = (row.pvByteHours / GIB) * prices.pvGiBHour;
  return row;
}

/**
 * Adds rows with the same key (what the store does when a later sample covers more of an
 * hour). Minutes add too: two samples of one hour cover disjoint parts of it. The attribution
 * of the later row wins, so a namespace handed to a new owner mid-hour goes to the new owner.
 */
export function mergeHourRows(rows: Iterable<CostHourRow>): CostHourRow[] {
  const merged = new Map<string, CostHourRow>();
  for (const row of rows) {
    const key = hourRowKey(row);
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...row });
      continue;
    }
    for (const field of HOUR_ROW_QUANTITIES) into[field] += row[field];
    into.tenant = row.tenant;
    into.owner = row.owner;
    into.costCenter = row.costCenter;
  }
  return [...merged.values()];
}
