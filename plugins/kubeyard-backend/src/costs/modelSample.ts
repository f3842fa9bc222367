/*
 * The built-in model's sample of one cluster: pods that hold node resources with their
 * requests (from the fleet index) and usage (from metrics.k8s.io), PersistentVolumeClaims per
 * namespace, and the allocatable capacity of the nodes pods can use.
 */
import {
  holdsResources,
  podRequests,
  type ClusterCostSample,
  type NodeInfo,
  type PodCostReading,
  type PodInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { PodMetricsReading } from './podMetrics';
import type { PersistentVolumeClaimInfo } from './watchedTypes';

/** The pod label that links a pod to its catalog Component. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** Builds the sample of `snapshot` at `at` with the usage read from metrics. */
export function modelSample(snapshot: ClusterSnapshot, metrics: PodMetricsReading, at: string): ClusterCostSample {
  const pods: PodCostReading[] = [];
  for (const pod of snapshot.list<PodInfo>('pods')) {
    if (!holdsResources(pod)) continue;
    const requests = podRequests(pod);
    const usage = metrics.pods.get(`${pod.namespace}/${pod.name}`);
    pods.push({
      namespace: pod.namespace,
      pod: pod.name,
      workload: pod.labels[KUBERNETES_ID_LABEL] ?? '',
      cpuRequestCores: requests.cpuCores,
      ramRequestBytes: requests.memoryBytes,
      ...(usage ? { cpuUsageCores: usage.cpuCores, ramUsageBytes: usage.ramBytes } : {}),
    });
  }
  const pvcBytesByNamespace: Record<string, number> = {};
  for (const claim of snapshot.list<PersistentVolumeClaimInfo>('persistentvolumeclaims')) {
    // A claim still Pending has no volume yet; a Lost one has lost it.
    if (claim.phase !== 'Bound') continue;
    pvcBytesByNamespace[claim.namespace] = (pvcBytesByNamespace[claim.namespace] ?? 0) + claim.bytes;
  }
  let allocatableCpuCores = 0;
  let allocatableRamBytes = 0;
  for (const node of snapshot.list<NodeInfo>('nodes')) {
    if (!node.ready || node.unschedulable) continue;
    allocatableCpuCores += node.allocatable.cpuCores;
    allocatableRamBytes += node.allocatable.memoryBytes;
  }
  return { cluster: snapshot.name, at, pods, pvcBytesByNamespace, allocatableCpuCores, allocatableRamBytes };
}
