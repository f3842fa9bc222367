/*
 * Job → pods until `completions` have Succeeded, `parallelism` at a time; then the Complete
 * condition and completionTime. (Pods succeed in the kubelet controller after
 * behaviour.jobDurationSeconds of simulated time.)
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { randomSuffix } from './hash';
import { indexByController, ownedBy } from './indexes';
import {
  type Condition,
  deepEqual,
  isTerminating,
  keyOf,
  omitZeroCounts,
  setCondition,
  splitKey,
} from './objects';
import {
  isPodReady,
  podFromTemplate,
  type PodTemplateSpec,
} from './podTemplate';

const MANAGER = 'job-controller';

interface JobSpec {
  parallelism?: number;
  completions?: number;
  suspend?: boolean;
  template: PodTemplateSpec;
}

/** The job controller. */
export class JobController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    indexByController(this.client.informer(GVRS.pods));
    this.subscribe(GVRS.jobs, (_type, job) => this.queue.add(keyOf(job)));
    this.subscribe(GVRS.pods, (_type, pod, old) =>
      this.queueController('Job', pod, old),
    );
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const job = this.client.informer(GVRS.jobs).get(namespace, name);
    if (!job || isTerminating(job)) return;
    const spec = job.spec as JobSpec;
    const status = (job.status ?? {}) as {
      conditions?: Condition[];
      startTime?: string;
      completionTime?: string;
    };
    if (
      status.conditions?.some(
        c =>
          (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
      )
    )
      return;
    const completions = spec.completions ?? 1;
    const pods = ownedBy(this.client.informer(GVRS.pods), job).filter(
      p => !isTerminating(p),
    );
    const phase = (p: KubeObject) =>
      (p.status as { phase?: string } | undefined)?.phase;
    const succeeded = pods.filter(p => phase(p) === 'Succeeded').length;
    const failed = pods.filter(p => phase(p) === 'Failed').length;
    let active = pods.filter(
      p => phase(p) !== 'Succeeded' && phase(p) !== 'Failed',
    );

    if (!spec.suspend && succeeded < completions) {
      const wanted =
        Math.min(spec.parallelism ?? 1, completions - succeeded) -
        active.length;
      for (let i = 0; i < wanted; i++) {
        const pod = podFromTemplate(spec.template, {
          name: `${name}-${randomSuffix(this.ctx.random)}`,
          namespace: namespace!,
          owner: job,
          labels: {
            'batch.kubernetes.io/controller-uid': job.metadata.uid!,
            'batch.kubernetes.io/job-name': name,
            'controller-uid': job.metadata.uid!,
            'job-name': name,
          },
        });
        try {
          active = [...active, this.createPod(job, pod)];
        } catch (err) {
          this.recordFailedCreate(job, (err as Error).message);
          break;
        }
      }
    }

    const now = this.nowTime();
    const next: Record<string, unknown> = {
      ...status,
      startTime: status.startTime ?? now,
      active: active.length,
      ready: active.filter(isPodReady).length,
      succeeded,
      failed,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
    if (succeeded >= completions) {
      let conditions = setCondition(
        status.conditions,
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: now,
        },
        now,
      );
      conditions = setCondition(
        conditions,
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: now,
        },
        now,
      );
      next.conditions = conditions;
      next.completionTime = now;
      this.events.record(job, 'Normal', 'Completed', 'Job completed');
    }
    omitZeroCounts(next, ['active', 'succeeded', 'failed']);
    if (deepEqual(next, job.status)) return;
    this.client.updateStatus(GVRS.jobs, { ...job, status: next }, MANAGER);
  }
}
