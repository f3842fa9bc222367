/*
 * Deployment → ReplicaSets: one ReplicaSet per pod template (named <deployment>-<pod-template-hash>),
 * rolling updates that keep at least replicas − maxUnavailable pods available while the old
 * ReplicaSets drain, revision history, and the status the real controller reports.
 * Simplification: the new ReplicaSet is scaled to the full count at once (surge is not capped).
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import {
  deploymentStatus,
  replicaSetStatus,
  rolloutBudget,
} from './deploymentRollout';
import { GVRS } from './gvr';
import { indexByController, ownedBy } from './indexes';
import type { LabelSelectorObject } from '../apiserver/labelSelector';
import {
  clone,
  controllerRef,
  deepEqual,
  findCondition,
  isTerminating,
  keyOf,
  splitKey,
} from './objects';
import { type PodTemplateSpec, templateHash } from './podTemplate';

const MANAGER = 'deployment-controller';
const REVISION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';

interface DeploymentSpec {
  replicas?: number;
  selector: LabelSelectorObject;
  template: PodTemplateSpec;
  strategy?: {
    type?: string;
    rollingUpdate?: {
      maxSurge?: number | string;
      maxUnavailable?: number | string;
    };
  };
  paused?: boolean;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

function rsReplicas(rs: KubeObject): number {
  return (rs.spec as { replicas?: number }).replicas ?? 0;
}

/** Whether a ReplicaSet runs the Deployment's template (ignoring the pod-template-hash label). */
export function sameTemplate(
  rsTemplate: PodTemplateSpec | undefined,
  template: PodTemplateSpec,
): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = clone(t ?? {});
    if (copy.metadata?.labels) delete copy.metadata.labels[HASH_LABEL];
    return copy;
  };
  return deepEqual(strip(rsTemplate), strip(template));
}

