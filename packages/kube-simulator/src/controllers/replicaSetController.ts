/*
 * ReplicaSet → Pods: keeps spec.replicas pods from the template, reports replica counts, and
 * surfaces failed pod creations (quota, LimitRange) as the ReplicaFailure condition plus a
 * FailedCreate Event, like kube-controller-manager's replicaset controller.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import type { ClusterClient } from './clusterClient';
import { GVRS } from './gvr';
import { randomSuffix } from './hash';
import { indexByController, ownedBy } from './indexes';
import {
  type Condition,
  deepEqual,
  isTerminating,
  keyOf,
  removeCondition,
  setCondition,
  splitKey,
} from './objects';
import {
  isPodAvailable,
  isPodReady,
  isPodTerminal,
  podFromTemplate,
  type PodTemplateSpec,
} from './podTemplate';
import { errorMessage, statusCode } from './workQueue';

const MANAGER = 'replicaset-controller';

interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  template: PodTemplateSpec;
}

/** Whether a pod still counts toward its controller's replicas. */
export function isActivePod(pod: KubeObject): boolean {
  return !isTerminating(pod) && !isPodTerminal(pod);
}

/** The active pods a workload controls. */
export function activePodsOf(
  client: ClusterClient,
  owner: KubeObject,
): KubeObject[] {
  return ownedBy(client.informer(GVRS.pods), owner).filter(isActivePod);
}

/** Orders pods for scale-down: unassigned, then pending, then not ready, then newest first. */
export function scaleDownOrder(a: KubeObject, b: KubeObject): number {
  const rank = (p: KubeObject) => {
    const nodeName = (p.spec as { nodeName?: string }).nodeName;
    const phase = (p.status as { phase?: string } | undefined)?.phase;
    if (!nodeName) return 0;
    if (phase !== 'Running') return 1;
    return isPodReady(p) ? 3 : 2;
  };
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  return (
    (b.metadata.creationTimestamp ?? '').localeCompare(
      a.metadata.creationTimestamp ?? '',
    ) || (b.metadata.name ?? '').localeCompare(a.metadata.name ?? '')
  );
}

/** The replicaset controller. */
export class ReplicaSetController extends BaseController {
  readonly name = MANAGER;
  /** ReplicaSets whose last pod creation was rejected: retried on tick or when quota frees up. */
  private readonly failedCreate = new Set<string>();

  protected watch(): void {
    indexByController(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.replicasets, (_type, rs) => this.queue.add(keyOf(rs)));
    this.subscribe(GVRS.pods, (type, pod, old) => {
      this.queueController('ReplicaSet', pod, old);
      // A pod leaving frees quota for ReplicaSets that failed to create theirs.
      if (type === 'DELETED') this.retryFailedIn(pod.metadata.namespace);
    });
    const onQuota = (_type: string, obj: KubeObject) =>
      this.retryFailedIn(obj.metadata.namespace);
    this.subscribe(GVRS.resourcequotas, onQuota);
    this.subscribe(GVRS.limitranges, onQuota);
  }

  protected resync(): void {
    for (const key of this.failedCreate) this.queue.add(key);
    this.failedCreate.clear();
  }

  private retryFailedIn(namespace: string | undefined): void {
    for (const key of [...this.failedCreate]) {
      if (splitKey(key).namespace === namespace) {
        this.failedCreate.delete(key);
        this.queue.add(key);
      }
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.client.informer(GVRS.replicasets).get(namespace, name);
    if (!rs || isTerminating(rs)) return;
    const spec = rs.spec as ReplicaSetSpec;
    const desired = spec.replicas ?? 1;
    let pods = activePodsOf(this.client, rs);
    let failure: string | undefined;

    if (pods.length < desired && !this.failedCreate.has(key)) {
      for (let i = pods.length; i < desired; i++) {
        const pod = podFromTemplate(spec.template, {
          name: `${name}-${randomSuffix(this.ctx.random)}`,
          namespace: namespace!,
          owner: rs,
        });
        try {
          pods.push(this.createPod(rs, pod));
        } catch (err) {
          if (statusCode(err) === 409) continue; // name collision: next reconcile picks another
          failure = `pods "${pod.metadata.name}" is forbidden: ${errorMessage(
            err,
          ).replace(/^pods "[^"]*" is forbidden: /, '')}`;
          this.recordFailedCreate(rs, failure);
          this.failedCreate.add(key);
          break;
        }
      }
    } else if (pods.length > desired) {
      const victims = [...pods]
        .sort(scaleDownOrder)
        .slice(0, pods.length - desired);
      for (const pod of victims) this.deletePod(rs, pod);
      pods = pods.filter(p => !victims.includes(p));
    }
    this.writeStatus(rs, pods, failure);
  }

  private writeStatus(
    rs: KubeObject,
    pods: KubeObject[],
    failure: string | undefined,
  ): void {
    const spec = rs.spec as ReplicaSetSpec;
    const previous = (rs.status ?? {}) as { conditions?: Condition[] };
    const now = this.ctx.clock.now();
    let conditions: Condition[] | undefined = previous.conditions;
    if (failure) {
      conditions = setCondition(
        conditions,
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          message: failure,
        },
        this.nowTime(),
      );
    } else if (pods.length >= (spec.replicas ?? 1)) {
      conditions = removeCondition(conditions, 'ReplicaFailure');
    }
    const status: Record<string, unknown> = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter(p =>
        isPodAvailable(p, spec.minReadySeconds ?? 0, now),
      ).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    if (conditions && conditions.length) status.conditions = conditions;
    if (deepEqual(status, rs.status)) return;
    this.client.updateStatus(GVRS.replicasets, { ...rs, status }, MANAGER);
  }
}
