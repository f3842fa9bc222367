import type { Finding } from '../findings/types';
import type { NodeInfo } from '../fleet/types';
import { isControlPlaneNode, isNodeReady, readyConditionOf } from './nodes';
import { nodeObject } from './objects';
import type { ClusterContext, ClusterRule } from './types';

function whyNotReady(node: NodeInfo): string {
  const condition = readyConditionOf(node);
  if (!condition) return 'it reports no Ready condition';
  const detail = [condition.reason, condition.message].filter(Boolean).join(': ');
  const status =
    condition.status === 'Unknown' ? 'Ready is Unknown, the kubelet stopped reporting' : `Ready is ${condition.status}`;
  return detail ? `${status} (${detail})` : status;
}

/** cluster.nodes.not-ready: one finding per node whose Ready condition is not True; critical for control-plane nodes. */
export const nodesNotReady: ClusterRule = ({ cluster, nodes }: ClusterContext) =>
  nodes
    .filter(node => !isNodeReady(node))
    .map((node): Finding => {
      const controlPlane = isControlPlaneNode(node);
      return {
        id: 'cluster.nodes.not-ready',
        severity: controlPlane ? 'critical' : 'warning',
        object: nodeObject(cluster, node),
        message: `${controlPlane ? 'Control-plane node' : 'Node'} ${node.name} is NotReady: ${whyNotReady(node)}`,
        fix: `Run kubectl describe node ${node.name} and check the kubelet and container runtime on it (journalctl -u kubelet); if it does not recover, drain it (kubectl drain ${node.name} --ignore-daemonsets --delete-emptydir-data) and replace it`,
      };
    });

/** Node readiness rules, in report order. */
export const nodeReadinessRules: ClusterRule[] = [nodesNotReady];
