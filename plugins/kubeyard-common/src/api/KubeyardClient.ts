import { ResponseError } from '@backstage/errors';
import type { KubeyardApi } from './KubeyardApi';
import type { CostQuery, CostReport } from './costTypes';
import type {
  RestoreDrillOperation,
  RestoreDrillRequest,
  TenantBackupOperation,
  TenantBackupRequest,
  TenantScheduleResult,
} from './backupOperationTypes';
import type {
  BackupsResponse,
  ClusterBackupsResponse,
  CoverageResponse,
  RestoreDrillsResponse,
} from './backupTypes';
import type {
  OwnershipFindingsResponse,
  TenantDetail,
  TenantOperation,
  TenantPlan,
  TenantRequest,
  TenantsResponse,
  VerifyReport,
} from './tenantTypes';
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

  planTenant(spec: TenantRequest): Promise<TenantPlan> {
    return this.send('POST', '/tenants?mode=plan', spec);
  }

  applyTenant(spec: TenantRequest, options?: { wait?: boolean }): Promise<TenantOperation> {
    return this.send('POST', `/tenants?mode=apply&wait=${options?.wait === false ? 'false' : 'true'}`, spec);
  }

  getOperation(tenant: string, operationId: string): Promise<TenantOperation> {
    return this.get(`/tenants/${encodeURIComponent(tenant)}/operations/${encodeURIComponent(operationId)}`);
  }

  listTenants(): Promise<TenantsResponse> {
    return this.get('/tenants');
  }

  getTenant(name: string): Promise<TenantDetail> {
    return this.get(`/tenants/${encodeURIComponent(name)}`);
  }

  verifyTenant(name: string): Promise<VerifyReport> {
    return this.send('POST', `/tenants/${encodeURIComponent(name)}/verify`, {});
  }

  deleteTenant(name: string, options: { confirm: string; force?: boolean }): Promise<TenantOperation> {
    const query = `confirm=${encodeURIComponent(options.confirm)}${options.force ? '&force=true' : ''}`;
    return this.send('DELETE', `/tenants/${encodeURIComponent(name)}?${query}`);
  }

  getOwnershipFindings(): Promise<OwnershipFindingsResponse> {
    return this.get('/ownership/findings');
  }

  getBackups(): Promise<BackupsResponse> {
    return this.get('/backups');
  }

  getClusterBackups(cluster: string): Promise<ClusterBackupsResponse> {
    return this.get(`/backups/clusters/${encodeURIComponent(cluster)}`);
  }

  getBackupCoverage(filter?: { entityRef?: string; tenant?: string }): Promise<CoverageResponse> {
    const query = new URLSearchParams();
    if (filter?.entityRef) query.set('entityRef', filter.entityRef);
    if (filter?.tenant) query.set('tenant', filter.tenant);
    const qs = query.toString();
    return this.get(`/backups/coverage${qs ? `?${qs}` : ''}`);
  }

  getRestoreDrills(): Promise<RestoreDrillsResponse> {
    return this.get('/backups/restore-drills');
  }

  scheduleTenantBackups(tenant: string, options?: { dryRun?: boolean }): Promise<TenantScheduleResult> {
    return this.send('POST', `/backups/tenants/${encodeURIComponent(tenant)}/schedule?dryRun=${options?.dryRun ? 'true' : 'false'}`, {});
  }

  backupTenant(tenant: string, request: TenantBackupRequest = {}): Promise<TenantBackupOperation> {
    return this.send('POST', `/backups/tenants/${encodeURIComponent(tenant)}/backups`, request);
  }

  getTenantBackup(tenant: string, id: string): Promise<TenantBackupOperation> {
    return this.get(`/backups/tenants/${encodeURIComponent(tenant)}/backups/${encodeURIComponent(id)}`);
  }

  startRestoreDrill(request: RestoreDrillRequest): Promise<RestoreDrillOperation> {
    return this.send('POST', '/backups/restore-drills', request);
  }

  getRestoreDrill(id: string): Promise<RestoreDrillOperation> {
    const [cluster, name] = id.split('/');
    return this.get(`/backups/restore-drills/${encodeURIComponent(cluster)}/${encodeURIComponent(name ?? '')}`);
  }

  getCosts(query: CostQuery): Promise<CostReport> {
    return this.get(`/costs?${costQueryString(query)}`);
  }

  async getCostExportUrl(query: CostQuery): Promise<string> {
    const base = await this.options.discovery.getBaseUrl('kubeyard');
    return `${base}/costs/export.csv?${costQueryString(query)}`;
  }

  private get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const base = await this.options.discovery.getBaseUrl('kubeyard');
    const response = await this.options.fetch(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

/** A cost query as URL query parameters (unset filters left out). */
export function costQueryString(query: CostQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
