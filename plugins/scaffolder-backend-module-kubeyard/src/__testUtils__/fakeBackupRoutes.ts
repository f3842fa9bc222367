/*
 * The backup endpoints of the fake kubeyard-backend: Schedules from the shared presets
 * (remembered, so a second run is unchanged), on-demand backups and restore drills that move one
 * phase on per poll, answering with contract-shaped JSON.
 */
import {
  recoveryTier,
  schedulesForTenant,
  tenantNamespace,
  type BackupPhase,
  type ClusterBackupStatus,
  type RestoreDrillOperation,
  type RestorePhase,
  type TenantBackupOperation,
  type TenantScheduleResult,
  type TenantSpec,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { HttpError } from './httpError';

/** How the fake's backup endpoints behave. */
export interface FakeBackupOptions {
  /** Final phase of on-demand backups per cluster (default Completed). */
  backupOutcome?: Record<string, BackupPhase>;
  /** Final phase of drill Restores (default Completed). */
  drillPhase?: RestorePhase;
  /** Measured RTO of drills (default 90 s). */
  drillRtoMs?: number;
  /** Clusters whose Schedules fail to apply, with the error. */
  scheduleErrors?: Record<string, string>;
}

const FINAL_BACKUP_STEP = 3;

/** A router function for `/backups/...` paths over the fake's applied tenants. */
export function fakeBackupRoutes(options: FakeBackupOptions, tenants: ReadonlyMap<string, TenantSpec>) {
  const scheduled = new Set<string>();
  const backups = new Map<string, { tenant: string; clusters: string[]; polls: number }>();
  const drills = new Map<string, { cluster: string; namespace: string; keep: boolean; tenant: TenantSpec; polls: number }>();
  let sequence = 0;

  const tenantOr404 = (name: string) => {
    const spec = tenants.get(name);
    if (!spec) throw new HttpError(404, 'NotFoundError', `no tenant named "${name}"`);
    return spec;
  };

  const schedule = (spec: TenantSpec, dryRun: boolean): TenantScheduleResult => {
    const plans = schedulesForTenant({ tenant: spec.name, namespace: tenantNamespace(spec), backupTier: spec.backupTier });
    const clusters = spec.clusters.map(cluster => {
      const error = options.scheduleErrors?.[cluster];
      const schedules = plans.map(({ schedule: s, preset }) => {
        const key = `${cluster}/${s.metadata.name}`;
        const action = error ? ('create' as const) : scheduled.has(key) ? ('unchanged' as const) : ('create' as const);
        if (!dryRun && !error) scheduled.add(key);
        return { namespace: 'velero', name: s.metadata.name, preset, cron: s.spec.schedule, ttl: s.spec.template.ttl, action, ...(error ? { error } : {}) };
      });
      const result = error ? ('error' as const) : schedules.every(s => s.action === 'unchanged') ? ('unchanged' as const) : ('created' as const);
      return { cluster, namespaces: [tenantNamespace(spec)], result, schedules, ...(error ? { error: `Schedule ${schedules[0].name}: ${error}` } : {}) };
    });
    return { tenant: spec.name, tier: spec.backupTier, dryRun, clusters, findings: plans.flatMap(p => p.findings) };
  };

  const backupStatus = (id: string): TenantBackupOperation => {
    const op = backups.get(id)!;
    const step = Math.min(op.polls++, FINAL_BACKUP_STEP);
    const clusters: ClusterBackupStatus[] = op.clusters.map(cluster => {
      const outcome = options.backupOutcome?.[cluster] ?? 'Completed';
      const base = { cluster, namespace: 'velero', name: id };
      if (outcome === 'FailedValidation' && step > 0) {
        return { ...base, phase: outcome, validationErrors: ["backup can't be created because BackupStorageLocation default is in Unavailable status."] };
      }
      if (step === 0) return { ...base, phase: 'New' as const };
      if (step < FINAL_BACKUP_STEP) return { ...base, phase: 'InProgress' as const, progress: { totalItems: 10, itemsBackedUp: step * 4 } };
      const failed = outcome === 'Failed' ? { failureReason: 'error putting object: AccessDenied' } : {};
      const partial = outcome === 'PartiallyFailed' ? { errors: 2, warnings: 1 } : {};
      return { ...base, phase: outcome, progress: { totalItems: 10, itemsBackedUp: outcome === 'Completed' ? 10 : 8 }, ...failed, ...partial };
    });
    const order: BackupPhase[] = ['FailedValidation', 'Failed', 'PartiallyFailed', 'Completed'];
    const done = clusters.every(c => order.includes(c.phase!));
    const progress = clusters.reduce((p, c) => ({ itemsBackedUp: p.itemsBackedUp + (c.progress?.itemsBackedUp ?? 0), totalItems: p.totalItems + (c.progress?.totalItems ?? 0) }), { itemsBackedUp: 0, totalItems: 0 });
    const outcome = done ? order.find(phase => clusters.some(c => c.phase === phase)) : undefined;
    return { id, tenant: op.tenant, namespaces: [op.tenant], clusters, done, ...(outcome ? { outcome } : {}), progress };
  };

  const drillStatus = (id: string): RestoreDrillOperation => {
    const drill = drills.get(id)!;
    const step = Math.min(drill.polls++, 3);
    const [cluster, restoreName] = id.split('/');
    const { rtoMs: tierRtoMs } = recoveryTier(drill.tenant.backupTier);
    const phase: RestorePhase | undefined = step === 0 ? undefined : step === 1 ? 'InProgress' : options.drillPhase ?? 'Completed';
    const restored = phase === 'Completed' || phase === 'PartiallyFailed';
    const rtoMs = options.drillRtoMs ?? 90_000;
    const base: RestoreDrillOperation = {
      id,
      tenant: drill.tenant.name,
      cluster,
      veleroNamespace: 'velero',
      restoreName,
      backupName: `kubeyard-${drill.tenant.name}-daily-20250601020000`,
      namespace: drill.namespace,
      restoredNamespace: `${drill.namespace}-restored`,
      keep: drill.keep,
      stage: step < 2 ? 'restoring' : step === 2 ? 'verifying' : 'done',
      ...(phase ? { phase } : {}),
      ...(step >= 1 ? { progress: { totalItems: 12, itemsRestored: step === 1 ? 6 : 12 } } : {}),
      ...(phase === 'FailedValidation' ? { validationErrors: ['Error retrieving backup: not found'] } : {}),
      ...(step >= 2 && restored ? { podsReady: { ready: step === 2 ? 1 : 2, total: 2 } } : {}),
      tier: drill.tenant.backupTier,
      tierRtoMs,
    };
    if (step < 3) return base;
    const record = restored
      ? { rtoMs, restoreMs: 60_000, podsReady: { ready: 2, total: 2 }, compliant: phase === 'Completed' && rtoMs <= tierRtoMs }
      : { compliant: false };
    return { ...base, record: { ...record, tier: drill.tenant.backupTier, tierRtoMs, cleanup: drill.keep ? 'kept' : 'deleted', recordedAt: new Date().toISOString() } };
  };

  return (method: string, path: string, url: URL, body: unknown): unknown => {
    const scheduleMatch = /^\/backups\/tenants\/([^/]+)\/schedule$/.exec(path);
    if (method === 'POST' && scheduleMatch) return schedule(tenantOr404(decodeURIComponent(scheduleMatch[1])), url.searchParams.get('dryRun') === 'true');
    const backupsMatch = /^\/backups\/tenants\/([^/]+)\/backups(?:\/([^/]+))?$/.exec(path);
    if (backupsMatch && method === 'POST' && !backupsMatch[2]) {
      const spec = tenantOr404(decodeURIComponent(backupsMatch[1]));
      const cluster = (body as { cluster?: string } | undefined)?.cluster;
      if (cluster && !spec.clusters.includes(cluster)) throw new HttpError(400, 'InputError', `cluster "${cluster}" is not one of tenant ${spec.name}'s clusters`);
      const id = `${spec.name}-20250601120000-${String(++sequence).padStart(4, '0')}`;
      backups.set(id, { tenant: spec.name, clusters: cluster ? [cluster] : spec.clusters, polls: 0 });
      return backupStatus(id);
    }
    if (backupsMatch && method === 'GET' && backupsMatch[2]) {
      const id = decodeURIComponent(backupsMatch[2]);
      if (!backups.has(id)) throw new HttpError(404, 'NotFoundError', `no backup ${id}`);
      return backupStatus(id);
    }
    if (method === 'POST' && path === '/backups/restore-drills') {
      const request = body as { cluster: string; namespace: string; keep?: boolean };
      const tenant = [...tenants.values()].find(t => tenantNamespace(t) === request.namespace && t.clusters.includes(request.cluster));
      if (!tenant) throw new HttpError(400, 'InputError', 'the restore drill request is not valid', [{ field: 'namespace', message: `${request.namespace} is not a tenant namespace` }]);
      const id = `${request.cluster}/${request.namespace}-drill-20250601120000-${String(++sequence).padStart(2, '0')}`;
      drills.set(id, { cluster: request.cluster, namespace: request.namespace, keep: Boolean(request.keep), tenant, polls: 0 });
      return drillStatus(id);
    }
    const drillMatch = /^\/backups\/restore-drills\/([^/]+)\/([^/]+)$/.exec(path);
    if (method === 'GET' && drillMatch) {
      const id = `${decodeURIComponent(drillMatch[1])}/${decodeURIComponent(drillMatch[2])}`;
      if (!drills.has(id)) throw new HttpError(404, 'NotFoundError', `no restore drill ${id}`);
      return drillStatus(id);
    }
    throw new HttpError(404, 'NotFoundError', `no route for ${method} ${path}`);
  };
}
