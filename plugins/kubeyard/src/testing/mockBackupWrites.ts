/*
 * The backup writes of MockKubeyardApi: Schedules from the shared presets (a second run is
 * unchanged), and backups and restore drills that have finished by the time they are read.
 */
import { NotFoundError } from '@backstage/errors';
import {
  recoveryTier,
  schedulesForTenant,
  tenantNamespace,
  type RestoreDrillOperation,
  type RestoreDrillRequest,
  type TenantBackupOperation,
  type TenantBackupRequest,
  type TenantDetail,
  type TenantScheduleResult,
} from '@kubeyard/backstage-plugin-kubeyard-common';

const DRILL_RTO_MS = 4 * 60_000;

/** In-memory backup writes over the mock's tenants. */
export class MockBackupWrites {
  private readonly scheduled = new Set<string>();
  private readonly drills = new Map<string, RestoreDrillOperation>();
  private sequence = 0;

  constructor(private readonly tenants: () => Record<string, TenantDetail>) {}

  private tenant(name: string): TenantDetail {
    const found = this.tenants()[name];
    if (!found) throw new NotFoundError(`no tenant named "${name}"`);
    return found;
  }

  schedule(name: string, dryRun: boolean): TenantScheduleResult {
    const { spec } = this.tenant(name);
    const plans = schedulesForTenant({ tenant: spec.name, namespace: tenantNamespace(spec), backupTier: spec.backupTier });
    const clusters = spec.clusters.map(cluster => {
      const schedules = plans.map(({ schedule, preset }) => {
        const key = `${cluster}/${schedule.metadata.name}`;
        const action = this.scheduled.has(key) ? ('unchanged' as const) : ('create' as const);
        if (!dryRun) this.scheduled.add(key);
        return { namespace: 'velero', name: schedule.metadata.name, preset, cron: schedule.spec.schedule, ttl: schedule.spec.template.ttl, action };
      });
      const result = schedules.every(s => s.action === 'unchanged') ? ('unchanged' as const) : ('created' as const);
      return { cluster, namespaces: [tenantNamespace(spec)], result, schedules };
    });
    return { tenant: spec.name, tier: spec.backupTier, dryRun, clusters, findings: plans.flatMap(p => p.findings) };
  }

  backup(name: string, request: TenantBackupRequest = {}, id = `${name}-20250601120000-${String(++this.sequence).padStart(4, '0')}`): TenantBackupOperation {
    const { spec } = this.tenant(name);
    const clusters = (request.cluster ? [request.cluster] : spec.clusters).map(cluster => ({
      cluster,
      namespace: 'velero',
      name: id,
      phase: 'Completed' as const,
      progress: { totalItems: 24, itemsBackedUp: 24 },
    }));
    const total = clusters.length * 24;
    return { id, tenant: name, namespaces: [tenantNamespace(spec)], clusters, done: true, outcome: 'Completed', progress: { itemsBackedUp: total, totalItems: total } };
  }

  startDrill(request: RestoreDrillRequest): RestoreDrillOperation {
    const detail = Object.values(this.tenants()).find(t => tenantNamespace(t.spec) === request.namespace);
    if (!detail) throw new NotFoundError(`namespace ${request.namespace} belongs to no tenant`);
    const { rtoMs: tierRtoMs } = recoveryTier(detail.spec.backupTier);
    const restoreName = `${request.namespace}-drill-20250601120000-${String(++this.sequence).padStart(2, '0')}`;
    const cleanup = request.keep ? 'kept' : 'deleted';
    const drill: RestoreDrillOperation = {
      id: `${request.cluster}/${restoreName}`,
      tenant: detail.name,
      cluster: request.cluster,
      veleroNamespace: 'velero',
      restoreName,
      backupName: request.backupName ?? `kubeyard-${detail.name}-daily-20250601020000`,
      namespace: request.namespace,
      restoredNamespace: `${request.namespace}-restored`,
      keep: Boolean(request.keep),
      stage: 'done',
      phase: 'Completed',
      podsReady: { ready: 3, total: 3 },
      tier: detail.spec.backupTier,
      tierRtoMs,
      record: { rtoMs: DRILL_RTO_MS, restoreMs: 60_000, podsReady: { ready: 3, total: 3 }, tier: detail.spec.backupTier, tierRtoMs, compliant: DRILL_RTO_MS <= tierRtoMs, cleanup, recordedAt: new Date().toISOString() },
    };
    this.drills.set(drill.id, drill);
    return drill;
  }

  getDrill(id: string): RestoreDrillOperation {
    const drill = this.drills.get(id);
    if (!drill) throw new NotFoundError(`no restore drill ${id}`);
    return drill;
  }
}
