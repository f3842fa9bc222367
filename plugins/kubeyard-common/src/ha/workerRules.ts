import type { NodeInfo } from '../fleet/types';
import { zonesOf } from './nodes';
import { listNames, plural } from './text';
import type { ClusterContext, ClusterRule } from './types';

/** cluster.workers.count: N+1 workers, at least 3, so one can fail or drain while the rest carry the load. */
export const workerCount: ClusterRule = ({ cluster, object, workers }: ClusterContext) => {
  const count = workers.length;
  if (count >= 3) return [];
  if (count === 0) {
    return [
      {
        id: 'cluster.workers.count',
        severity: 'critical',
        object,
        message: `Cluster ${cluster} has no worker nodes and its control-plane nodes are tainted NoSchedule: ordinary pods have nowhere to run`,
        fix: 'Add at least 3 worker nodes (N+1), spread over 2 or more zones',
      },
    ];
  }
  const names = listNames(workers.map(node => node.name));
  if (count === 1) {
    return [
      {
        id: 'cluster.workers.count',
        severity: 'critical',
        object,
        message: `Cluster ${cluster} runs its workloads on 1 node (${names}): when it fails or is drained, every pod goes down with it`,
        fix: 'Add at least 2 more worker nodes: 3 (N+1) is the minimum, N+2 lets one node be under maintenance while another fails',
      },
    ];
  }
  return [
    {
      id: 'cluster.workers.count',
      severity: 'warning',
      object,
      message: `Cluster ${cluster} runs its workloads on 2 nodes (${names}): after losing one, the other must hold every pod, and drains have no spare node`,
      fix: 'Add a third worker node (N+1); N+2 lets one node be under maintenance while another fails',
    },
  ];
};

function workersByZone(workers: NodeInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of workers) {
    if (node.zone) counts.set(node.zone, (counts.get(node.zone) ?? 0) + 1);
  }
  return counts;
}

/** cluster.zones.count: workers in at least 2 zones, so a zone outage leaves somewhere to run. */
export const workerZones: ClusterRule = ({ cluster, object, workers }: ClusterContext) => {
  if (workers.length < 2) return [];
  const zones = zonesOf(workers);
  if (zones.length >= 2) return [];
  if (zones.length === 1) {
    return [
      {
        id: 'cluster.zones.count',
        severity: 'warning',
        object,
        message: `${workers.length === 2 ? 'Both' : `All ${workers.length}`} worker nodes of cluster ${cluster} are in zone ${zones[0]}: a zone outage takes down every workload`,
        fix: `Add worker nodes in a second zone, at least 2 per zone, so workloads can spread with topologySpreadConstraints on topology.kubernetes.io/zone`,
      },
    ];
  }
  return [
    {
      id: 'cluster.zones.count',
      severity: 'warning',
      object,
      message: `None of the ${plural(workers.length, 'worker node')} of cluster ${cluster} has a topology.kubernetes.io/zone label, so workloads cannot be spread across failure domains`,
      fix: 'Label every node with topology.kubernetes.io/zone (cloud providers set it; on bare metal use the rack or room) and run workers in at least 2 zones',
    },
  ];
};

/** cluster.zones.workers-per-zone: at least 2 workers in each zone, so one node failure does not empty a zone. */
export const workersPerZone: ClusterRule = ({ cluster, object, workers }: ClusterContext) => {
  const counts = workersByZone(workers);
  if (counts.size < 2) return [];
  const thin = [...counts.entries()].filter(([, count]) => count < 2).map(([zone]) => zone).sort();
  if (thin.length === 0) return [];
  const all = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, count]) => `${zone}: ${count}`)
    .join(', ');
  return [
    {
      id: 'cluster.zones.workers-per-zone',
      severity: 'warning',
      object,
      message: `${thin.length === 1 ? 'Zone' : 'Zones'} ${listNames(thin)} of cluster ${cluster} ${thin.length === 1 ? 'has' : 'have'} 1 worker node (${all}): one node failure empties the zone, and zone-spread pods then crowd the others`,
      fix: `Add a worker node to ${listNames(thin)} so that every zone has at least 2`,
    },
  ];
};

/** Worker and zone rules, in report order. */
export const workerRules: ClusterRule[] = [workerCount, workerZones, workersPerZone];
