/*
 * The arithmetic of Deployment rollouts: maxSurge/maxUnavailable resolution and the status
 * conditions, as pure functions.
 */
import type { KubeObject } from '../types';
import {
  type Condition,
  findCondition,
  omitZeroCounts,
  setCondition,
} from './objects';

/** An IntOrString from a rolling-update strategy. */
export type IntOrString = number | string | undefined;

/** Resolves an IntOrString against a total: "25%" of 10 → 3 (roundUp) or 2 (down). */
export function resolveIntOrPercent(
  value: IntOrString,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const match = /^(\d+)%$/.exec(v);
  if (!match) return Number(v) || 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable of a strategy (at least one of them is > 0, as the API requires). */
export function rolloutBudget(
  strategy:
    | {
        type?: string;
        rollingUpdate?: {
          maxSurge?: IntOrString;
          maxUnavailable?: IntOrString;
        };
      }
    | undefined,
  replicas: number,
): { maxSurge: number; maxUnavailable: number } {
  if (strategy?.type === 'Recreate')
    return { maxSurge: 0, maxUnavailable: replicas };
  const maxSurge = resolveIntOrPercent(
    strategy?.rollingUpdate?.maxSurge,
    replicas,
    true,
    '25%',
  );
  let maxUnavailable = resolveIntOrPercent(
    strategy?.rollingUpdate?.maxUnavailable,
    replicas,
    false,
    '25%',
  );
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** Inputs of the Deployment status conditions. */
export interface RolloutState {
  replicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  maxUnavailable: number;
  newReplicaSetName: string;
  /** Seconds since the rollout last made progress; compared with progressDeadlineSeconds. */
  secondsSinceProgress: number;
  progressDeadlineSeconds: number;
  replicaFailure?: Condition;
}

/** The Available, Progressing and ReplicaFailure conditions of a Deployment (without times). */
export function deploymentConditions(state: RolloutState): Condition[] {
  const available =
    state.availableReplicas >= state.replicas - state.maxUnavailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        };
  const complete =
    state.updatedReplicas === state.replicas &&
    state.availableReplicas >= state.replicas;
  let progressing: Condition;
  if (complete) {
    progressing = {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${state.newReplicaSetName}" has successfully progressed.`,
    };
  } else if (state.secondsSinceProgress > state.progressDeadlineSeconds) {
    progressing = {
      type: 'Progressing',
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${state.newReplicaSetName}" has timed out progressing.`,
    };
  } else {
    progressing = {
      type: 'Progressing',
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${state.newReplicaSetName}" is progressing.`,
    };
  }
  const conditions: Condition[] = [available, progressing];
  if (state.replicaFailure) {
    conditions.push({
      type: 'ReplicaFailure',
      status: 'True',
      reason: state.replicaFailure.reason ?? 'FailedCreate',
      message: state.replicaFailure.message ?? '',
    });
  }
  return conditions;
}

/** The part of a ReplicaSet's status the deployment controller reads. */
export interface ReplicaSetStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  conditions?: Condition[];
}

/** A ReplicaSet's status (empty when it has none yet). */
export function replicaSetStatus(rs: KubeObject): ReplicaSetStatus {
  return (rs.status ?? {}) as ReplicaSetStatus;
}

/** Inputs of a Deployment's status. */
export interface DeploymentStatusInput {
  deployment: KubeObject;
  newReplicaSet: KubeObject | undefined;
  /** Every ReplicaSet the Deployment owns, the new one included. */
  replicaSets: KubeObject[];
  maxUnavailable: number;
  now: string;
}

/** A Deployment's status from its ReplicaSets, as the deployment controller computes it (zero counts omitted). */
export function deploymentStatus(
  input: DeploymentStatusInput,
): Record<string, unknown> {
  const { deployment, newReplicaSet, replicaSets, maxUnavailable, now } = input;
  const spec = deployment.spec as {
    replicas?: number;
    progressDeadlineSeconds?: number;
  };
  const previous = (deployment.status ?? {}) as {
    conditions?: Condition[];
    collisionCount?: number;
  };
  const sum = (pick: (s: ReplicaSetStatus) => number | undefined) =>
    replicaSets.reduce((n, rs) => n + (pick(replicaSetStatus(rs)) ?? 0), 0);
  const availableReplicas = sum(s => s.availableReplicas);
  const updatedReplicas = newReplicaSet
    ? replicaSetStatus(newReplicaSet).replicas ?? 0
    : 0;
  const progressing = previous.conditions?.find(c => c.type === 'Progressing');
  // Progress is measured from the last time the rollout condition changed.
  const since =
    progressing?.reason === 'ReplicaSetUpdated'
      ? Date.parse(progressing.lastUpdateTime ?? now)
      : Date.parse(now);
  let conditions: Condition[] = (previous.conditions ?? []).filter(
    c => c.type !== 'ReplicaFailure',
  );
  for (const c of deploymentConditions({
    replicas: spec.replicas ?? 1,
    updatedReplicas,
    availableReplicas,
    maxUnavailable,
    newReplicaSetName:
      newReplicaSet?.metadata.name ?? deployment.metadata.name!,
    secondsSinceProgress: (Date.parse(now) - since) / 1000,
    progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
    replicaFailure: replicaSets
      .map(rs =>
        findCondition(replicaSetStatus(rs).conditions, 'ReplicaFailure'),
      )
      .find(Boolean),
  })) {
    conditions = setCondition(conditions, { ...c, lastUpdateTime: '' }, now);
  }
  const specReplicas = replicaSets.reduce(
    (n, rs) => n + ((rs.spec as { replicas?: number }).replicas ?? 0),
    0,
  );
  const status: Record<string, unknown> = {
    observedGeneration: deployment.metadata.generation ?? 1,
    replicas: sum(s => s.replicas),
    updatedReplicas,
    readyReplicas: sum(s => s.readyReplicas),
    availableReplicas,
    unavailableReplicas: Math.max(0, specReplicas - availableReplicas),
    conditions,
  };
  if (previous.collisionCount !== undefined)
    status.collisionCount = previous.collisionCount;
  omitZeroCounts(status, [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ]);
  return status;
}
