import type { Finding } from '../findings/types';
import { effectiveContainers } from './containers';
import { listNames, workloadRef } from './text';
import type { WorkloadContext, WorkloadRule } from './types';

/** Example values for a missing field: the container defaults of Kubeyard's tenant LimitRange. */
const EXAMPLES = {
  'requests.cpu': '500m',
  'requests.memory': '512Mi',
  'limits.cpu': '1',
  'limits.memory': '1Gi',
} as const;

type Field = keyof typeof EXAMPLES;

/**
 * workload.resources.missing: each container sets requests (warning without) and limits (info
 * without). Values a LimitRange filled into the running pods count as set.
 */
export const resourcesMissing: WorkloadRule = ({ workload, object, pods }: WorkloadContext) =>
  effectiveContainers(workload, pods).flatMap(({ name, requests, limits }): Finding[] => {
    const missing: Field[] = [];
    if (requests.cpuCores === undefined) missing.push('requests.cpu');
    if (requests.memoryBytes === undefined) missing.push('requests.memory');
    if (limits.cpuCores === undefined) missing.push('limits.cpu');
    if (limits.memoryBytes === undefined) missing.push('limits.memory');
    if (missing.length === 0) return [];
    const noRequests = missing.some(field => field.startsWith('requests.'));
    const effects = [
      ...(noRequests
        ? ['the scheduler cannot reserve room for it, and under node pressure it is among the first evicted']
        : []),
      ...(missing.includes('limits.memory') ? ["a memory leak takes memory from the node's other pods"] : []),
      ...(missing.includes('limits.cpu') ? ['it may take spare CPU up to the whole node'] : []),
    ];
    return [
      {
        id: 'workload.resources.missing',
        severity: noRequests ? 'warning' : 'info',
        object,
        message: `Container ${name} of ${workloadRef(workload)} sets no ${listNames(missing.map(field => `resources.${field}`))}: ${effects.join('; ')}`,
        fix: `Set ${listNames(missing.map(field => `resources.${field}`))} from observed usage (kubectl top pod), e.g. ${missing.map(field => `${field} ${EXAMPLES[field]}`).join(', ')}`,
      },
    ];
  });

/** Resource rules for every workload kind. */
export const resourceRules: WorkloadRule[] = [resourcesMissing];
