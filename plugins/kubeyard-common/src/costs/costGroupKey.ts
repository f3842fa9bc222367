import { CostGroupBy, IDLE_KEY, UNALLOCATED_KEY } from '../api/costTypes';
import { CostHourRow } from './types';

/** The rows' fields a group key reads. */
export type CostGroupKeyRow = Pick<CostHourRow, 'cluster' | 'namespace' | 'tenant' | 'owner' | 'costCenter'>;

/** Maps a row to the name of its group. */
export type CostGroupKeyFn = (row: CostGroupKeyRow) => string;

const KEYS: Record<CostGroupBy, CostGroupKeyFn> = {
  owner: row => row.owner ?? UNALLOCATED_KEY,
  tenant: row => row.tenant ?? UNALLOCATED_KEY,
  namespace: row => `${row.cluster}/${row.namespace}`,
  cluster: row => row.cluster,
  costCenter: row => row.costCenter ?? UNALLOCATED_KEY,
};

/**
 * The group key of a group-by: a Group ref, tenant, `cluster/namespace`, cluster or cost
 * center; UNALLOCATED_KEY where the row has no owner, tenant or cost center; IDLE_KEY for idle
 * rows, whatever the group-by (idle capacity belongs to nobody until it is shared).
 */
export function costGroupKey(groupBy: CostGroupBy): CostGroupKeyFn {
  const key = KEYS[groupBy];
  return row => (row.namespace === IDLE_KEY ? IDLE_KEY : key(row));
}

/** The default label of a group key: "Idle", "Unallocated", or the key itself. */
export function defaultCostLabel(key: string): string {
  if (key === IDLE_KEY) return 'Idle';
  if (key === UNALLOCATED_KEY) return 'Unallocated';
  return key;
}
