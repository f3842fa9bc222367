import type {
  NodeConditionInfo,
  NodeInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/**
 * Conditions whose healthy status is `True`; for every other node condition
 * (MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable, …) `False` is healthy.
 */
const POSITIVE_CONDITIONS = new Set(['Ready']);

/** Whether a node condition reports a problem. `Unknown` is a problem either way. */
export function isConditionNotOk(condition: NodeConditionInfo): boolean {
  if (condition.status === 'Unknown') return true;
  const healthy = POSITIVE_CONDITIONS.has(condition.type) ? 'True' : 'False';
  return condition.status !== healthy;
}

/** The conditions of a node that are not OK, e.g. Ready=False or MemoryPressure=True. */
export function problemConditions(node: NodeInfo): NodeConditionInfo[] {
  return node.conditions.filter(isConditionNotOk);
}
