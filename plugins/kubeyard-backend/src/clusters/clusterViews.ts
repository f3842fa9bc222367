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

function evaluate(snapshot: ClusterSnapshot) {
  const nodes = snapshot.list<NodeInfo>('nodes');
  const pods = snapshot.list<PodInfo>('pods');
  const { findings, controlPlane } = evaluateClusterHa({ cluster: snapshot.name, nodes, pods });
  return { nodes, pods, findings, controlPlane };
}

function summarise(snapshot: ClusterSnapshot, nodes: NodeInfo[], pods: PodInfo[], findings: Finding[]): ClusterSummary {
  const requested = sumRequests(pods);
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
export function clusterSummary(snapshot: ClusterSnapshot): ClusterSummary {
  const { nodes, pods, findings } = evaluate(snapshot);
  return summarise(snapshot, nodes, pods, findings);
}

/** The cluster page: topology by zone, control plane, findings. */
export function clusterDetail(snapshot: ClusterSnapshot): ClusterDetail {
  const { nodes, pods, findings, controlPlane } = evaluate(snapshot);
  const byZone = new Map<string, NodeInfo[]>();
  for (const node of nodes) {
    const zone = node.zone ?? '(no zone label)';
    byZone.set(zone, [...(byZone.get(zone) ?? []), node]);
  }
  const topology = [...byZone.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, zoneNodes]) => ({ zone, nodes: zoneNodes.sort((a, b) => a.name.localeCompare(b.name)) }));
  return { summary: summarise(snapshot, nodes, pods, findings), topology, controlPlane, findings };
}
