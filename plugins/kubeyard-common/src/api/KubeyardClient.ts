import { ResponseError } from '@backstage/errors';
import type { KubeyardApi } from './KubeyardApi';
import type {
  ClusterDetail,
  ClustersResponse,
  EntityWorkloadsResponse,
  FederationResponse,
} from './types';

/** Resolves the base URL of a backend plugin (Backstage's DiscoveryApi / DiscoveryService). */
export interface KubeyardDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** A fetch that adds the caller's credentials (Backstage's FetchApi, or fetch with a token). */
export type KubeyardFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The HTTP client of kubeyard-backend's API, usable in the browser and in backends. */
export class KubeyardClient implements KubeyardApi {
  constructor(
    private readonly options: { discovery: KubeyardDiscovery; fetch: KubeyardFetch },
  ) {}

  getClusters(): Promise<ClustersResponse> {
    return this.get('/clusters');
  }

  getCluster(name: string): Promise<ClusterDetail> {
    return this.get(`/clusters/${encodeURIComponent(name)}`);
  }

  getEntityWorkloads(entityRef: string): Promise<EntityWorkloadsResponse> {
    return this.get(`/workloads?entityRef=${encodeURIComponent(entityRef)}`);
  }

  getFederation(): Promise<FederationResponse> {
    return this.get('/federation');
  }

  private async get<T>(path: string): Promise<T> {
    const base = await this.options.discovery.getBaseUrl('kubeyard');
    const response = await this.options.fetch(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
