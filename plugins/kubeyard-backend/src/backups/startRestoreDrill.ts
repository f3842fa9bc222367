/*
 * POST /backups/restore-drills: restores the newest Completed backup of a tenant namespace into
 * `<ns>-restored` (Restore spec.namespaceMapping) and answers at once with the drill, which
 * RestoreDrillDriver then follows. Refuses to restore into a namespace a drill did not make.
 */
import { randomBytes } from 'node:crypto';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  compileBackupFilter,
  isFinalRestorePhase,
  isRestoreDrill,
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  RESTORE_DRILL_ANNOTATIONS,
  RESTORE_DRILL_LABEL,
  RESTORE_DRILL_NAMESPACE_LABEL,
  recoveryTier,
  tenantUpdatePermission,
  type RestoreDrillOperation,
  type VeleroBackup,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex, KubeObject } from '../fleet';
import { httpStatusOf, RequestValidationError, waitForDeletion, type TenantClusterClient } from '../tenants';
import type { ScheduleContext } from './applyTenantSchedules';
import { millis } from './backupViews';
import type { restoreDrillRequestSchema } from './backupRequests';
import { RESTORE_NAME_LABEL, type RestoreDrillDriver } from './RestoreDrillDriver';
import { restoreDrillOperation } from './restoreDrillOperation';
import { tenantBackupTarget, type TenantBackupSources } from './tenantBackupTarget';
import { veleroNamespaceOf } from './veleroNamespace';

/** What starting a drill needs. */
export interface RestoreDrillContext extends ScheduleContext, TenantBackupSources {
  fleet: Pick<FleetIndex, 'cluster' | 'clusters'>;
  driver: RestoreDrillDriver;
  now: () => Date;
}

type DrillRequest = ReturnType<typeof restoreDrillRequestSchema.parse>;

const fieldError = (field: string, message: string) => new RequestValidationError([{ field, message }], 'the restore drill request');

