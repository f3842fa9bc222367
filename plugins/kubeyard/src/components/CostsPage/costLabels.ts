import {
  IDLE_KEY,
  UNALLOCATED_KEY,
  type CostGroupBy,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/** How the group-by switch and titles name each grouping. */
export const GROUP_BY_LABELS: Record<CostGroupBy, string> = {
  owner: 'Owner',
  tenant: 'Tenant',
  namespace: 'Namespace',
  cluster: 'Cluster',
  costCenter: 'Cost center',
};

/** Whether an allocation is a catalog group, tenant, … or one of the two that are nobody's. */
export type AllocationKind = 'group' | 'unallocated' | 'idle';

/** The kind of an allocation, from its key. */
export function allocationKind(name: string): AllocationKind {
  if (name === UNALLOCATED_KEY) return 'unallocated';
  if (name === IDLE_KEY) return 'idle';
  return 'group';
}

/** Why cost is unallocated, per grouping: what the namespaces are missing. */
export function unallocatedReason(groupBy: CostGroupBy): string {
  switch (groupBy) {
    case 'tenant':
      return 'namespaces of no tenant';
    case 'costCenter':
      return 'namespaces without a kubeyard.io/cost-center label';
    default:
      return 'namespaces without a kubeyard.io/owner label';
  }
}

/** What idle cost is. */
export const IDLE_REASON = 'allocatable capacity no pod requested';
