/*
 * kube-scheduler: binds pending pods to nodes (see podScheduler.ts for the decision), records
 * Scheduled / FailedScheduling events, and marks unschedulable pods with PodScheduled=False.
 * Pods wait for capacity: they are retried when nodes change, pods go away, or on each tick.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { BY_NODE, indexByNode } from './indexes';
import {
  deepEqual,
  isTerminating,
  keyOf,
  setCondition,
  splitKey,
  type Condition,
} from './objects';
import { type SchedulingNode, schedulePod } from './podScheduler';
import { isPodTerminal } from './podTemplate';

const MANAGER = 'default-scheduler';

function needsScheduling(pod: KubeObject): boolean {
  const spec = pod.spec as { nodeName?: string; schedulerName?: string };
  return (
    !spec.nodeName &&
    (spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
    !isTerminating(pod) &&
    !isPodTerminal(pod)
  );
}

/** The scheduler. */
export class SchedulerController extends BaseController {
  readonly name = MANAGER;
  private readonly unschedulable = new Set<string>();

  protected watch(): void {
    indexByNode(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.pods, (type, pod) => {
      if (type !== 'DELETED' && needsScheduling(pod))
        this.queue.add(keyOf(pod));
      if (type === 'DELETED' && (pod.spec as { nodeName?: string }).nodeName)
        this.retryUnschedulable();
    });
    this.subscribe(GVRS.nodes, () => this.retryUnschedulable());
  }

  protected resync(): void {
    this.retryUnschedulable();
  }

  private retryUnschedulable(): void {
    for (const key of this.unschedulable) this.queue.add(key);
    this.unschedulable.clear();
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.client.informer(GVRS.pods).get(namespace, name);
    if (!pod || !needsScheduling(pod)) return;
    const pods = this.client.informer(GVRS.pods);
    const nodes: SchedulingNode[] = this.client
      .informer(GVRS.nodes)
      .list()
      .map(node => ({
        node,
        pods: pods
          .byIndex(BY_NODE, node.metadata.name!)
          .filter(p => !isPodTerminal(p) && !isTerminating(p)),
      }));
    const result = schedulePod(pod, nodes);
    if (result.message === undefined) {
      this.bind(pod, result.nodeName);
      return;
    }
    this.unschedulable.add(key);
    const status = (pod.status ?? {}) as { conditions?: Condition[] };
    const conditions = setCondition(
      status.conditions,
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: result.message,
        lastProbeTime: null,
      },
      this.nowTime(),
    );
    const next = { ...status, phase: 'Pending', conditions };
    if (!deepEqual(next, pod.status)) {
      this.client.updateStatus(GVRS.pods, { ...pod, status: next }, MANAGER);
      this.events.record(pod, 'Warning', 'FailedScheduling', result.message);
    }
  }

  /** Binds a pod to a node, as the pods/binding subresource would. */
  private bind(pod: KubeObject, nodeName: string): void {
    const fresh = this.client.fetch(
      GVRS.pods,
      pod.metadata.namespace,
      pod.metadata.name!,
    );
    if (!fresh || !needsScheduling(fresh)) return;
    const bound = this.client.update(
      GVRS.pods,
      { ...fresh, spec: { ...(fresh.spec as object), nodeName } },
      MANAGER,
    );
    const status = (bound.status ?? {}) as { conditions?: Condition[] };
    const conditions = setCondition(
      status.conditions,
      { type: 'PodScheduled', status: 'True', lastProbeTime: null },
      this.nowTime(),
    );
    this.client.updateStatus(
      GVRS.pods,
      { ...bound, status: { ...status, phase: 'Pending', conditions } },
      MANAGER,
    );
    this.events.record(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
    );
  }
}