/** The deployment controller. */
export class DeploymentController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    indexByController(this.client.informer(GVRS.replicasets));
    this.subscribe(GVRS.deployments, (_type, d) => this.queue.add(keyOf(d)));
    this.subscribe(GVRS.replicasets, (_type, rs, old) =>
      this.queueController('Deployment', rs, old),
    );
  }

  /** Re-checks rollouts in progress, for the progress deadline. */
  protected resync(): void {
    for (const d of this.client.informer(GVRS.deployments).list()) {
      const progressing = findCondition(
        (d.status as { conditions?: unknown } | undefined)?.conditions,
        'Progressing',
      );
      if (progressing?.reason === 'ReplicaSetUpdated') this.queue.add(keyOf(d));
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const deployment = this.client
      .informer(GVRS.deployments)
      .get(namespace, name);
    if (!deployment || isTerminating(deployment)) return;
    const spec = deployment.spec as DeploymentSpec;
    const desired = spec.replicas ?? 1;
    const owned = this.ownedReplicaSets(deployment);
    let newRS = owned.find(rs =>
      sameTemplate(
        (rs.spec as { template?: PodTemplateSpec }).template,
        spec.template,
      ),
    );
    const oldRSs = owned.filter(rs => rs !== newRS);
    const budget = rolloutBudget(spec.strategy, desired);
    const maxOldRevision = Math.max(0, ...oldRSs.map(revisionOf));

    if (!spec.paused) {
      const recreate = spec.strategy?.type === 'Recreate';
      const oldPods = oldRSs.reduce(
        (sum, rs) => sum + (replicaSetStatus(rs).replicas ?? 0),
        0,
      );
      const target = recreate && oldPods > 0 ? 0 : desired;
      if (!newRS) {
        newRS = this.createReplicaSet(
          deployment,
          target,
          maxOldRevision + 1,
          budget.maxSurge,
        );
      } else {
        newRS = this.scaleReplicaSet(
          deployment,
          newRS,
          target,
          revisionOf(newRS) <= maxOldRevision ? maxOldRevision + 1 : undefined,
        );
      }
      this.drainOldReplicaSets(
        deployment,
        newRS,
        oldRSs,
        desired,
        budget.maxUnavailable,
        recreate,
      );
      this.cleanupHistory(oldRSs, spec.revisionHistoryLimit ?? 10);
      this.syncRevisionAnnotation(deployment, newRS);
    }
    const current = this.ownedReplicaSets(deployment);
    const currentNew =
      newRS && current.find(rs => rs.metadata.uid === newRS!.metadata.uid);
    this.writeStatus(deployment, currentNew, current, budget.maxUnavailable);
  }

  private ownedReplicaSets(deployment: KubeObject): KubeObject[] {
    return ownedBy(this.client.informer(GVRS.replicasets), deployment)
      .filter(rs => !isTerminating(rs))
      .sort((a, b) => revisionOf(b) - revisionOf(a));
  }

  private createReplicaSet(
    d: KubeObject,
    replicas: number,
    revision: number,
    maxSurge: number,
  ): KubeObject | undefined {
    const spec = d.spec as DeploymentSpec;
    const collisionCount =
      (d.status as { collisionCount?: number } | undefined)?.collisionCount ??
      0;
    const hash = templateHash(spec.template, collisionCount);
    const template = clone(spec.template);
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, [HASH_LABEL]: hash },
    };
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(
            spec.replicas ?? 1,
          ),
          'deployment.kubernetes.io/max-replicas': String(
            (spec.replicas ?? 1) + maxSurge,
          ),
          [REVISION]: String(revision),
        },
        ownerReferences: [controllerRef(d)],
      },
      spec: {
        replicas,
        minReadySeconds:
          (d.spec as { minReadySeconds?: number }).minReadySeconds ?? 0,
        selector: {
          ...spec.selector,
          matchLabels: { ...spec.selector?.matchLabels, [HASH_LABEL]: hash },
        },
        template,
      },
    };
    try {
      const created = this.client.create(GVRS.replicasets, rs, MANAGER);
      this.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
      );
      return created;
    } catch (err) {
      if ((err as { status?: { code?: number } }).status?.code !== 409)
        throw err;
      // A ReplicaSet of that name with another template: bump collisionCount, as the real controller does.
      this.client.updateStatus(
        GVRS.deployments,
        {
          ...d,
          status: {
            ...(d.status as object),
            collisionCount: collisionCount + 1,
          },
        },
        MANAGER,
      );
      return undefined;
    }
  }

  private scaleReplicaSet(
    d: KubeObject,
    rs: KubeObject,
    replicas: number,
    revision?: number,
  ): KubeObject {
    const current = rsReplicas(rs);
    if (current === replicas && revision === undefined) return rs;
    const updated = clone(rs);
    (updated.spec as { replicas: number }).replicas = replicas;
    updated.metadata.annotations = {
      ...updated.metadata.annotations,
      'deployment.kubernetes.io/desired-replicas': String(
        (d.spec as DeploymentSpec).replicas ?? 1,
      ),
    };
    if (revision !== undefined)
      updated.metadata.annotations[REVISION] = String(revision);
    const result = this.client.update(GVRS.replicasets, updated, MANAGER);
    if (current !== replicas) {
      const verb = replicas > current ? 'up' : 'down';
      this.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${verb} replica set ${rs.metadata.name} from ${current} to ${replicas}`,
      );
    }
    return result;
  }

  /** Scales old ReplicaSets down as far as availability allows (all at once for Recreate). */
  private drainOldReplicaSets(
    d: KubeObject,
    newRS: KubeObject | undefined,
    oldRSs: KubeObject[],
    desired: number,
    maxUnavailable: number,
    recreate: boolean,
  ): void {
    const active = oldRSs.filter(rs => rsReplicas(rs) > 0);
    if (active.length === 0) return;
    const available = [newRS, ...oldRSs].reduce(
      (sum, rs) => sum + (rs ? replicaSetStatus(rs).availableReplicas ?? 0 : 0),
      0,
    );
    let removable = recreate
      ? Infinity
      : Math.max(0, available - (desired - maxUnavailable));
    // Pods of old ReplicaSets that are not available can always go.
    for (const rs of active) {
      const unavailable = Math.max(
        0,
        rsReplicas(rs) - (replicaSetStatus(rs).availableReplicas ?? 0),
      );
      const scaleBy = Math.min(rsReplicas(rs), unavailable + removable);
      if (scaleBy <= 0) continue;
      removable -= Math.max(0, scaleBy - unavailable);
      this.scaleReplicaSet(d, rs, rsReplicas(rs) - scaleBy);
    }
  }

  private cleanupHistory(oldRSs: KubeObject[], limit: number): void {
    const idle = oldRSs
      .filter(
        rs =>
          rsReplicas(rs) === 0 && (replicaSetStatus(rs).replicas ?? 0) === 0,
      )
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
      this.client.delete(GVRS.replicasets, rs, MANAGER);
  }

  private syncRevisionAnnotation(
    d: KubeObject,
    newRS: KubeObject | undefined,
  ): void {
    if (!newRS) return;
    const revision = newRS.metadata.annotations?.[REVISION];
    if (!revision || d.metadata.annotations?.[REVISION] === revision) return;
    const fresh = this.client.fetch(
      GVRS.deployments,
      d.metadata.namespace,
      d.metadata.name!,
    );
    if (!fresh) return;
    this.client.update(
      GVRS.deployments,
      {
        ...fresh,
        metadata: {
          ...fresh.metadata,
          annotations: { ...fresh.metadata.annotations, [REVISION]: revision },
        },
      },
      MANAGER,
    );
  }

  private writeStatus(
    d: KubeObject,
    newRS: KubeObject | undefined,
    all: KubeObject[],
    maxUnavailable: number,
  ): void {
    const current =
      this.client
        .informer(GVRS.deployments)
        .get(d.metadata.namespace, d.metadata.name!) ?? d;
    const status = deploymentStatus({
      deployment: current,
      newReplicaSet: newRS,
      replicaSets: all,
      maxUnavailable,
      now: this.nowTime(),
    });
    if (deepEqual(status, current.status)) return;
    this.client.updateStatus(GVRS.deployments, { ...current, status }, MANAGER);
  }
}
