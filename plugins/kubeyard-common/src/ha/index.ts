export { evaluateClusterHa, clusterHaRules } from './evaluateClusterHa';
export { evaluateWorkloadHa, everyWorkloadRules, replicatedWorkloadRules } from './evaluateWorkloadHa';
export { isControlPlaneNode, isNodeReady, isSchedulableFor, tolerates } from './nodes';
export { quorumSize, quorumTolerance } from './etcdRules';
export { allowedDisruptions } from './pdbRules';
export { resolveIntOrPercent } from './intOrPercent';
export { holdsResources, podRequests } from './pods';
export type {
  ClusterContext,
  ClusterHaInput,
  ClusterHaResult,
  ClusterRule,
  WorkloadContext,
  WorkloadHaInput,
  WorkloadRule,
} from './types';
