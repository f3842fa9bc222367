import {
  holdsResources,
  podRequests,
  type PodInfo,
  type ResourceAmounts,
} from '@kubeyard/backstage-plugin-kubeyard-common';

/** Requests of the pods that hold node resources (scheduled, not finished), summed. */
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
