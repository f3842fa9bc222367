import type { WorkloadInfo } from '../fleet/types';
import { resolveIntOrPercent } from './intOrPercent';

/** A Deployment's update strategy with maxUnavailable and maxSurge resolved to pod counts. */
export type ResolvedStrategy =
  | { type: 'Recreate' }
  | {
      type: 'RollingUpdate';
      maxUnavailable: number;
      maxSurge: number;
      /** maxUnavailable as written (or the default), for messages. */
      maxUnavailableText: string;
    };

const DEFAULT_ROLLING = '25%';

/**
 * Resolves a Deployment's strategy as the deployment controller does: both fields default to
 * 25%, maxSurge rounds up and maxUnavailable down, and when both come to 0 maxUnavailable is 1.
 * Undefined for malformed values.
 */
export function resolveDeploymentStrategy(workload: WorkloadInfo): ResolvedStrategy | undefined {
  const strategy = workload.strategy;
  if (strategy?.type === 'Recreate') return { type: 'Recreate' };
  const unavailableValue = strategy?.maxUnavailable ?? DEFAULT_ROLLING;
  const surgeValue = strategy?.maxSurge ?? DEFAULT_ROLLING;
  const replicas = workload.desiredReplicas;
  let maxUnavailable = resolveIntOrPercent(unavailableValue, replicas, false);
  const maxSurge = resolveIntOrPercent(surgeValue, replicas, true);
  if (maxUnavailable === undefined || maxSurge === undefined) return undefined;
  if (maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { type: 'RollingUpdate', maxUnavailable, maxSurge, maxUnavailableText: String(unavailableValue) };
}
