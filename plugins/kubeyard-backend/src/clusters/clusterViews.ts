import {
  countFindings,
  evaluateClusterHa,
  type ClusterDetail,
  type ClusterStatus,
  type ClusterSummary,
  type Finding,
  type NamespaceInfo,
  type NodeInfo,
  type PodInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { sumRequests } from './podRequests';

function statusOf(snapshot: ClusterSnapshot, nodes: NodeInfo[], findings: Finding[]): ClusterStatus {
  const { state } = snapshot.sync;
  if (state === 'error' || state === 'stale') return 'unreachable';
  if (state === 'syncing') return 'unknown';
  const notReady = nodes.some(node => !node.ready);
  return notReady || findings.some(f => f.severity === 'critical') ? 'degraded' : 'healthy';
}

interface Evaluation {
  nodes: NodeInfo[];
  pods: PodInfo[];
  findings: Finding[];
  controlPlane: ClusterDetail['controlPlane'];
  requested: ReturnType<typeof sumRequests>;
}

/**
 * Evaluates clusters' HA rules and resource sums once per change of their data: the fleet
 * endpoints are read far more often than 4,000 pods change, so each request reuses the result
 * until the cluster's generation moves.
 */
export class ClusterEvaluator {
  private readonly cache = new Map<string, { generation: number; value: Evaluation }>();

  evaluate(snapshot: ClusterSnapshot): Evaluation {
    const cached = this.cache.get(snapshot.name);
    if (cached && cached.generation === snapshot.generation) return cached.value;
    const nodes = snapshot.list<NodeInfo>('nodes');
    const pods = snapshot.list<PodInfo>('pods');
    const { findings, controlPlane } = evaluateClusterHa({ cluster: snapshot.name, nodes, pods });
    const value = { nodes, pods, findings, controlPlane, requested: sumRequests(pods) };
    this.cache.set(snapshot.name, { generation: snapshot.generation, value });
    return value;
  }
}

function summarise(snapshot: ClusterSnapshot, { nodes, pods, findings, requested }: Evaluation): ClusterSummary {
  const zones = [...new Set(nodes.map(n => n.zone).filter((z): z is string => Boolean(z)))].sort();
  return {
    name: snapshot.name,
    version: snapshot.version,
    status: statusOf(snapshot, nodes, findings),
    sync: snapshot.sync,
    nodes: { ready: nodes.filter(n => n.ready).length, total: nodes.length },
    zones,
    cpu: {
      allocatableCores: nodes.reduce((sum, n) => sum + n.allocatable.cpuCores, 0),
      requestedCores: requested.cpuCores,
    },
    memory: {
      allocatableBytes: nodes.reduce((sum, n) => sum + n.allocatable.memoryBytes, 0),
      requestedBytes: requested.memoryBytes,
    },
    pods: pods.filter(p => p.phase !== 'Succeeded' && p.phase !== 'Failed').length,
    namespaces: snapshot.list<NamespaceInfo>('namespaces').length,
    findings: countFindings(findings),
  };
}

/** One row of the fleet table. */
export function clusterSummary(snapshot: ClusterSnapshot, evaluator: ClusterEvaluator): ClusterSummary {
  return summarise(snapshot, evaluator.evaluate(snapshot));
}

/** The cluster page: topology by zone, control plane, findings. */
export function clusterDetail(snapshot: ClusterSnapshot, evaluator: ClusterEvaluator): ClusterDetail {
  const evaluation = evaluator.evaluate(snapshot);
  const { nodes, findings, controlPlane } = evaluation;
  const byZone = new Map<string, NodeInfo[]>();
  for (const node of nodes) {
    const zone = node.zone ?? '(no zone label)';
    byZone.set(zone, [...(byZone.get(zone) ?? []), node]);
  }
  const topology = [...byZone.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, zoneNodes]) => ({ zone, nodes: zoneNodes.sort((a, b) => a.name.localeCompare(b.name)) }));
  return { summary: summarise(snapshot, evaluation), topology, controlPlane, findings };
}
