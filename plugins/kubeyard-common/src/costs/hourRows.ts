/*
 * CostHourRow arithmetic: the quantities of a row, an empty row, and pricing one.
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
