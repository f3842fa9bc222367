import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  costQueryString,
  manifestKey,
  parseTenantSpec,
  renderTenant,
  type BackupsResponse,
  type ClusterBackupsResponse,
  type ClusterDetail,
  type CoverageResponse,
  type RestoreDrillsResponse,
  type RestoreDrillOperation,
  type RestoreDrillRequest,
  type TenantBackupOperation,
  type TenantBackupRequest,
  type TenantScheduleResult,
  type ClustersResponse,
  type ClusterSummary,
  type CostQuery,
  type CostReport,
  type EntityWorkloadsResponse,
  type FederationResponse,
  type KubeyardApi,
  type ObjectAction,
  type OwnershipFindingsResponse,
  type TenantDetail,
  type TenantOperation,
  type TenantPlan,
  type TenantRequest,
  type TenantSpec,
  type TenantsResponse,
  type VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  backupCoverage,
  backupsSummary,
  clusterBackups,
  clusterDetails,
  clusterSummaries,
  costFixture,
  entityWorkloads,
  federation,
  ownershipFindings,
  restoreDrills,
  tenantDetails,
  verifyReport,
} from './fixtures';
import { costReport, type CostFixture } from './costReport';
import { MockBackupWrites } from './mockBackupWrites';

/** What a MockKubeyardApi serves; every field defaults to the fixture fleet. */
export interface MockKubeyardData {
  clusters: ClusterSummary[];
  details: Record<string, ClusterDetail>;
  workloads: Record<string, EntityWorkloadsResponse>;
  federation: FederationResponse;
  /** Tenants by name. */
  tenants: Record<string, TenantDetail>;
  /** Verify reports by tenant name; tenants without one get an all-pass report. */
  verifyReports: Record<string, VerifyReport>;
  ownership: OwnershipFindingsResponse;
  backups: BackupsResponse;
  /** Cluster backup details by cluster name. */
  clusterBackups: Record<string, ClusterBackupsResponse>;
  /** Coverage by entityRef, by `tenant:<name>`, and '' without a filter. */
  coverage: Record<string, CoverageResponse>;
  restoreDrills: RestoreDrillsResponse;
  /** The rows, budgets, findings, sources and gaps cost reports are computed from (built on first use: 100 days of hours). */
  costs?: CostFixture;
}

const INITIATOR = 'user:development/guest';

function summaryOf(detail: TenantDetail) {
  const {
    spec: _spec,
    clusterStatus: _clusterStatus,
    findings: _findings,
    history: _history,
    ...summary
  } = detail;
  return summary;
}

/**
 * A KubeyardApi serving fixture data, for tests and the dev page. Applying and
 * decommissioning change the tenants it serves, so pages can be tried end to end.
 */
export class MockKubeyardApi implements KubeyardApi {
  private readonly data: MockKubeyardData;
  private nextOperation = 100;
  private readonly backupWrites = new MockBackupWrites(() => this.data.tenants);

  constructor(
    data: Partial<MockKubeyardData> = {},
    /** Makes every method reject with this error, e.g. a ResponseError. */
    private readonly failure?: Error,
  ) {
    this.data = {
      clusters: data.clusters ?? clusterSummaries(),
      details: data.details ?? clusterDetails(),
      workloads: data.workloads ?? entityWorkloads(),
      federation: data.federation ?? federation(),
      tenants: data.tenants ?? tenantDetails(),
      verifyReports: data.verifyReports ?? {
        'payments-prod': verifyReport('payments-prod'),
      },
      ownership: data.ownership ?? ownershipFindings(),
      backups: data.backups ?? backupsSummary(),
      clusterBackups: data.clusterBackups ?? clusterBackups(),
      coverage: data.coverage ?? backupCoverage(),
      restoreDrills: data.restoreDrills ?? restoreDrills(),
      costs: data.costs,
    };
  }

  async getClusters(): Promise<ClustersResponse> {
    this.throwIfFailing();
    return { clusters: this.data.clusters };
  }

