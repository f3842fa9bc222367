/*
 * The built-in model's sample of one cluster: pods that hold node resources with their
 * requests (from the fleet index) and usage (from metrics.k8s.io), PersistentVolumeClaims per
 * namespace, and the allocatable capacity of the cluster's nodes. A cordoned or NotReady node
 * is still paid for: its capacity stays in, and what nobody is charged for is idle cost.
 *
 * A virtual cluster (vcluster) runs its pods on its host: inside it they sit on "fake" nodes
 * (label vcluster.loft.sh/fake-node) mirroring host nodes. Those pods and nodes are charged on
 * the host cluster, where the synced pods really hold the resources, and never a second time
 * on the virtual cluster.
 */
import {
  holdsResources,
  KUBERNETES_ID_ANNOTATION,
  podRequests,
  type ClusterCostSample,
  type NodeInfo,
  type PodCostReading,
  type PodInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { PodMetricsReading } from './podMetrics';
import type { PersistentVolumeClaimInfo } from './watchedTypes';

/** The label vcluster puts on the nodes it shows inside a virtual cluster. */
export const VCLUSTER_FAKE_NODE_LABEL = 'vcluster.loft.sh/fake-node';

/** Builds the sample of `snapshot` at `at` with the usage read from metrics. */
export function modelSample(snapshot: ClusterSnapshot, metrics: PodMetricsReading, at: string): ClusterCostSample {
  const nodes = snapshot.list<NodeInfo>('nodes');
  const virtualNodes = new Set(nodes.filter(node => node.labels[VCLUSTER_FAKE_NODE_LABEL] === 'true').map(node => node.name));
  const pods: PodCostReading[] = [];
  for (const pod of snapshot.list<PodInfo>('pods')) {
    if (!holdsResources(pod)) continue;
    if (pod.nodeName && virtualNodes.has(pod.nodeName)) continue;
    const requests = podRequests(pod);
    const usage = metrics.pods.get(`${pod.namespace}/${pod.name}`);
    pods.push({
      namespace: pod.namespace,
      pod: pod.name,
      workload: pod.labels[KUBERNETES_ID_ANNOTATION] ?? '',
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
  for (const node of nodes) {
    if (virtualNodes.has(node.name)) continue;
    allocatableCpuCores += node.allocatable.cpuCores;
    allocatableRamBytes += node.allocatable.memoryBytes;
  }
  return { cluster: snapshot.name, at, pods, pvcBytesByNamespace, allocatableCpuCores, allocatableRamBytes };
}
