import type { FederationResponse } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { karmadaWorkloads } from './karmadaWorkloads';
import { kubefedWorkloads } from './kubefedWorkloads';

/**
 * Every federated workload in the fleet, KubeFed and Karmada in one model. Any indexed
 * cluster that serves the federation types is treated as a control plane.
 * `entityRefOf` maps a kubernetes-id to the catalog entity that carries it.
 */
export function federationView(
  clusters: ClusterSnapshot[],
  entityRefOf: (kubernetesId: string) => string | undefined,
): FederationResponse {
  const members = new Map(clusters.map(c => [c.name, c]));
  const workloads = clusters.flatMap(host => [
    ...(host.serves('federateddeployments') ? kubefedWorkloads(host, members) : []),
    ...(host.serves('resourcebindings') ? karmadaWorkloads(host, members) : []),
  ]);
  for (const workload of workloads) {
    if (workload.kubernetesId) workload.entityRef = entityRefOf(workload.kubernetesId);
  }
  workloads.sort((a, b) => `${a.name}/${a.source}`.localeCompare(`${b.name}/${b.source}`));
  return { workloads };
}
