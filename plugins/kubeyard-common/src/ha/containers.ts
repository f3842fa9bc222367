import type { ContainerInfo, PodInfo, ResourceAmounts, WorkloadInfo } from '../fleet/types';

/** A template container with the requests and limits its pods actually got. */
export interface EffectiveContainer {
  name: string;
  requests: Partial<ResourceAmounts>;
  limits: Partial<ResourceAmounts>;
  container: ContainerInfo;
}

function merge(from: Partial<ResourceAmounts>, into: Partial<ResourceAmounts>): Partial<ResourceAmounts> {
  return {
    cpuCores: into.cpuCores ?? from.cpuCores,
    memoryBytes: into.memoryBytes ?? from.memoryBytes,
  };
}

/**
 * The template's containers, with requests and limits filled in from running pods: a
 * LimitRange defaults them at admission (Kubeyard's tenant namespaces have one), so a template
 * without requests does not mean pods without requests.
 */
export function effectiveContainers(workload: WorkloadInfo, pods: PodInfo[]): EffectiveContainer[] {
  return workload.template.containers.map(container => {
    let requests = { ...container.requests };
    let limits = { ...container.limits };
    for (const pod of pods) {
      const observed = pod.containers.find(c => c.name === container.name);
      if (!observed) continue;
      requests = merge(observed.requests, requests);
      limits = merge(observed.limits, limits);
    }
    return { name: container.name, requests, limits, container };
  });
}
