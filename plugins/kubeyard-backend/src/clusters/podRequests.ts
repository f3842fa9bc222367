import type { PodInfo, ResourceAmounts } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Whether a pod holds node resources: scheduled and not finished. */
export function holdsResources(pod: PodInfo): boolean {
  return Boolean(pod.nodeName) && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** The sum of a pod's container requests. */
export function podRequests(pod: PodInfo): ResourceAmounts {
  let cpuCores = 0;
  let memoryBytes = 0;
  for (const container of pod.containers) {
    cpuCores += container.requests.cpuCores ?? 0;
    memoryBytes += container.requests.memoryBytes ?? 0;
  }
  return { cpuCores, memoryBytes };
}

/** Requests of the pods that hold resources, summed. */
export function sumRequests(pods: PodInfo[]): ResourceAmounts {
  const total = { cpuCores: 0, memoryBytes: 0 };
  for (const pod of pods) {
    if (!holdsResources(pod)) continue;
    const requests = podRequests(pod);
    total.cpuCores += requests.cpuCores;
    total.memoryBytes += requests.memoryBytes;
  }
  return total;
}
