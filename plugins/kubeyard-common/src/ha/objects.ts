import type { FindingObject } from '../findings/types';
import type { NodeInfo, PdbInfo, PodInfo, WorkloadInfo } from '../fleet/types';

/** The finding object of a cluster-wide finding. */
export function clusterObject(cluster: string): FindingObject {
  return { kind: 'Cluster', name: cluster, cluster };
}

/** The finding object of a node. */
export function nodeObject(cluster: string, node: NodeInfo): FindingObject {
  return { kind: 'Node', name: node.name, cluster };
}

/** The finding object of a workload. */
export function workloadObject(cluster: string, workload: WorkloadInfo): FindingObject {
  return { kind: workload.kind, name: workload.name, namespace: workload.namespace, cluster };
}

/** The finding object of a pod. */
export function podObject(cluster: string, pod: PodInfo): FindingObject {
  return { kind: 'Pod', name: pod.name, namespace: pod.namespace, cluster };
}

/** The finding object of a PodDisruptionBudget. */
export function pdbObject(cluster: string, pdb: PdbInfo): FindingObject {
  return { kind: 'PodDisruptionBudget', name: pdb.name, namespace: pdb.namespace, cluster };
}
