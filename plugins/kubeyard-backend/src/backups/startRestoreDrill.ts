/*
 * POST /backups/restore-drills: restores the newest Completed backup of a tenant namespace into
 * `<ns>-restored` (Restore spec.namespaceMapping) and answers at once with the drill, which
 * RestoreDrillDriver then follows. The tenant is the registry's: the namespace must be its
 * namespace and the cluster one of its clusters, checked before anything is read from the
 * cluster (no answer tells whether a namespace exists to someone who may not drill it).
 * Kubeyard creates `<ns>-restored` itself first: that create is the drill's lock.
 */
import { randomBytes } from 'node:crypto';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  compileBackupFilter,
  isFinalRestorePhase,
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  RESTORE_DRILL_ANNOTATIONS,
  RESTORE_DRILL_LABEL,
  RESTORE_DRILL_NAMESPACE_LABEL,
  recoveryTier,
  tenantNamespace,
  tenantUpdatePermission,
  type RestoreDrillOperation,
  type VeleroBackup,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex, KubeObject } from '../fleet';
import { describeKubeError, httpStatusOf, isUncertain, RequestValidationError, type TenantClusterClient, type TenantRegistry } from '../tenants';
import type { ScheduleContext } from './applyTenantSchedules';
import { millis } from './backupViews';
import type { restoreDrillRequestSchema } from './backupRequests';
import type { RestoreDrillDriver } from './RestoreDrillDriver';
import { createDrillNamespace, isDrillNamespace, removeDrillNamespace } from './restoreDrillNamespace';
import { restoreDrillOperation } from './restoreDrillOperation';
import { tenantBackupTarget, type TenantBackupSources, type TenantBackupTarget } from './tenantBackupTarget';
import { veleroNamespaceOf } from './veleroNamespace';

/** What starting a drill needs. */
export interface RestoreDrillContext extends ScheduleContext, TenantBackupSources {
  registry: Pick<TenantRegistry, 'getTenant' | 'listTenants'>;
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

/**
 * What a drill copy must not do next to production: serve the production hostnames (Ingress,
 * HTTPRoute) or run the production schedule (CronJob). Velero skips these resources.
 */
export const DRILL_EXCLUDED_RESOURCES = ['ingresses.networking.k8s.io', 'cronjobs.batch', 'httproutes.gateway.networking.k8s.io'];

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

/**
 * The tenant whose namespace is drilled, from the registry, after the caller's permission on it:
 * the namespace must be the tenant's namespace and the cluster one of the tenant's clusters.
 */
async function drilledTenant(ctx: RestoreDrillContext, request: DrillRequest, credentials: BackstageCredentials): Promise<TenantBackupTarget> {
  const { cluster, namespace } = request;
  const records = (await ctx.registry.listTenants()).filter(r => tenantNamespace(r.spec) === namespace);
  const record = records.find(r => r.spec.clusters.includes(cluster)) ?? records[0];
  if (!record) {
    throw fieldError('namespace', `${namespace} is not the namespace of a Kubeyard tenant; drills run on tenant namespaces, by those who may update the tenant`);
  }
  const target = await tenantBackupTarget(ctx, credentials, record.name, tenantUpdatePermission, 'run a restore drill of');
  if (target.namespace !== namespace) throw fieldError('namespace', `${namespace} is not tenant ${target.tenant}'s namespace (${target.namespace})`);
  if (!target.clusters.includes(cluster)) {
    throw fieldError('cluster', `tenant ${target.tenant} is not placed on cluster ${cluster} (its clusters: ${target.clusters.join(', ')})`);
  }
  return target;
}

/** The live tenant namespace to drill: it exists, is labelled as the tenant's, and is no drill copy itself. */
async function sourceNamespace(client: TenantClusterClient, target: TenantBackupTarget, cluster: string): Promise<KubeObject> {
  const live = await client.get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: target.namespace } });
  if (!live) throw new NotFoundError(`namespace ${target.namespace} of tenant ${target.tenant} does not exist on cluster ${cluster}`);
  if (isDrillNamespace(live)) throw fieldError('namespace', `${target.namespace} is itself a restore drill's copy; drill the original namespace`);
  if (live.metadata?.labels?.[KUBEYARD_LABELS.tenant] !== target.tenant) {
    throw fieldError('namespace', `namespace ${target.namespace} on ${cluster} is not labelled ${KUBEYARD_LABELS.tenant}=${target.tenant}; apply the tenant there first`);
  }
  return live;
}

/** Checks, picks the backup, creates `<ns>-restored` (the lock), then the Restore, and hands it to the driver. */
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
  const target = await drilledTenant(ctx, request, credentials);
  const source = await sourceNamespace(client, target, cluster);

  const veleroNamespace = veleroNamespaceOf(ctx.fleet, cluster);
  let drills: VeleroRestore[];
  try {
    drills = (await client.list('velero.io/v1', 'Restore', {
      namespace: veleroNamespace,
      labelSelector: `${RESTORE_DRILL_LABEL}=true,${KUBEYARD_LABELS.managedBy}=${KUBEYARD_MANAGER},${RESTORE_DRILL_NAMESPACE_LABEL}=${namespace}`,
    })) as unknown as VeleroRestore[];
  } catch (error) {
    if (httpStatusOf(error) === 404) throw fieldError('cluster', `Velero is not installed on ${cluster} (velero.io/v1 is not served)`);
    throw error;
  }
  const running = drills.find(d => !isFinalRestorePhase(d.status?.phase));
  if (running) throw new ConflictError(`a restore drill of ${namespace} on ${cluster} is already running: ${running.metadata.name}`);

  const backup = await chooseBackup(client, veleroNamespace, request, cluster);
  const restoreName = drillRestoreName(namespace, ctx.now());
  const restoredNamespace = `${namespace}-restored`;
  await createDrillNamespace(client, source, restoreName);
  const restore: KubeObject = {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name: restoreName,
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
      excludedResources: DRILL_EXCLUDED_RESOURCES,
      namespaceMapping: { [namespace]: restoredNamespace },
      restorePVs: true,
    },
  };
  let created: VeleroRestore;
  try {
    created = (await client.create(restore)) as unknown as VeleroRestore;
  } catch (error) {
    // No Restore, no drill: give the lock back (only if the Restore surely was not created).
    if (!isUncertain(error)) {
      const cleanup = await removeDrillNamespace(client, namespace, restoreName);
      if (cleanup !== 'deleted') ctx.driver.logger.warn(`restore drill ${cluster}/${restoreName}: ${restoredNamespace} ${cleanup}`);
    } else {
      ctx.driver.logger.warn(`restore drill ${cluster}/${restoreName}: the Restore may or may not exist (${describeKubeError(error)}); ${restoredNamespace} is left in place`);
    }
    throw error;
  }
  ctx.driver.ensure(cluster, created);
  return restoreDrillOperation(cluster, created);
}