  async getCluster(name: string): Promise<ClusterDetail> {
    this.throwIfFailing();
    const detail = this.data.details[name];
    if (!detail) throw new NotFoundError(`No cluster named '${name}'`);
    return detail;
  }

  async getEntityWorkloads(
    entityRef: string,
  ): Promise<EntityWorkloadsResponse> {
    this.throwIfFailing();
    return (
      this.data.workloads[entityRef] ?? {
        entityRef,
        selector: {},
        clusters: [],
      }
    );
  }

  async getFederation(): Promise<FederationResponse> {
    this.throwIfFailing();
    return this.data.federation;
  }

  async planTenant(request: TenantRequest): Promise<TenantPlan> {
    this.throwIfFailing();
    const spec = this.parse(request);
    const existing = this.data.tenants[spec.name];
    const action: ObjectAction = existing ? 'unchanged' : 'create';
    const clusters = spec.clusters.map(cluster => ({
      cluster,
      reachable: true,
      objects: renderTenant(spec, { clusterName: cluster }).map(manifest => ({
        key: manifestKey(manifest),
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        namespace: manifest.metadata.namespace,
        name: manifest.metadata.name,
        action,
      })),
    }));
    const summary: TenantPlan['summary'] = {
      create: 0,
      update: 0,
      unchanged: 0,
      delete: 0,
    };
    for (const c of clusters) summary[action] += c.objects.length;
    return { tenant: spec.name, spec, clusters, summary };
  }

  async applyTenant(request: TenantRequest): Promise<TenantOperation> {
    const plan = await this.planTenant(request);
    const { spec } = plan;
    const now = new Date().toISOString();
    const operation: TenantOperation = {
      id: this.operationId(),
      tenant: spec.name,
      kind: 'apply',
      status: 'succeeded',
      initiator: INITIATOR,
      startedAt: now,
      finishedAt: now,
      steps: plan.clusters.flatMap(c =>
        c.objects.map(o => ({
          cluster: c.cluster,
          object: o.key,
          action: o.action,
          status: 'done' as const,
          startedAt: now,
          finishedAt: now,
        })),
      ),
    };
    const existing = this.data.tenants[spec.name];
    this.data.tenants[spec.name] = {
      name: spec.name,
      displayName: spec.displayName,
      owner: spec.owner,
      environment: spec.environment,
      tier: spec.tier.preset,
      isolation: spec.isolation,
      clusters: spec.clusters,
      status: 'Active',
      quotaPressure: existing?.quotaPressure ?? 0,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      spec,
      clusterStatus: spec.clusters.map(cluster => ({
        cluster,
        namespace: spec.namespace ?? spec.name,
        phase: 'Active' as const,
      })),
      findings: existing?.findings ?? [],
      history: [operation, ...(existing?.history ?? [])],
    };
    return operation;
  }

  async getOperation(
    tenant: string,
    operationId: string,
  ): Promise<TenantOperation> {
    const detail = await this.getTenant(tenant);
    const operation = detail.history.find(o => o.id === operationId);
    if (!operation) {
      throw new NotFoundError(
        `No operation '${operationId}' of tenant '${tenant}'`,
      );
    }
    return operation;
  }

  async listTenants(): Promise<TenantsResponse> {
    this.throwIfFailing();
    return { tenants: Object.values(this.data.tenants).map(summaryOf) };
  }

  async getTenant(name: string): Promise<TenantDetail> {
    this.throwIfFailing();
    const detail = this.data.tenants[name];
    if (!detail) throw new NotFoundError(`No tenant named '${name}'`);
    return detail;
  }

  async verifyTenant(name: string): Promise<VerifyReport> {
    const detail = await this.getTenant(name);
    const report = this.data.verifyReports[name];
    if (report) return report;
    const now = new Date().toISOString();
    const checks = detail.clusters.map(cluster => ({
      cluster,
      category: 'presence' as const,
      name: `Namespace ${name} exists`,
      expected: 'Active',
      actual: 'Active',
      pass: true,
    }));
    return {
      tenant: name,
      startedAt: now,
      finishedAt: now,
      passed: checks.length,
      failed: 0,
      checks,
    };
  }

