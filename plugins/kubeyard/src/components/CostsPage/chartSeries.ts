import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import { allocationKind, type AllocationKind } from './costLabels';

/** How many groups the chart stacks by name; the rest are summed as "Other". */
export const TOP_GROUPS = 5;

/** One stacked series of the daily chart. */
export interface ChartSeries {
  /** The key of its values in each day's datum (`s0`, …, `other`): group keys may hold dots. */
  dataKey: string;
  label: string;
  kind: AllocationKind | 'other';
  /** Cost over the whole window. */
  total: number;
}

/** One day of the chart: `day` (`YYYY-MM-DD`) and one cost per series dataKey. */
export type ChartDatum = { day: string } & Record<string, number | string>;

/**
 * The daily stack: the TOP_GROUPS most expensive groups, then "Other", then unallocated and idle,
 * which are always their own series so they never hide inside "Other".
 */
export function chartSeries(
  report: CostReport,
  top: number = TOP_GROUPS,
): { series: ChartSeries[]; data: ChartDatum[] } {
  const named = new Map<string, ChartSeries>();
  const other: ChartSeries = {
    dataKey: 'other',
    label: 'Other',
    kind: 'other',
    total: 0,
  };
  let groups = 0;
  for (const allocation of report.groups) {
    const kind = allocationKind(allocation.name);
    if (kind === 'group' && groups >= top) {
      other.total += allocation.totalCost;
      continue;
    }
    if (kind === 'group') groups += 1;
    named.set(allocation.name, {
      dataKey: `s${named.size}`,
      label: allocation.label,
      kind,
      total: allocation.totalCost,
    });
  }
  const order = (s: ChartSeries) =>
    ['group', 'other', 'unallocated', 'idle'].indexOf(s.kind);
  const series = [...named.values(), ...(other.total > 0 ? [other] : [])].sort(
    (a, b) => order(a) - order(b),
  );
  const data = report.series.map(bucket => {
    const datum: ChartDatum = { day: bucket.start.slice(0, 10) };
    for (const s of series) datum[s.dataKey] = 0;
    for (const allocation of bucket.allocations) {
      const key = named.get(allocation.name)?.dataKey ?? other.dataKey;
      datum[key] = Number(datum[key] ?? 0) + allocation.totalCost;
    }
    return datum;
  });
  return { series, data };
}
