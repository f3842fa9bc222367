import { podSelectorOf, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** workload.replicas.single: at least 2 replicas, counting the HPA's minReplicas when one scales the workload. */
export const singleReplica: WorkloadRule = ({ workload, object, hpa, minReplicas }: WorkloadContext) => {
  // Scaled to zero on purpose: nothing is serving, so nothing is at risk.
  if (workload.desiredReplicas === 0 && !hpa) return [];
  if (minReplicas > 1) return [];
  if (hpa) {
    return [
      {
        id: 'workload.replicas.single',
        severity: 'warning',
        object,
        message: `HorizontalPodAutoscaler ${hpa.name} lets ${workloadRef(workload)} scale down to ${minReplicas} replica${minReplicas === 1 ? '' : 's'}: at low load a node drain, eviction or crash takes it offline`,
        fix: `Set minReplicas to 2 or more on HorizontalPodAutoscaler ${hpa.name} (3 for critical services)`,
      },
    ];
  }
  return [
    {
      id: 'workload.replicas.single',
      severity: 'warning',
      object,
      message: `${workloadRef(workload)} runs 1 replica: a node drain, eviction or crash takes it offline`,
      fix: 'Set spec.replicas to 2 or more (3 for critical services) and add a PodDisruptionBudget with maxUnavailable 1',
    },
  ];
};

/** workload.replicas.critical-minimum: a critical service runs 3 replicas, so one can be drained while another fails. */
export const criticalMinimum: WorkloadRule = ({ workload, object, hpa, minReplicas, critical }: WorkloadContext) => {
  if (!critical || minReplicas !== 2) return [];
  return [
    {
      id: 'workload.replicas.critical-minimum',
      severity: 'info',
      object,
      message: `${workloadRef(workload)} is a critical service running ${hpa ? 'as few as ' : ''}2 replicas: during a node drain a single failure takes it offline`,
      fix: hpa ? `Set minReplicas to 3 on HorizontalPodAutoscaler ${hpa.name}` : 'Set spec.replicas to 3',
    },
  ];
};

/** workload.replicas.not-ready: ready replicas fall short of desired; critical when none is ready. */
export const replicasNotReady: WorkloadRule = ({ workload, object }: WorkloadContext) => {
  const { desiredReplicas: desired, readyReplicas: ready } = workload;
  if (desired === 0 || ready >= desired) return [];
  return [
    {
      id: 'workload.replicas.not-ready',
      severity: ready === 0 ? 'critical' : 'warning',
      object,
      message: `${workloadRef(workload)} has ${ready} of ${desired} replicas ready${ready === 0 ? ': it is down' : ''}`,
      fix: `Find why pods are not ready: kubectl -n ${workload.namespace} describe pods -l ${podSelectorOf(workload)} (events, probe failures, image pulls, scheduling)`,
    },
  ];
};

/** Replica-count rules for Deployments and StatefulSets (a DaemonSet runs one pod per node). */
export const replicaCountRules: WorkloadRule[] = [singleReplica, criticalMinimum];

/** Readiness rules for every workload kind. */
export const replicaReadinessRules: WorkloadRule[] = [replicasNotReady];
