import { resolveDeploymentStrategy } from './rollingUpdate';
import { plural, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/**
 * workload.rollout.recreate / max-unavailable: Deployments roll out with maxUnavailable 0 and
 * maxSurge ≥ 1. StatefulSets cannot surge and DaemonSets replace per node, so only Deployments
 * are judged.
 */
export const deploymentRollout: WorkloadRule = ({ workload, object, schedulableNodes, nodes }: WorkloadContext) => {
  if (workload.kind !== 'Deployment' || workload.desiredReplicas === 0) return [];
  const strategy = resolveDeploymentStrategy(workload);
  if (!strategy) return [];
  if (strategy.type === 'Recreate') {
    return [
      {
        id: 'workload.rollout.recreate',
        severity: 'warning',
        object,
        message: `${workloadRef(workload)} uses the Recreate strategy: every rollout stops the ${plural(workload.desiredReplicas, 'running replica')} before starting new ones, so each deploy is an outage`,
        fix: 'Use strategy RollingUpdate with maxUnavailable 0 and maxSurge 1; keep Recreate only if two versions cannot run side by side (e.g. a ReadWriteOnce volume)',
      },
    ];
  }
  if (strategy.maxUnavailable === 0) return [];
  // With required anti-affinity filling every node, maxUnavailable 0 would stall rollouts
  // (workload.anti-affinity.blocks-rollout): there maxUnavailable > 0 is the right choice.
  const everyNodeTaken =
    workload.template.antiAffinity === 'required' && nodes.length > 0 && workload.desiredReplicas >= schedulableNodes.length;
  if (everyNodeTaken) return [];
  return [
    {
      id: 'workload.rollout.max-unavailable',
      severity: 'info',
      object,
      message: `${workloadRef(workload)} rolls out with maxUnavailable ${strategy.maxUnavailableText}: a rollout takes ${strategy.maxUnavailable} of ${plural(workload.desiredReplicas, 'replica')} out of service before their replacements are ready`,
      fix: 'Set maxUnavailable to 0 and maxSurge to 1 (or 25%), so new pods become ready before old ones stop',
    },
  ];
};

/** Rollout rules for every workload kind (they judge Deployments only). */
export const rolloutRules: WorkloadRule[] = [deploymentRollout];
