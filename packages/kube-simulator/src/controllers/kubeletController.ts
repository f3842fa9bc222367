/*
 * The kubelets of every node: once a pod is bound, report the status its node would report
 * (podStatus.ts): Running and Ready, or the scenario's podStates override (CrashLoopBackOff,
 * not ready, Pending), not Ready on NotReady nodes, Job pods Succeeded after a while.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { BY_NODE, indexByNode } from './indexes';
import { labelMatcher } from '../apiserver/labelSelector';
import {
  deepEqual,
  findCondition,
  isTerminating,
  keyOf,
  splitKey,
} from './objects';
import {
  desiredPodStatus,
  isTimeDependent,
  type PodStateOverride,
} from './podStatus';

const MANAGER = 'kubelet';
const DEFAULT_JOB_DURATION_MS = 60_000;

/** The first podStates override whose selector matches the pod's labels. */
export function overrideFor(
  pod: KubeObject,
  overrides: PodStateOverride[] | undefined,
): PodStateOverride | undefined {
  return overrides?.find(o => labelMatcher(o.selector)(pod.metadata.labels));
}

/** The kubelet controller. */
export class KubeletController extends BaseController {
  readonly name = MANAGER;
  /** Pods whose status changes with time (crash loops, running Job pods). */
  private readonly timed = new Set<string>();

  protected watch(): void {
    indexByNode(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.pods, (type, pod) => {
      if (type === 'DELETED') this.timed.delete(keyOf(pod));
      else if ((pod.spec as { nodeName?: string }).nodeName)
        this.queue.add(keyOf(pod));
    });
    this.subscribe(GVRS.nodes, (type, node, old) => {
      const ready = (n?: KubeObject) =>
        findCondition(
          (n?.status as { conditions?: unknown })?.conditions,
          'Ready',
        )?.status;
      if (
        type === 'ADDED' ||
        ready(node) !== ready(old) ||
        !deepEqual(node.status, old?.status)
      ) {
        for (const pod of this.client
          .informer(GVRS.pods)
          .byIndex(BY_NODE, node.metadata.name!))
          this.queue.add(keyOf(pod));
      }
    });
  }

  protected resync(): void {
    for (const key of this.timed) this.queue.add(key);
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.client.informer(GVRS.pods).get(namespace, name);
    if (!pod || isTerminating(pod)) return;
    const nodeName = (pod.spec as { nodeName?: string }).nodeName;
    if (!nodeName) return;
    const node = this.client.informer(GVRS.nodes).get(undefined, nodeName);
    if (!node) return; // bound to a node that does not exist: stays as it is, like a real cluster
    const override = overrideFor(pod, this.ctx.behaviour.podStates);
    const status = desiredPodStatus({
      pod,
      node,
      now: this.ctx.clock.now(),
      override,
      jobDurationMs:
        (this.ctx.behaviour.jobDurationSeconds ??
          DEFAULT_JOB_DURATION_MS / 1000) * 1000,
    });
    if (isTimeDependent({ ...pod, status }, override)) this.timed.add(key);
    else this.timed.delete(key);
    if (deepEqual(status, pod.status)) return;
    this.client.updateStatus(GVRS.pods, { ...pod, status }, MANAGER);
    this.recordTransitions(pod, status, override);
  }

  private recordTransitions(
    pod: KubeObject,
    status: Record<string, unknown>,
    override: PodStateOverride | undefined,
  ): void {
    const before = (pod.status ?? {}) as {
      phase?: string;
      containerStatuses?: Array<{ restartCount?: number }>;
    };
    const containers =
      (pod.spec as { containers?: Array<{ name: string; image?: string }> })
        .containers ?? [];
    if (before.phase !== 'Running' && status.phase === 'Running') {
      for (const c of containers) {
        this.events.record(
          pod,
          'Normal',
          'Pulled',
          `Container image "${c.image ?? ''}" already present on machine`,
        );
        this.events.record(
          pod,
          'Normal',
          'Started',
          `Started container ${c.name}`,
        );
      }
    }
    if (override?.reason === 'CrashLoopBackOff') {
      this.events.record(
        pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${containers[0]?.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
      );
    } else if (override?.ready === false && override.phase === undefined) {
      this.events.record(
        pod,
        'Warning',
        'Unhealthy',
        'Readiness probe failed: HTTP probe failed with statuscode: 503',
      );
    } else if (override?.phase === 'Pending' && override.reason) {
      this.events.record(pod, 'Warning', 'Failed', `Error: ${override.reason}`);
    }
  }
}