  async deleteTenant(
    name: string,
    options: { confirm: string; force?: boolean },
  ): Promise<TenantOperation> {
    const detail = await this.getTenant(name);
    if (options.confirm !== name) {
      throw new InputError(
        `confirm must repeat the tenant name '${name}', got '${options.confirm}'`,
      );
    }
    if (detail.history.some(o => o.status === 'running')) {
      throw new ConflictError(`Tenant '${name}' has an operation running`);
    }
    const now = new Date().toISOString();
    const operation: TenantOperation = {
      id: this.operationId(),
      tenant: name,
      kind: 'decommission',
      status: 'running',
      initiator: INITIATOR,
      startedAt: now,
      steps: detail.clusterStatus.map(s => ({
        cluster: s.cluster,
        object: `/Namespace//${s.namespace}`,
        action: 'delete' as const,
        status: 'pending' as const,
      })),
    };
    this.data.tenants[name] = {
      ...detail,
      status: 'Terminating',
      updatedAt: now,
      history: [operation, ...detail.history],
    };
    return operation;
  }

  async getBackups(): Promise<BackupsResponse> {
    this.throwIfFailing();
    return this.data.backups;
  }

  async getClusterBackups(cluster: string): Promise<ClusterBackupsResponse> {
    this.throwIfFailing();
    const detail = this.data.clusterBackups[cluster];
    if (!detail) throw new NotFoundError(`no cluster named "${cluster}"`);
    return detail;
  }

  async getBackupCoverage(filter?: {
    entityRef?: string;
    tenant?: string;
  }): Promise<CoverageResponse> {
    this.throwIfFailing();
    const key = filter?.entityRef ?? (filter?.tenant ? `tenant:${filter.tenant}` : '');
    return this.data.coverage[key] ?? { namespaces: [], ignoredSchedules: [] };
  }

  async getRestoreDrills(): Promise<RestoreDrillsResponse> {
    this.throwIfFailing();
    return this.data.restoreDrills;
  }

  async scheduleTenantBackups(tenant: string, options?: { dryRun?: boolean }): Promise<TenantScheduleResult> {
    this.throwIfFailing();
    return this.backupWrites.schedule(tenant, Boolean(options?.dryRun));
  }

  async backupTenant(tenant: string, request?: TenantBackupRequest): Promise<TenantBackupOperation> {
    this.throwIfFailing();
    return this.backupWrites.backup(tenant, request);
  }

  async getTenantBackup(tenant: string, id: string): Promise<TenantBackupOperation> {
    this.throwIfFailing();
    return this.backupWrites.backup(tenant, {}, id);
  }

  async startRestoreDrill(request: RestoreDrillRequest): Promise<RestoreDrillOperation> {
    this.throwIfFailing();
    return this.backupWrites.startDrill(request);
  }

  async getRestoreDrill(id: string): Promise<RestoreDrillOperation> {
    this.throwIfFailing();
    return this.backupWrites.getDrill(id);
  }

  async getCosts(query: CostQuery): Promise<CostReport> {
    this.throwIfFailing();
    this.data.costs ??= costFixture();
    return costReport(this.data.costs, query);
  }

  async getCostExportUrl(query: CostQuery): Promise<string> {
    this.throwIfFailing();
    return `http://localhost:7007/api/kubeyard/costs/export.csv?${costQueryString(query)}`;
  }

  async getOwnershipFindings(): Promise<OwnershipFindingsResponse> {
    this.throwIfFailing();
    return this.data.ownership;
  }

  private parse(request: TenantRequest): TenantSpec {
    const result = parseTenantSpec(request);
    if (!result.success) {
      throw new InputError(
        result.errors.map(e => `${e.field}: ${e.message}`).join('; '),
      );
    }
    return result.spec;
  }

  private operationId(): string {
    this.nextOperation += 1;
    return `op-${this.nextOperation}`;
  }

  private throwIfFailing() {
    if (this.failure) throw this.failure;
  }
}
