/*
 * How much of a cluster's capacity is not yet promised to tenants: the allocatable CPU and
 * memory of its Ready, schedulable worker nodes, minus the `requests.cpu` and
 * `requests.memory` of every other Kubeyard tenant's ResourceQuota on it. Control-plane nodes
 * (NoSchedule taints) run no tenant pods and do not count. Quotas are promises, not usage:
 * counting them keeps the sum of tenants within what the cluster can run at once.
 */
import {
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  tryParseQuantity,
  type NodeInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot, ResourceQuotaInfo } from '../fleet';

const quantity = (value: string | undefined): number => tryParseQuantity(value) ?? 0;

/** Headroom of one cluster, or undefined when the index does not know the cluster yet. */
export function clusterHeadroom(snapshot: ClusterSnapshot, excludeTenant: string): { cpuCores: number; memoryBytes: number } | undefined {
  if (snapshot.sync.state !== 'synced' && snapshot.sync.state !== 'stale') return undefined;
  const workers = snapshot
    .list<NodeInfo>('nodes')
    .filter(node => node.ready && !node.unschedulable && !node.taints.some(t => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
  let cpuCores = workers.reduce((sum, node) => sum + node.allocatable.cpuCores, 0);
  let memoryBytes = workers.reduce((sum, node) => sum + node.allocatable.memoryBytes, 0);
  for (const quota of snapshot.list<ResourceQuotaInfo>('resourcequotas')) {
    const labels = quota.labels;
    if (labels[KUBEYARD_LABELS.managedBy] !== KUBEYARD_MANAGER || !labels[KUBEYARD_LABELS.tenant]) continue;
    if (labels[KUBEYARD_LABELS.tenant] === excludeTenant) continue;
    cpuCores -= quantity(quota.hard['requests.cpu']);
    memoryBytes -= quantity(quota.hard['requests.memory']);
  }
  return { cpuCores: Math.max(0, cpuCores), memoryBytes: Math.max(0, memoryBytes) };
}

/** Headroom of every indexed cluster, leaving out `excludeTenant`'s own quota. */
export function allocatableHeadroom(snapshots: ClusterSnapshot[], excludeTenant: string): Record<string, { cpuCores: number; memoryBytes: number }> {
  const result: Record<string, { cpuCores: number; memoryBytes: number }> = {};
  for (const snapshot of snapshots) {
    const headroom = clusterHeadroom(snapshot, excludeTenant);
    if (headroom) result[snapshot.name] = headroom;
  }
  return result;
}
