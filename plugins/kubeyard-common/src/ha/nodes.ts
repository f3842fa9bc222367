import type { NodeConditionInfo, NodeInfo, TaintInfo, TolerationInfo, WorkloadInfo } from '../fleet/types';

/** Roles that mark a control-plane node; `master` is the name before Kubernetes 1.20. */
export const CONTROL_PLANE_ROLES = ['control-plane', 'master'];

/** Whether a node carries node-role.kubernetes.io/control-plane or node-role.kubernetes.io/master. */
export function isControlPlaneNode(node: NodeInfo): boolean {
  return CONTROL_PLANE_ROLES.some(
    role => node.roles.includes(role) || `node-role.kubernetes.io/${role}` in node.labels,
  );
}

/** The node's Ready condition, if it reports one. */
export function readyConditionOf(node: NodeInfo): NodeConditionInfo | undefined {
  return node.conditions.find(condition => condition.type === 'Ready');
}

/**
 * Whether the node is Ready: its Ready condition is True. False and Unknown are not ready
 * (matching on the text "Ready" counts NotReady nodes as ready). Without a Ready condition the
 * projection's ready flag decides.
 */
export function isNodeReady(node: NodeInfo): boolean {
  const condition = readyConditionOf(node);
  return condition ? condition.status === 'True' : node.ready;
}

/** Taints that keep pods off a node unless tolerated; PreferNoSchedule only discourages. */
function repels(taint: TaintInfo): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/** Whether a toleration tolerates a taint, by the rules of the Kubernetes scheduler. */
export function tolerates(toleration: TolerationInfo, taint: TaintInfo): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  // An empty key with operator Exists tolerates every taint.
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** Whether ordinary pods (no tolerations) can run on the node: no NoSchedule or NoExecute taint. */
export function acceptsPods(node: NodeInfo): boolean {
  return !node.taints.some(repels);
}

/** Whether the scheduler can place a pod of this template on the node now. */
export function isSchedulableFor(node: NodeInfo, template: WorkloadInfo['template']): boolean {
  if (!isNodeReady(node) || node.unschedulable) return false;
  const tolerations = template.tolerations ?? [];
  const tolerated = node.taints.filter(repels).every(taint => tolerations.some(t => tolerates(t, taint)));
  const selected = Object.entries(template.nodeSelector ?? {}).every(([key, value]) => node.labels[key] === value);
  return tolerated && selected;
}

/** The distinct zones of some nodes, sorted; nodes without a zone label add none. */
export function zonesOf(nodes: NodeInfo[]): string[] {
  return [...new Set(nodes.map(node => node.zone).filter((zone): zone is string => Boolean(zone)))].sort();
}
