import { EmptyState } from '@backstage/core-components';

/** Shown when no cluster runs a federation control plane with workloads. */
export function FederationEmptyState() {
  return (
    <EmptyState
      missing="content"
      title="No federated workloads"
      description="Kubeyard shows KubeFed federated types (FederatedDeployment, …) and Karmada ResourceBindings found on the clusters it syncs. Add the cluster that runs KubeFed or the Karmada control plane to kubernetes.clusterLocatorMethods, with a service account that may list those resources, and federated workloads appear here."
    />
  );
}
