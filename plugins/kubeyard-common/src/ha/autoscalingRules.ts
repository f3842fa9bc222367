import type { ResourceAmounts } from '../fleet/types';
import { effectiveContainers } from './containers';
import { listNames, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** workload.hpa.missing: a HorizontalPodAutoscaler (3–10 replicas at 70 % CPU) absorbs load and the loss of a zone. */
export const hpaMissing: WorkloadRule = ({ workload, object, hpa }: WorkloadContext) => {
  if (hpa || workload.desiredReplicas === 0) return [];
  const min = Math.max(3, workload.desiredReplicas);
  const max = Math.max(10, 2 * min);
  return [
    {
      id: 'workload.hpa.missing',
      severity: 'info',
      object,
      message: `${workloadRef(workload)} has no HorizontalPodAutoscaler: its ${workload.desiredReplicas} replicas stay fixed when load grows or a zone's pods must be absorbed`,
      fix: `kubectl -n ${workload.namespace} autoscale ${workload.kind.toLowerCase()} ${workload.name} --min=${min} --max=${max} --cpu-percent=70 (and set CPU requests, which utilization is measured against)`,
    },
  ];
};

const REQUEST_OF: Record<string, keyof ResourceAmounts> = { cpu: 'cpuCores', memory: 'memoryBytes' };

/** workload.hpa.missing-requests: utilization targets need requests on every container, or the HPA cannot compute them and never scales. */
export const hpaMissingRequests: WorkloadRule = ({ workload, object, hpa, pods }: WorkloadContext) => {
  if (!hpa) return [];
  const resources = hpa.metrics
    .filter(metric => metric.averageUtilization !== undefined && REQUEST_OF[metric.resource])
    .map(metric => metric.resource);
  const containers = effectiveContainers(workload, pods);
  const gaps = resources.flatMap(resource =>
    containers
      .filter(container => container.requests[REQUEST_OF[resource]] === undefined)
      .map(container => ({ resource, container: container.name })),
  );
  if (gaps.length === 0) return [];
  const described = listNames(gaps.map(gap => `${gap.resource} on container ${gap.container}`));
  return [
    {
      id: 'workload.hpa.missing-requests',
      severity: 'warning',
      object,
      message: `HorizontalPodAutoscaler ${hpa.name} scales ${workloadRef(workload)} on ${listNames([...new Set(resources)])} utilization, but there is no request for ${described}: utilization cannot be computed, so it does not scale`,
      fix: `Set ${listNames(gaps.map(gap => `resources.requests.${gap.resource} on container ${gap.container}`))}`,
    },
  ];
};

/** Autoscaling rules for Deployments and StatefulSets. */
export const autoscalingRules: WorkloadRule[] = [hpaMissing];

/** Autoscaling rules for every workload kind that has an HPA. */
export const hpaConfigurationRules: WorkloadRule[] = [hpaMissingRequests];