/** `<ns>-drill-<yyyyMMddHHmmss>-<2 hex>`, at most 63 characters (Velero labels restored objects with it). */
export function drillRestoreName(namespace: string, now: Date, suffix = randomBytes(1).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${namespace.slice(0, 38).replace(/-+$/, '')}-drill-${stamp}-${suffix}`;
}

const finishedAt = (b: VeleroBackup) => millis(b.status?.completionTimestamp) ?? 0;

/** The backup to restore: the one asked for, else the newest Completed one that covers the namespace. */
async function chooseBackup(client: TenantClusterClient, veleroNamespace: string, request: DrillRequest, cluster: string): Promise<VeleroBackup> {
  const backups = (await client.list('velero.io/v1', 'Backup', { namespace: veleroNamespace })) as unknown as VeleroBackup[];
  const covers = (b: VeleroBackup) => compileBackupFilter(b.spec ?? {}).includesNamespace(request.namespace);
  if (request.backupName) {
    const backup = backups.find(b => b.metadata.name === request.backupName);
    if (!backup) throw new NotFoundError(`no Backup ${request.backupName} in ${veleroNamespace} on cluster ${cluster}`);
    if (backup.status?.phase !== 'Completed' && backup.status?.phase !== 'PartiallyFailed') {
      throw fieldError('backupName', `Backup ${request.backupName} is ${backup.status?.phase ?? 'New'}; only Completed or PartiallyFailed backups can be restored`);
    }
    if (!covers(backup)) throw fieldError('backupName', `Backup ${request.backupName} does not include namespace ${request.namespace}`);
    return backup;
  }
  const newest = backups.filter(b => b.status?.phase === 'Completed' && covers(b)).sort((a, b) => finishedAt(b) - finishedAt(a))[0];
  if (!newest) {
    throw new ConflictError(`no Completed backup on cluster ${cluster} includes namespace ${request.namespace}; back it up first (kubeyard:backup:now or a Schedule)`);
  }
  return newest;
}

/** Makes room for the drill: 409 for a namespace a drill did not make; a previous drill's namespace is deleted. */
async function clearTarget(ctx: RestoreDrillContext, client: TenantClusterClient, veleroNamespace: string, target: string): Promise<void> {
  const ref = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: target } };
  const existing = await client.get(ref);
  if (!existing) return;
  const restoreName = existing.metadata?.labels?.[RESTORE_NAME_LABEL];
  const restore = restoreName
    ? ((await client.get({ apiVersion: 'velero.io/v1', kind: 'Restore', metadata: { name: restoreName, namespace: veleroNamespace } })) as unknown as VeleroRestore | undefined)
    : undefined;
  if (!restoreName || (restore && !isRestoreDrill(restore))) {
    throw new ConflictError(`namespace ${target} exists and was not made by a restore drill; Kubeyard does not restore into it (rename or delete it first)`);
  }
  await client.delete(ref);
  await waitForDeletion(client, ref as KubeObject, { timeoutMs: ctx.driver.timings.namespaceDeletionTimeoutMs, pollIntervalMs: ctx.driver.timings.pollIntervalMs });
}

/** Checks, picks the backup, creates the Restore and hands it to the driver. */
export async function startRestoreDrill(
  ctx: RestoreDrillContext,
  request: DrillRequest,
  credentials: BackstageCredentials,
  initiator: string,
): Promise<RestoreDrillOperation> {
  const { cluster, namespace } = request;
  const client = ctx.clients.for(cluster);
  if (!client) {
    throw fieldError('cluster', `"${cluster}" is not a cluster Kubeyard knows (known: ${ctx.fleet.clusters().map(c => c.name).join(', ') || 'none'})`);
  }
  const live = await client.get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  if (!live) throw new NotFoundError(`namespace ${namespace} does not exist on cluster ${cluster}`);
  const tenantName = live.metadata?.labels?.[KUBEYARD_LABELS.tenant];
  if (!tenantName) {
    throw fieldError('namespace', `${namespace} is not a tenant namespace (no ${KUBEYARD_LABELS.tenant} label); drills run on tenant namespaces, by those who may update the tenant`);
  }
  if (live.metadata?.labels?.[RESTORE_NAME_LABEL]) throw fieldError('namespace', `${namespace} was itself made by a restore; drill the original namespace`);
  const target = await tenantBackupTarget(ctx, credentials, tenantName, tenantUpdatePermission, 'run a restore drill of');

  const veleroNamespace = veleroNamespaceOf(ctx.fleet, cluster);
  let drills: VeleroRestore[];
  try {
    drills = (await client.list('velero.io/v1', 'Restore', {
      namespace: veleroNamespace,
      labelSelector: `${RESTORE_DRILL_LABEL}=true,${RESTORE_DRILL_NAMESPACE_LABEL}=${namespace}`,
    })) as unknown as VeleroRestore[];
  } catch (error) {
    if (httpStatusOf(error) === 404) throw fieldError('cluster', `Velero is not installed on ${cluster} (velero.io/v1 is not served)`);
    throw error;
  }
  const running = drills.find(d => !isFinalRestorePhase(d.status?.phase));
  if (running) throw new ConflictError(`a restore drill of ${namespace} on ${cluster} is already running: ${running.metadata.name}`);

  const backup = await chooseBackup(client, veleroNamespace, request, cluster);
  const restoredNamespace = `${namespace}-restored`;
  await clearTarget(ctx, client, veleroNamespace, restoredNamespace);
  const restore: KubeObject = {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name: drillRestoreName(namespace, ctx.now()),
      namespace: veleroNamespace,
      labels: {
        [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER,
        [KUBEYARD_LABELS.tenant]: target.tenant,
        [RESTORE_DRILL_LABEL]: 'true',
        [RESTORE_DRILL_NAMESPACE_LABEL]: namespace,
      },
      annotations: {
        [RESTORE_DRILL_ANNOTATIONS.keep]: String(request.keep),
        [RESTORE_DRILL_ANNOTATIONS.requestedBy]: initiator,
        [RESTORE_DRILL_ANNOTATIONS.tier]: String(target.tier),
        [RESTORE_DRILL_ANNOTATIONS.tierRtoMs]: String(recoveryTier(target.tier).rtoMs),
      },
    },
    spec: {
      backupName: backup.metadata.name,
      includedNamespaces: [namespace],
      namespaceMapping: { [namespace]: restoredNamespace },
      restorePVs: true,
    },
  };
  const created = (await client.create(restore)) as unknown as VeleroRestore;
  ctx.driver.ensure(cluster, created);
  return restoreDrillOperation(cluster, created);
}
