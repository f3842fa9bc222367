/*
 * On-demand backups of a tenant (POST /backups/tenants/:tenant/backups): one Velero Backup of
 * the tenant's namespace on each of its clusters (or one), all with the same name, which is the
 * operation's id. The operation has no state of its own: its status is read from those Backups
 * (GET .../backups/:id), so any backend instance answers it, also after a restart.
 */
import { randomBytes } from 'node:crypto';
import { InputError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  isFinalBackupPhase,
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  SCHEDULE_PRESETS,
  type BackupPhase,
  type ClusterBackupStatus,
  type TenantBackupOperation,
  type VeleroBackup,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import { describeKubeError } from '../tenants';
import type { ScheduleContext } from './applyTenantSchedules';
import type { TenantBackupTarget } from './tenantBackupTarget';
import { veleroNamespaceOf } from './veleroNamespace';

/** Who asked for an on-demand Backup. */
export const REQUESTED_BY_ANNOTATION = 'kubeyard.io/requested-by';

/** Worst first: the outcome of an operation is its worst cluster's final phase. */
const OUTCOME_ORDER: BackupPhase[] = ['FailedValidation', 'Failed', 'PartiallyFailed', 'Completed'];

/**
 * `<tenant>-<yyyyMMddHHmmss>-<4 hex>`: sortable, unique across concurrent requests, and at most
 * 63 characters, since Velero copies backup names into the labels of what it restores.
 */
export function onDemandBackupName(tenant: string, now: Date, suffix = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${tenant.slice(0, 43).replace(/-+$/, '')}-${stamp}-${suffix}`;
}

function backupManifest(target: TenantBackupTarget, name: string, namespace: string, initiator: string): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      namespace,
      labels: { [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER, [KUBEYARD_LABELS.tenant]: target.tenant },
      annotations: { [REQUESTED_BY_ANNOTATION]: initiator },
    },
    // Kept as long as the daily preset keeps its backups.
    spec: { includedNamespaces: [target.namespace], snapshotVolumes: true, ttl: SCHEDULE_PRESETS.daily.ttl },
  };
}

function clusterStatus(cluster: string, backup: VeleroBackup): ClusterBackupStatus {
  const status = backup.status ?? {};
  return {
    cluster,
    namespace: backup.metadata.namespace ?? '',
    name: backup.metadata.name,
    phase: status.phase,
    ...(status.progress ? { progress: status.progress } : {}),
    ...(status.errors !== undefined ? { errors: status.errors } : {}),
    ...(status.warnings !== undefined ? { warnings: status.warnings } : {}),
    ...(status.failureReason ? { failureReason: status.failureReason } : {}),
    ...(status.validationErrors?.length ? { validationErrors: status.validationErrors } : {}),
    ...(status.startTimestamp ? { startTimestamp: status.startTimestamp } : {}),
    ...(status.completionTimestamp ? { completionTimestamp: status.completionTimestamp } : {}),
    ...(status.expiration ? { expiration: status.expiration } : {}),
  };
}

/** The operation view of the Backups of one on-demand backup. */
export function tenantBackupOperation(target: TenantBackupTarget, id: string, clusters: ClusterBackupStatus[]): TenantBackupOperation {
  const done = clusters.length > 0 && clusters.every(c => isFinalBackupPhase(c.phase));
  const progress = { itemsBackedUp: 0, totalItems: 0 };
  for (const c of clusters) {
    progress.itemsBackedUp += c.progress?.itemsBackedUp ?? 0;
    progress.totalItems += c.progress?.totalItems ?? 0;
  }
  const outcome = done ? OUTCOME_ORDER.find(phase => clusters.some(c => c.phase === phase)) : undefined;
  return { id, tenant: target.tenant, namespaces: [target.namespace], clusters, done, ...(outcome ? { outcome } : {}), progress };
}

/** Creates the Backups and answers at once with the operation (every Backup still New). */
export async function startTenantBackup(
  ctx: ScheduleContext,
  target: TenantBackupTarget,
  options: { cluster?: string; initiator: string; now: Date },
): Promise<TenantBackupOperation> {
  if (options.cluster !== undefined && !target.clusters.includes(options.cluster)) {
    throw new InputError(`cluster "${options.cluster}" is not one of tenant ${target.tenant}'s clusters (${target.clusters.join(', ')})`);
  }
  const clusters = options.cluster ? [options.cluster] : target.clusters;
  const id = onDemandBackupName(target.tenant, options.now);
  const results = await Promise.allSettled(
    clusters.map(async cluster => {
      const client = ctx.clients.for(cluster);
      if (!client) throw new Error('the cluster is not configured in Kubeyard');
      const created = await client.create(backupManifest(target, id, veleroNamespaceOf(ctx.fleet, cluster), options.initiator));
      return clusterStatus(cluster, created as unknown as VeleroBackup);
    }),
  );
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${clusters[i]}: ${describeKubeError(r.reason)}`] : []));
  const started = results.flatMap(r => (r.status === 'fulfilled' ? [r.value] : []));
  if (failed.length > 0) {
    const begun = started.length > 0 ? `; Backup ${id} was created on ${started.map(s => s.cluster).join(', ')} and runs there` : '';
    throw new ServiceUnavailableError(`could not create Backup ${id} on ${failed.join('; ')}${begun}`);
  }
  return tenantBackupOperation(target, id, started);
}

/** Reads an on-demand backup's Backups on the tenant's clusters; NotFoundError when none has it. */
export async function getTenantBackup(ctx: ScheduleContext, target: TenantBackupTarget, id: string): Promise<TenantBackupOperation> {
  const found = await Promise.all(
    target.clusters.map(async (cluster): Promise<ClusterBackupStatus | undefined> => {
      const client = ctx.clients.for(cluster);
      if (!client) return undefined;
      const ref = { apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { name: id, namespace: veleroNamespaceOf(ctx.fleet, cluster) } };
      try {
        const backup = await client.get(ref);
        if (!backup || backup.metadata?.labels?.[KUBEYARD_LABELS.tenant] !== target.tenant) return undefined;
        return clusterStatus(cluster, backup as unknown as VeleroBackup);
      } catch (error) {
        // Unreachable for now: shown without a phase, so the operation is not done yet.
        return { cluster, namespace: ref.metadata.namespace, name: id, failureReason: `cannot read the Backup: ${describeKubeError(error)}` };
      }
    }),
  );
  const clusters = found.filter((c): c is ClusterBackupStatus => c !== undefined);
  if (clusters.length === 0) throw new NotFoundError(`tenant ${target.tenant} has no backup ${id} on ${target.clusters.join(', ')}`);
  return tenantBackupOperation(target, id, clusters);
}
