import { crowdedNode } from './placementEvidence';
import { resolveDeploymentStrategy } from './rollingUpdate';
import { plural, podSelectorOf, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** The topology key of per-node spreading. */
export const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** workload.anti-affinity.missing: replicas spread over nodes by anti-affinity or a hostname spread constraint. */
export const antiAffinityMissing: WorkloadRule = ({ workload, object, pods, maxReplicas }: WorkloadContext) => {
  if (maxReplicas < 2 || workload.template.antiAffinity !== 'none') return [];
  if (workload.template.topologySpread.some(constraint => constraint.topologyKey === HOSTNAME_KEY)) return [];
  const crowded = crowdedNode(pods);
  const evidence = crowded ? ` (${crowded.pods} of its pods already share node ${crowded.node})` : '';
  return [
    {
      id: 'workload.anti-affinity.missing',
      // Evidence of co-location turns a latent risk into a present one.
      severity: crowded ? 'warning' : 'info',
      object,
      message: `${workloadRef(workload)} runs up to ${plural(maxReplicas, 'replica')} with no pod anti-affinity or topology spread on ${HOSTNAME_KEY}: the scheduler may put them on one node, whose failure takes them all${evidence}`,
      fix: `Add podAntiAffinity preferredDuringSchedulingIgnoredDuringExecution with topologyKey ${HOSTNAME_KEY} and a labelSelector matching ${podSelectorOf(workload)} (or a topologySpreadConstraint on ${HOSTNAME_KEY} with maxSkew 1)`,
    },
  ];
};

/** workload.anti-affinity.required-exceeds-nodes: required one-pod-per-node with more replicas (or HPA maxReplicas) than schedulable nodes. */
export const requiredExceedsNodes: WorkloadRule = (context: WorkloadContext) => {
  const { workload, object, hpa, nodes, schedulableNodes } = context;
  // Without nodes the cluster is not synced: no verdict.
  if (workload.template.antiAffinity !== 'required' || nodes.length === 0) return [];
  const available = schedulableNodes.length;
  const desired = workload.desiredReplicas;
  const fix = `Use preferredDuringSchedulingIgnoredDuringExecution anti-affinity on ${HOSTNAME_KEY}, ${hpa ? `set maxReplicas to ${available} on HorizontalPodAutoscaler ${hpa.name}` : `set spec.replicas to ${available}`}, or add nodes`;
  if (desired > available) {
    return [
      {
        id: 'workload.anti-affinity.required-exceeds-nodes',
        severity: 'critical',
        object,
        message: `${workloadRef(workload)} requires one pod per node (required anti-affinity on ${HOSTNAME_KEY}) but wants ${plural(desired, 'replica')} on ${plural(available, 'schedulable node')}: ${plural(desired - available, 'pod')} will stay Pending`,
        fix,
      },
    ];
  }
  if (hpa && hpa.maxReplicas > available) {
    return [
      {
        id: 'workload.anti-affinity.required-exceeds-nodes',
        severity: 'warning',
        object,
        message: `HorizontalPodAutoscaler ${hpa.name} may scale ${workloadRef(workload)} to ${hpa.maxReplicas} replicas, but its required anti-affinity on ${HOSTNAME_KEY} allows one pod per node and ${plural(available, 'node is', 'nodes are')} schedulable: replicas above ${available} will be Pending when load peaks`,
        fix,
      },
    ];
  }
  return [];
};

/** workload.anti-affinity.blocks-rollout: one pod per node on every node plus maxUnavailable 0 leaves the surge pod nowhere to go. */
export const antiAffinityBlocksRollout: WorkloadRule = ({ workload, object, nodes, schedulableNodes }: WorkloadContext) => {
  if (workload.kind !== 'Deployment' || workload.template.antiAffinity !== 'required' || nodes.length === 0) return [];
  const available = schedulableNodes.length;
  if (available === 0 || workload.desiredReplicas !== available) return [];
  const strategy = resolveDeploymentStrategy(workload);
  if (strategy?.type !== 'RollingUpdate' || strategy.maxUnavailable !== 0) return [];
  return [
    {
      id: 'workload.anti-affinity.blocks-rollout',
      severity: 'warning',
      object,
      message: `${workloadRef(workload)} has ${plural(available, 'replica')} on ${plural(available, 'schedulable node')} with required anti-affinity and RollingUpdate maxUnavailable 0: a rollout's surge pod finds no free node, so rollouts stall`,
      fix: `Set maxUnavailable to 1 and maxSurge to 0, add a node, or use preferred anti-affinity`,
    },
  ];
};

/** Anti-affinity rules for Deployments and StatefulSets. */
export const antiAffinityRules: WorkloadRule[] = [antiAffinityMissing, requiredExceedsNodes, antiAffinityBlocksRollout];
