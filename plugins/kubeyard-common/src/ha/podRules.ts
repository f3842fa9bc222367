import type { Finding } from '../findings/types';
import type { PodInfo } from '../fleet/types';
import { podObject } from './objects';
import { plural, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** Restarts above this are a warning. */
export const RESTARTS_WARNING = 5;
/** Restarts above this are critical. */
export const RESTARTS_CRITICAL = 10;

function crashFix(pod: PodInfo): string {
  return `Read the last crash with kubectl -n ${pod.namespace} logs ${pod.name} --previous and the last state with kubectl -n ${pod.namespace} describe pod ${pod.name} (OOMKilled: raise resources.limits.memory; Error: fix the exit)`;
}

/** workload.restarts.high: container restarts above 5 (warning) or 10 (critical). */
export const restartsHigh: WorkloadRule = ({ cluster, workload, pods }: WorkloadContext) =>
  pods
    .filter(pod => pod.restarts > RESTARTS_WARNING)
    .map(
      (pod): Finding => ({
        id: 'workload.restarts.high',
        severity: pod.restarts > RESTARTS_CRITICAL ? 'critical' : 'warning',
        object: podObject(cluster, pod),
        message: `Pod ${pod.name} of ${workloadRef(workload)} has restarted ${plural(pod.restarts, 'time')}${pod.waitingReason ? ` and is waiting in ${pod.waitingReason}` : ''}`,
        fix: crashFix(pod),
      }),
    );

/** workload.crashloop: a container in CrashLoopBackOff keeps exiting. */
export const crashLoop: WorkloadRule = ({ cluster, workload, pods }: WorkloadContext) =>
  pods
    .filter(pod => pod.waitingReason === 'CrashLoopBackOff')
    .map(
      (pod): Finding => ({
        id: 'workload.crashloop',
        severity: 'critical',
        object: podObject(cluster, pod),
        message: `Pod ${pod.name} of ${workloadRef(workload)} is in CrashLoopBackOff after ${plural(pod.restarts, 'restart')}: a container keeps exiting and the kubelet waits longer before each restart`,
        fix: crashFix(pod),
      }),
    );

/** workload.pods.unschedulable: Pending pods whose PodScheduled condition is False. */
export const podsUnschedulable: WorkloadRule = ({ cluster, workload, pods }: WorkloadContext) =>
  pods
    .filter(pod => pod.phase === 'Pending' && pod.unschedulableReason)
    .map(
      (pod): Finding => ({
        id: 'workload.pods.unschedulable',
        severity: 'warning',
        object: podObject(cluster, pod),
        message: `Pod ${pod.name} of ${workloadRef(workload)} is Pending: PodScheduled is False (${pod.unschedulableReason}), so ${workloadRef(workload)} runs a replica short`,
        fix: `kubectl -n ${pod.namespace} describe pod ${pod.name} shows the scheduler's reason (insufficient cpu or memory, untolerated taints, affinity, unbound PersistentVolumeClaims): add capacity, lower requests or relax the constraint`,
      }),
    );

/** Pod rules for every workload kind. */
export const podRules: WorkloadRule[] = [restartsHigh, crashLoop, podsUnschedulable];
