import type { PodInfo, ResourceAmounts } from '../fleet/types';

/** Whether a pod holds node resources: bound to a node and not finished. */
export function holdsResources(pod: PodInfo): boolean {
  return Boolean(pod.nodeName) && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/**
 * Whether a pod lives and dies with its node: DaemonSet pods and static (mirror) pods. When the
 * node is lost they need no room elsewhere.
 */
export function isNodeBound(pod: PodInfo): boolean {
  return pod.owner?.kind === 'DaemonSet' || pod.owner?.kind === 'Node';
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

/** Whether a pod is an etcd member: kubeadm labels its static pods component=etcd, others k8s-app=etcd. */
export function isEtcdMember(pod: PodInfo): boolean {
  return pod.namespace === 'kube-system' && (pod.labels.component === 'etcd' || pod.labels['k8s-app'] === 'etcd');
}

/** Whether a pod is Running and Ready. */
export function isPodReady(pod: PodInfo): boolean {
  return pod.phase === 'Running' && pod.ready;
}
