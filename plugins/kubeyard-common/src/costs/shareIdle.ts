/*
 * Idle sharing. Idle capacity (allocatable not charged to any pod) costs money; with `share`
 * each cluster-hour's idle cost goes to that cluster-hour's namespaces in proportion to their
 * requested cost, as OpenCost's shareIdle does by default. Sharing must see every row of a
 * cluster-hour, so filter (by owner, namespace …) after sharing, never before.
 */
import { IDLE_KEY } from '../api/costTypes';
import { CostHourRow } from './types';

/** How idle cost is reported: shared into namespaces, or kept as the IDLE_KEY group. */
export type IdleMode = 'share' | 'separate';

/** A row with the idle cost shared into it. */
export interface SharedCostRow extends CostHourRow {
  sharedCost: number;
}

/** The per-unit prices a priced row implies (0 for a resource it does not charge). */
export function impliedPrices(row: CostHourRow): { cpuCoreHour: number; ramByteHour: number } {
  return {
    cpuCoreHour: row.cpuChargedCoreHours > 0 ? row.cpuCost / row.cpuChargedCoreHours : 0,
    ramByteHour: row.ramChargedByteHours > 0 ? row.ramCost / row.ramChargedByteHours : 0,
  };
}

/** What a row's requests cost at its hour's prices (cpu + ram): the weight of idle sharing. */
export function requestCost(row: CostHourRow): number {
  const prices = impliedPrices(row);
  return row.cpuRequestCoreHours * prices.cpuCoreHour + row.ramRequestByteHours * prices.ramByteHour;
}

/** What a row's usage costs at its hour's prices (cpu + ram). */
export function usageCost(row: CostHourRow): number {
  const prices = impliedPrices(row);
  return row.cpuUsageCoreHours * prices.cpuCoreHour + row.ramUsageByteHours * prices.ramByteHour;
}

const rowCost = (row: CostHourRow) => row.cpuCost + row.ramCost + row.pvCost;

function shareClusterHour(rows: CostHourRow[]): SharedCostRow[] {
  const idle = rows.filter(row => row.namespace === IDLE_KEY);
  const used = rows.filter(row => row.namespace !== IDLE_KEY).map(row => ({ ...row, sharedCost: 0 }));
  const weights = used.map(requestCost);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const idleCost = idle.reduce((sum, row) => sum + rowCost(row), 0);
  // No requests in this cluster-hour: nothing to share by, the idle cost stays idle.
  if (!(totalWeight > 0)) return [...used, ...idle.map(row => ({ ...row, sharedCost: 0 }))];
  // The last recipient takes the remainder, so the shares add up to the idle cost exactly.
  const last = weights.map(w => w > 0).lastIndexOf(true);
  let given = 0;
  used.forEach((row, index) => {
    if (!(weights[index] > 0)) return;
    row.sharedCost = index === last ? idleCost - given : (idleCost * weights[index]) / totalWeight;
    given += row.sharedCost;
  });
  return used;
}

/**
 * Rows with idle cost shared (`share`) or kept apart (`separate`, sharedCost 0 and idle rows
 * kept). Under `share`, idle rows disappear except in cluster-hours without any request.
 */
export function shareIdle(rows: readonly CostHourRow[], mode: IdleMode): SharedCostRow[] {
  if (mode === 'separate') return rows.map(row => ({ ...row, sharedCost: 0 }));
  const byClusterHour = new Map<string, CostHourRow[]>();
  for (const row of rows) {
    const key = `${row.cluster}\u0000${row.hour}`;
    const group = byClusterHour.get(key);
    if (group) group.push(row);
    else byClusterHour.set(key, [row]);
  }
  return [...byClusterHour.values()].flatMap(shareClusterHour);
}
