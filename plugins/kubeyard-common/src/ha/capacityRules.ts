import type { Finding } from '../findings/types';
import type { NodeInfo, PodInfo, ResourceAmounts } from '../fleet/types';
import { zonesOf } from './nodes';
import { holdsResources, isNodeBound, podRequests } from './pods';
import { describeBytes, describeCores, describePercent } from './text';
import type { ClusterContext, ClusterRule } from './types';

/** Requests above this share of allocatable leave less than the 30 % failover reserve. */
export const FAILOVER_RESERVE_LIMIT = 0.7;

type Resource = keyof ResourceAmounts;

const RESOURCES: Array<{ key: Resource; label: string; describe: (amount: number) => string }> = [
  { key: 'cpuCores', label: 'CPU', describe: describeCores },
  { key: 'memoryBytes', label: 'memory', describe: describeBytes },
];

function sum<T>(items: T[], amount: (item: T) => ResourceAmounts): ResourceAmounts {
  const total = { cpuCores: 0, memoryBytes: 0 };
  for (const item of items) {
    const value = amount(item);
    total.cpuCores += value.cpuCores;
    total.memoryBytes += value.memoryBytes;
  }
  return total;
}

/** Pods on the workers that hold resources. */
function podsOnWorkers(workers: NodeInfo[], pods: PodInfo[]): PodInfo[] {
  const names = new Set(workers.map(node => node.name));
  return pods.filter(pod => holdsResources(pod) && names.has(pod.nodeName!));
}

/** cluster.capacity.reserve: pod requests within 70 % of worker allocatable, keeping 30 % for failover. */
export const capacityReserve: ClusterRule = ({ cluster, object, workers, pods }: ClusterContext) => {
  const allocatable = sum(workers, node => node.allocatable);
  const requested = sum(podsOnWorkers(workers, pods), podRequests);
  const over = RESOURCES.filter(
    // The tolerance keeps exactly 70 % (16.8 of 24 cores) from tripping on float rounding.
    ({ key }) => allocatable[key] > 0 && requested[key] / allocatable[key] > FAILOVER_RESERVE_LIMIT + 1e-9,
  );
  if (over.length === 0) return [];
  const usage = over
    .map(
      ({ key, label, describe }) =>
        `${describePercent(requested[key] / allocatable[key])} of allocatable ${label} (${describe(requested[key])} of ${describe(allocatable[key])})`,
    )
    .join(' and ');
  const needed = over
    .map(({ key, describe }) => describe(requested[key] / FAILOVER_RESERVE_LIMIT - allocatable[key]))
    .join(' and ');
  const finding: Finding = {
    id: 'cluster.capacity.reserve',
    severity: 'warning',
    object,
    message: `Pods on the workers of cluster ${cluster} request ${usage}: above 70%, less than the 30% reserve that failover needs is left`,
    fix: `Add about ${needed} of allocatable worker capacity, or lower requests that exceed observed usage, to bring requests back under 70%`,
  };
  return [finding];
};

/** A set of nodes that can fail together: a zone, or a single node. */
interface FailureDomain {
  label: string;
  nodes: Set<string>;
}

function failureDomains(workers: NodeInfo[]): FailureDomain[] {
  // With several zones a zone is what fails together; in one zone (or unlabelled) it is a node.
  if (zonesOf(workers).length < 2) {
    return workers.map(node => ({ label: `node ${node.name}`, nodes: new Set([node.name]) }));
  }
  const byZone = new Map<string, Set<string>>();
  for (const node of workers) {
    const label = node.zone ? `zone ${node.zone}` : 'the nodes without a zone label';
    byZone.set(label, (byZone.get(label) ?? new Set()).add(node.name));
  }
  return [...byZone.entries()].map(([label, nodes]) => ({ label, nodes }));
}

interface Shortfall {
  domain: FailureDomain;
  remaining: number;
  demand: number;
  deficit: number;
}

/**
 * After losing a domain, the remaining workers must hold every pod except those bound to the
 * lost nodes (their DaemonSet and static pods die with them).
 */
function worstShortfall(workers: NodeInfo[], pods: PodInfo[], resource: Resource): Shortfall | undefined {
  let worst: Shortfall | undefined;
  for (const domain of failureDomains(workers)) {
    const remaining = workers
      .filter(node => !domain.nodes.has(node.name))
      .reduce((total, node) => total + node.allocatable[resource], 0);
    const demand = pods
      .filter(pod => !(isNodeBound(pod) && domain.nodes.has(pod.nodeName!)))
      .reduce((total, pod) => total + podRequests(pod)[resource], 0);
    const deficit = demand - remaining;
    if (deficit > 1e-9 && (!worst || deficit > worst.deficit)) worst = { domain, remaining, demand, deficit };
  }
  return worst;
}

/** cluster.capacity.failover-headroom: the workers left after losing the largest zone (or node) hold all requests. */
export const failoverHeadroom: ClusterRule = ({ cluster, object, workers, pods }: ClusterContext) => {
  // With fewer than 2 workers there is nothing to fail over to; cluster.workers.count says so.
  if (workers.length < 2) return [];
  const onWorkers = podsOnWorkers(workers, pods);
  const shortfalls = RESOURCES.map(resource => ({ resource, shortfall: worstShortfall(workers, onWorkers, resource.key) }))
    .filter((entry): entry is { resource: (typeof RESOURCES)[number]; shortfall: Shortfall } => Boolean(entry.shortfall));
  if (shortfalls.length === 0) return [];
  const losses = shortfalls
    .map(
      ({ resource, shortfall }) =>
        `losing ${shortfall.domain.label} would leave ${resource.describe(shortfall.remaining)} of allocatable ${resource.label} for ${resource.describe(shortfall.demand)} of requests`,
    )
    .join('; ');
  const missing = shortfalls.map(({ resource, shortfall }) => resource.describe(shortfall.deficit)).join(' and ');
  const byZone = zonesOf(workers).length >= 2;
  const finding: Finding = {
    id: 'cluster.capacity.failover-headroom',
    severity: 'warning',
    object,
    message: `Cluster ${cluster} cannot absorb a ${byZone ? 'zone' : 'node'} failure: ${losses}, so evicted pods would stay Pending`,
    fix: `Add at least ${missing} of allocatable worker capacity${byZone ? ' spread over the zones (for example one more node per zone)' : ''}, or lower requests, so the remaining workers can take the lost ${byZone ? 'zone' : 'node'}'s pods`,
  };
  return [finding];
};

/** Capacity rules, in report order. */
export const capacityRules: ClusterRule[] = [capacityReserve, failoverHeadroom];
