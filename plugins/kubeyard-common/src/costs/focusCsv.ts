/*
 * CSV export in FinOps FOCUS 1.x column names, one line per (bucket, group). Kubeyard shows
 * back rather than bills, so BilledCost = EffectiveCost = ListCost = the allocation's total.
 * OpenCost's quantities go in x_ columns, as FOCUS asks of provider extensions.
 */
import { CostAllocation, CostGroupBy, CostSeriesBucket } from '../api/costTypes';
import { csvText, toCsv } from './csv';

/** The columns of the export, in order. */
export const FOCUS_COLUMNS = [
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'BillingCurrency',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'SubAccountId',
  'SubAccountName',
  'ConsumedQuantity',
  'ConsumedUnit',
  'Tags',
  'x_CpuCoreHours',
  'x_CpuCoreRequestAverage',
  'x_CpuCoreUsageAverage',
  'x_RamByteHours',
  'x_RamByteRequestAverage',
  'x_RamByteUsageAverage',
  'x_PvByteHours',
  'x_CpuCost',
  'x_RamCost',
  'x_PvCost',
  'x_SharedCost',
  'x_Efficiency',
  'x_Minutes',
] as const;

/** One line of the export. */
export type FocusRow = Record<(typeof FOCUS_COLUMNS)[number], string>;

const RESOURCE_TYPES: Record<CostGroupBy, string> = {
  owner: 'Group',
  tenant: 'Tenant',
  namespace: 'Namespace',
  cluster: 'Cluster',
  costCenter: 'CostCenter',
};

/** A number without exponent or trailing zeros: 0.000000123 → `0.000000123`, 2.50 → `2.5`. */
export function csvNumber(value: number, decimals = 10): string {
  if (!Number.isFinite(value)) return '';
  const fixed = value.toFixed(decimals);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return text === '-0' ? '0' : text;
}

function clusterOf(allocation: CostAllocation, groupBy: CostGroupBy): string {
  if (groupBy === 'cluster') return allocation.name;
  if (groupBy === 'namespace' && allocation.name.includes('/')) return allocation.name.split('/')[0];
  return '';
}

/** The export's lines for one allocation of one bucket. */
export function focusRow(bucket: Pick<CostSeriesBucket, 'start' | 'end'>, a: CostAllocation, groupBy: CostGroupBy, currency: string): FocusRow {
  const cost = csvNumber(a.totalCost);
  const cluster = csvText(clusterOf(a, groupBy));
  return {
    ChargePeriodStart: bucket.start,
    ChargePeriodEnd: bucket.end,
    BilledCost: cost,
    EffectiveCost: cost,
    ListCost: cost,
    BillingCurrency: currency,
    ResourceId: csvText(a.name),
    ResourceName: csvText(a.label),
    ResourceType: RESOURCE_TYPES[groupBy],
    ServiceCategory: 'Compute',
    ServiceName: 'Kubernetes',
    SubAccountId: cluster,
    SubAccountName: cluster,
    ConsumedQuantity: csvNumber(a.cpuCoreHours, 6),
    ConsumedUnit: 'Core-Hours',
    Tags: JSON.stringify({ 'kubeyard.io/group-by': groupBy, [`kubeyard.io/${groupBy}`]: a.name }),
    x_CpuCoreHours: csvNumber(a.cpuCoreHours, 6),
    x_CpuCoreRequestAverage: csvNumber(a.cpuCoreRequestAverage, 6),
    x_CpuCoreUsageAverage: csvNumber(a.cpuCoreUsageAverage, 6),
    x_RamByteHours: csvNumber(a.ramByteHours, 0),
    x_RamByteRequestAverage: csvNumber(a.ramByteRequestAverage, 0),
    x_RamByteUsageAverage: csvNumber(a.ramByteUsageAverage, 0),
    x_PvByteHours: csvNumber(a.pvByteHours, 0),
    x_CpuCost: csvNumber(a.cpuCost),
    x_RamCost: csvNumber(a.ramCost),
    x_PvCost: csvNumber(a.pvCost),
    x_SharedCost: csvNumber(a.sharedCost),
    x_Efficiency: a.efficiency === null ? '' : csvNumber(a.efficiency, 6),
    x_Minutes: csvNumber(a.minutes, 3),
  };
}

/** The FOCUS CSV of a report's series (for step 'total', pass one bucket holding the groups). */
export function focusCsv(buckets: readonly CostSeriesBucket[], options: { groupBy: CostGroupBy; currency: string }): string {
  const rows = buckets.flatMap(bucket => bucket.allocations.map(a => focusRow(bucket, a, options.groupBy, options.currency)));
  return toCsv(FOCUS_COLUMNS, rows);
}
