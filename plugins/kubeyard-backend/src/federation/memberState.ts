import type { WorkloadInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';

/** What the fleet index knows of a federated workload on one member cluster. */
export function memberState(
  member: ClusterSnapshot | undefined,
  typeKey: string,
  namespace: string,
  name: string,
): { readyReplicas?: number; message?: string } {
  if (!member) return { message: 'cluster not indexed by Kubeyard' };
  if (member.sync.state === 'error' || member.sync.state === 'syncing') {
    return { message: member.sync.error ?? `cluster ${member.sync.state}` };
  }
  const workload = member.list<WorkloadInfo>(typeKey).find(w => w.namespace === namespace && w.name === name);
  if (!workload) return { readyReplicas: 0, message: 'workload not found on the member cluster' };
  return { readyReplicas: workload.readyReplicas };
}
