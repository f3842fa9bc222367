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

/** What the Kubeyard frontend needs from the backend. The client and test doubles implement it. */
export interface KubeyardApi {
  getClusters(): Promise<ClustersResponse>;
  getCluster(name: string): Promise<ClusterDetail>;
  getEntityWorkloads(entityRef: string): Promise<EntityWorkloadsResponse>;
  getFederation(): Promise<FederationResponse>;
  /** Plans a tenant: validation, then a server-side dry-run per cluster, shown as a diff. */
  planTenant(spec: TenantRequest): Promise<TenantPlan>;
  /** Applies a tenant; with `wait: false` returns the running operation at once (poll getOperation). */
  applyTenant(spec: TenantRequest, options?: { wait?: boolean }): Promise<TenantOperation>;
  getOperation(tenant: string, operationId: string): Promise<TenantOperation>;
  listTenants(): Promise<TenantsResponse>;
  getTenant(name: string): Promise<TenantDetail>;
  verifyTenant(name: string): Promise<VerifyReport>;
  /** Decommissions a tenant; `confirm` must repeat its name. */
  deleteTenant(name: string, options: { confirm: string; force?: boolean }): Promise<TenantOperation>;
  /** Namespaces with no owner, owners that are not catalog Groups, drift, missing tenants. */
  getOwnershipFindings(): Promise<OwnershipFindingsResponse>;
  /** Velero across the fleet: per-cluster summary, 7-day timeline, coverage counts, findings. */
  getBackups(): Promise<BackupsResponse>;
  getClusterBackups(cluster: string): Promise<ClusterBackupsResponse>;
  /** Coverage and RPO of one entity or tenant (or of every namespace without a filter). */
  getBackupCoverage(filter?: { entityRef?: string; tenant?: string }): Promise<CoverageResponse>;
  getRestoreDrills(): Promise<RestoreDrillsResponse>;
  /** Applies the tenant's Velero Schedules (from its backup tier) on each of its clusters; `dryRun` only reports. */
  scheduleTenantBackups(tenant: string, options?: { dryRun?: boolean }): Promise<TenantScheduleResult>;
  /** Starts an on-demand Backup of the tenant's namespaces; poll getTenantBackup until `done`. */
  backupTenant(tenant: string, request?: TenantBackupRequest): Promise<TenantBackupOperation>;
  getTenantBackup(tenant: string, id: string): Promise<TenantBackupOperation>;
  /** Starts a restore drill of a namespace into `<namespace>-restored`; poll getRestoreDrill until stage `done`. */
  startRestoreDrill(request: RestoreDrillRequest): Promise<RestoreDrillOperation>;
  /** A drill by its id, `<cluster>/<restore name>`. */
  getRestoreDrill(id: string): Promise<RestoreDrillOperation>;
  /** Allocated cost over a window, grouped (OpenCost vocabulary), with budgets and findings. */
  getCosts(query: CostQuery): Promise<CostReport>;
  /** The URL of the CSV export for the same query (FOCUS-style columns), for a download link. */
  getCostExportUrl(query: CostQuery): Promise<string>;
}
