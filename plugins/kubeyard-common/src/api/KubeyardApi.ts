import type {
  ClusterDetail,
  ClustersResponse,
  EntityWorkloadsResponse,
  FederationResponse,
} from './types';

/** What the Kubeyard frontend needs from the backend. The client and test doubles implement it. */
export interface KubeyardApi {
  getClusters(): Promise<ClustersResponse>;
  getCluster(name: string): Promise<ClusterDetail>;
  getEntityWorkloads(entityRef: string): Promise<EntityWorkloadsResponse>;
  getFederation(): Promise<FederationResponse>;
}
