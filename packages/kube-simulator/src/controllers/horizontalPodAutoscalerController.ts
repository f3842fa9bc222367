/*
 * HorizontalPodAutoscaler status from simulated usage (usage.ts): current utilization of each
 * Resource metric and the usual conditions. The simulator does not rescale targets — replica
 * counts stay what the scenario (and federation placements) declare — so desiredReplicas is
 * the current count clamped to [minReplicas, maxReplicas].
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import {
  type LabelSelectorObject,
  matchesLabelSelector,
} from '../apiserver/labelSelector';
import {
  type Condition,
  deepEqual,
  keyOf,
  setCondition,
  splitKey,
} from './objects';
import { podRequests } from './podTemplate';
import { formatCpu, formatKibibytes } from '../apiserver/quantity';
import { podUsage } from './usage';

const MANAGER = 'horizontal-pod-autoscaler';
const METRICS_PERIOD_MS = 5 * 60_000;

interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: Array<{
    type: string;
    resource?: {
      name: string;
      target?: { type?: string; averageUtilization?: number };
    };
  }>;
}

/** The HPA controller (status only). */
export class HorizontalPodAutoscalerController extends BaseController {
  readonly name = MANAGER;
  private lastPass = 0;

  protected watch(): void {
    this.subscribe(GVRS.pods, () => undefined);
    this.subscribe(GVRS.deployments, () => undefined);
    this.subscribe(GVRS.statefulsets, () => undefined);
    this.subscribe(GVRS.horizontalpodautoscalers, (type, hpa, old) => {
      if (type !== 'DELETED' && !deepEqual(hpa.spec, old?.spec))
        this.queue.add(keyOf(hpa));
    });
  }

  protected resync(now: Date): void {
    if (now.getTime() - this.lastPass < METRICS_PERIOD_MS) return;
    this.lastPass = now.getTime();
    for (const hpa of this.client
      .informer(GVRS.horizontalpodautoscalers)
      .list())
      this.queue.add(keyOf(hpa));
    this.queue.flush();
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const hpa = this.client
      .informer(GVRS.horizontalpodautoscalers)
      .get(namespace, name);
    if (!hpa) return;
    const spec = hpa.spec as HpaSpec;
    const gvr =
      spec.scaleTargetRef.kind === 'StatefulSet'
        ? GVRS.statefulsets
        : GVRS.deployments;
    const target = this.client
      .informer(gvr)
      .get(namespace, spec.scaleTargetRef.name);
    const now = this.nowTime();
    const previous = (hpa.status ?? {}) as { conditions?: Condition[] };
    if (!target) {
      const conditions = setCondition(
        previous.conditions,
        {
          type: 'AbleToScale',
          status: 'False',
          reason: 'FailedGetScale',
          message: `the HPA controller was unable to get the target's current scale: ${gvr.resource}.${gvr.group} "${spec.scaleTargetRef.name}" not found`,
        },
        now,
      );
      const status = { currentReplicas: 0, desiredReplicas: 0, conditions };
      if (!deepEqual(status, hpa.status))
        this.client.updateStatus(
          GVRS.horizontalpodautoscalers,
          { ...hpa, status },
          MANAGER,
        );
      return;
    }
    const selector = (target.spec as { selector?: LabelSelectorObject })
      .selector;
    const pods = this.client
      .informer(GVRS.pods)
      .list(namespace)
      .filter(
        p =>
          matchesLabelSelector(selector, p.metadata.labels) &&
          (p.status as { phase?: string } | undefined)?.phase === 'Running',
      );
    const currentReplicas =
      (target.status as { replicas?: number } | undefined)?.replicas ?? 0;
    const desiredReplicas = Math.min(
      spec.maxReplicas,
      Math.max(spec.minReplicas ?? 1, currentReplicas),
    );
    const clock = this.ctx.clock.now();
    const currentMetrics = (spec.metrics ?? []).flatMap(metric => {
      if (metric.type !== 'Resource' || !metric.resource || pods.length === 0)
        return [];
      const resource = metric.resource.name as 'cpu' | 'memory';
      let used = 0;
      let requested = 0;
      for (const pod of pods) {
        for (const c of podUsage(pod, clock, this.ctx.behaviour))
          used += resource === 'cpu' ? c.cpuCores : c.memoryBytes;
        requested += podRequests(pod)[resource];
      }
      const average = used / pods.length;
      return [
        {
          type: 'Resource',
          resource: {
            name: resource,
            current: {
              averageValue:
                resource === 'cpu'
                  ? formatCpu(average)
                  : formatKibibytes(average),
              ...(requested > 0
                ? { averageUtilization: Math.round((100 * used) / requested) }
                : {}),
            },
          },
        },
      ];
    });
    let conditions = setCondition(
      previous.conditions,
      {
        type: 'AbleToScale',
        status: 'True',
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      },
      now,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'ScalingActive',
        status: 'True',
        reason: 'ValidMetricFound',
        message:
          'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      },
      now,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'ScalingLimited',
        status: desiredReplicas === currentReplicas ? 'False' : 'True',
        reason:
          desiredReplicas === currentReplicas
            ? 'DesiredWithinRange'
            : 'TooFewReplicas',
        message:
          desiredReplicas === currentReplicas
            ? 'the desired count is within the acceptable range'
            : 'the desired replica count is less than the minimum replica count',
      },
      now,
    );
    const status: Record<string, unknown> = {
      currentReplicas,
      desiredReplicas,
      currentMetrics,
      conditions,
    };
    if (deepEqual(status, hpa.status)) return;
    this.client.updateStatus(
      GVRS.horizontalpodautoscalers,
      { ...hpa, status } as KubeObject,
      MANAGER,
    );
  }
}
