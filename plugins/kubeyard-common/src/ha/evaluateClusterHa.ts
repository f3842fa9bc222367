import type { ControlPlaneSummary } from '../api/types';
import type { NodeInfo } from '../fleet/types';
import { capacityRules } from './capacityRules';
import { controlPlaneRules } from './controlPlaneRules';
import { etcdRules, quorumTolerance } from './etcdRules';
import { nodeReadinessRules } from './nodeReadinessRules';
import { acceptsPods, isControlPlaneNode, isNodeReady, zonesOf } from './nodes';
import { clusterObject } from './objects';
import { isEtcdMember, isPodReady } from './pods';
import type { ClusterContext, ClusterHaInput, ClusterHaResult, ClusterRule } from './types';
import { workerRules } from './workerRules';

/** Every cluster rule, in report order. */
export const clusterHaRules: ClusterRule[] = [
  ...controlPlaneRules,
  ...etcdRules,
  ...nodeReadinessRules,
  ...workerRules,
  ...capacityRules,
];

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function contextOf({ cluster, nodes, pods }: ClusterHaInput): ClusterContext {
  const controlPlaneNodes = nodes.filter(isControlPlaneNode).sort(byName);
  let workers: NodeInfo[] = nodes.filter(node => !isControlPlaneNode(node));
  // Clusters without workers (k3s servers, single-node clusters) run pods on untainted
  // control-plane nodes; those are the nodes the worker rules are about.
  if (workers.length === 0) workers = controlPlaneNodes.filter(acceptsPods);
  return {
    cluster,
    object: clusterObject(cluster),
    nodes,
    pods,
    controlPlaneNodes,
    workers: [...workers].sort(byName),
    etcdMembers: pods.filter(isEtcdMember).sort(byName),
  };
}

function controlPlaneSummaryOf(context: ClusterContext): ControlPlaneSummary {
  return {
    nodes: context.controlPlaneNodes.map(node => ({ name: node.name, zone: node.zone, ready: isNodeReady(node) })),
    etcdMembers: context.etcdMembers.map(pod => ({ name: pod.name, node: pod.nodeName, ready: isPodReady(pod) })),
    quorumTolerance: quorumTolerance(context.etcdMembers.length),
    zones: zonesOf(context.controlPlaneNodes),
  };
}

/** Evaluates a cluster's HA posture: control plane, etcd quorum, workers and zones, node readiness, failover capacity. */
export function evaluateClusterHa(input: ClusterHaInput): ClusterHaResult {
  const context = contextOf(input);
  const controlPlane = controlPlaneSummaryOf(context);
  // No nodes means the cluster is not synced yet, not that it has no redundancy.
  if (input.nodes.length === 0) return { findings: [], controlPlane };
  return { findings: clusterHaRules.flatMap(rule => rule(context)), controlPlane };
}
