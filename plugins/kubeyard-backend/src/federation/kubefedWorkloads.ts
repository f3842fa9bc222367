import {
  matchesLabelSelector,
  splitReplicas,
  type FederatedPlacement,
  type FederatedWorkload,
  type WorkloadInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot, KubeObject } from '../fleet';
import { memberState } from './memberState';

function isReady(obj: KubeObject | undefined): boolean | undefined {
  const ready = (obj?.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  return ready ? ready.status === 'True' : undefined;
}

/** Desired replicas per member: the RSP split when one exists, else overrides, else the template. */
function desiredReplicas(fd: KubeObject, rsp: KubeObject | undefined, clusters: string[]): Record<string, number | undefined> {
  if (rsp?.spec?.totalReplicas !== undefined) {
    const prefs = rsp.spec.clusters ?? {};
    // Clusters the RSP does not name share under the `*` entry when present.
    const entries = Object.fromEntries(clusters.map(c => [c, prefs[c] ?? prefs['*'] ?? { weight: 0 }]));
    return splitReplicas(rsp.spec.totalReplicas, entries);
  }
  const base: number | undefined = fd.spec?.template?.spec?.replicas;
  const result: Record<string, number | undefined> = {};
  for (const cluster of clusters) {
    const override = (fd.spec?.overrides ?? [])
      .find((o: any) => o.clusterName === cluster)
      ?.clusterOverrides?.find((co: any) => co.path === '/spec/replicas');
    result[cluster] = override !== undefined ? Number(override.value) : base;
  }
  return result;
}

/**
 * FederatedDeployments of a KubeFed host cluster (types.kubefed.io/v1beta1): placement from
 * `spec.placement.clusters` or `clusterSelector` over KubeFedCluster labels, desired replicas
 * from a ReplicaSchedulingPreference of the same name, and per member the propagation status
 * (`status.clusters[].status`, empty meaning propagated) and readiness seen by the index.
 */
export function kubefedWorkloads(host: ClusterSnapshot, members: Map<string, ClusterSnapshot>): FederatedWorkload[] {
  const kubefedClusters = host.list<KubeObject>('kubefedclusters');
  const rsps = host.list<KubeObject>('replicaschedulingpreferences');
  return host.list<KubeObject>('federateddeployments').map(fd => {
    const namespace = fd.metadata?.namespace ?? '';
    const name = fd.metadata?.name ?? '';
    const placement = fd.spec?.placement ?? {};
    const clusters: string[] = placement.clusters
      ? placement.clusters.map((c: any) => c.name)
      : kubefedClusters
          .filter(kfc => placement.clusterSelector && matchesLabelSelector(kfc.metadata?.labels, placement.clusterSelector))
          .map(kfc => kfc.metadata?.name ?? '');
    const rsp = rsps.find(r => r.metadata?.namespace === namespace && r.metadata?.name === name);
    const desired = desiredReplicas(fd, rsp, clusters);
    const statuses = new Map<string, string | undefined>(
      (fd.status?.clusters ?? []).map((c: any) => [c.name, c.status]),
    );
    const placements: FederatedPlacement[] = clusters.sort().map(cluster => {
      const kfc = kubefedClusters.find(k => k.metadata?.name === cluster);
      const propagated = statuses.has(cluster) ? !statuses.get(cluster) : undefined;
      const member = memberState(members.get(cluster), 'deployments', namespace, name);
      let health: FederatedPlacement['health'] = 'Unknown';
      let message = member.message;
      if (isReady(kfc) === false) {
        health = 'Unhealthy';
        message = `KubeFedCluster ${cluster} is not Ready`;
      } else if (propagated === false) {
        health = 'Unhealthy';
        message = `propagation status ${statuses.get(cluster)}`;
      } else if (member.readyReplicas !== undefined && desired[cluster] !== undefined) {
        health = member.readyReplicas >= desired[cluster]! ? 'Healthy' : 'Unhealthy';
      }
      return { cluster, desiredReplicas: desired[cluster], readyReplicas: member.readyReplicas, applied: propagated, health, message };
    });
    const templateLabels: Record<string, string> = fd.spec?.template?.metadata?.labels ?? {};
    return {
      source: 'KubeFed',
      hostCluster: host.name,
      namespace,
      name,
      kind: 'Deployment',
      kubernetesId: templateLabels['backstage.io/kubernetes-id'] ?? firstKubernetesId(members, clusters, namespace, name),
      totalDesiredReplicas: rsp?.spec?.totalReplicas ?? sum(Object.values(desired)),
      placements,
      conditions: (fd.status?.conditions ?? []).map((c: any) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
    };
  });
}

function sum(values: Array<number | undefined>): number | undefined {
  return values.every(v => v === undefined) ? undefined : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/** The kubernetes-id label of the workload on the first member that has it. */
export function firstKubernetesId(members: Map<string, ClusterSnapshot>, clusters: string[], namespace: string, name: string): string | undefined {
  for (const cluster of clusters) {
    const workload = members
      .get(cluster)
      ?.list<WorkloadInfo>('deployments')
      .find(w => w.namespace === namespace && w.name === name);
    const id = workload?.labels['backstage.io/kubernetes-id'];
    if (id) return id;
  }
  return undefined;
}
