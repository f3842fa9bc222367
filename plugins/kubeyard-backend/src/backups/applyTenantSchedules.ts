/*
 * POST /backups/tenants/:tenant/schedule: the tenant's Velero Schedules (schedulesForTenant:
 * daily, weekly full, and what its tier's RPO needs) on each of its clusters, by server-side
 * apply as field manager `kubeyard`, so a second run changes nothing. Each Schedule is reported
 * as created, updated (with the changed fields), unchanged, or deleted (a Kubeyard Schedule of
 * the tenant its tier no longer asks for). A dry run asks the API server (dryRun=All) and
 * writes nothing.
 */
import {
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  schedulesForTenant,
  type ClusterScheduleResult,
  type ScheduleChange,
  type TenantSchedulePlan,
  type TenantScheduleResult,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex, KubeObject } from '../fleet';
import { describeKubeError, diffObjects, httpStatusOf, type TenantClusterClient, type TenantClusterClients } from '../tenants';
import type { TenantBackupTarget } from './tenantBackupTarget';
import { veleroNamespaceOf } from './veleroNamespace';

/** What applying Schedules needs. */
export interface ScheduleContext {
  clients: Pick<TenantClusterClients, 'for'>;
  fleet: Pick<FleetIndex, 'cluster'>;
}

function plansFor(target: TenantBackupTarget, veleroNamespace?: string): TenantSchedulePlan[] {
  return schedulesForTenant({ tenant: target.tenant, namespace: target.namespace, backupTier: target.tier, veleroNamespace });
}

function overall(changes: ScheduleChange[]): ClusterScheduleResult['result'] {
  if (changes.some(c => c.error)) return 'error';
  if (changes.every(c => c.action === 'unchanged')) return 'unchanged';
  return changes.every(c => c.action === 'create') ? 'created' : 'updated';
}

async function applyOne(client: TenantClusterClient, plan: TenantSchedulePlan, before: KubeObject | undefined, dryRun: boolean): Promise<ScheduleChange> {
  const { metadata, spec } = plan.schedule;
  const change: ScheduleChange = {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    preset: plan.preset,
    cron: spec.schedule,
    ttl: spec.template.ttl,
    action: before ? 'update' : 'create',
  };
  try {
    const after = await client.apply(plan.schedule as unknown as KubeObject, { dryRun });
    if (before) {
      const diff = diffObjects(before, after);
      if (diff.length === 0) change.action = 'unchanged';
      else change.diff = diff;
    }
  } catch (error) {
    change.error = describeKubeError(error);
  }
  return change;
}

async function removeOne(client: TenantClusterClient, stale: KubeObject, dryRun: boolean): Promise<ScheduleChange> {
  const change: ScheduleChange = { namespace: stale.metadata?.namespace ?? '', name: stale.metadata?.name ?? '', action: 'delete' };
  if (dryRun) return change;
  try {
    await client.delete(stale);
  } catch (error) {
    change.error = describeKubeError(error);
  }
  return change;
}

async function scheduleCluster(ctx: ScheduleContext, target: TenantBackupTarget, cluster: string, dryRun: boolean): Promise<ClusterScheduleResult> {
  const result: ClusterScheduleResult = { cluster, namespaces: [target.namespace], result: 'error', schedules: [] };
  const client = ctx.clients.for(cluster);
  if (!client) return { ...result, error: `cluster ${cluster} is not configured in Kubeyard` };
  const veleroNamespace = veleroNamespaceOf(ctx.fleet, cluster);
  let live: KubeObject[];
  try {
    live = await client.list('velero.io/v1', 'Schedule', {
      namespace: veleroNamespace,
      labelSelector: `${KUBEYARD_LABELS.managedBy}=${KUBEYARD_MANAGER},${KUBEYARD_LABELS.tenant}=${target.tenant}`,
    });
  } catch (error) {
    const reason = httpStatusOf(error) === 404 ? 'Velero is not installed (the cluster does not serve velero.io/v1 Schedules)' : describeKubeError(error);
    return { ...result, error: reason };
  }
  const plans = plansFor(target, veleroNamespace);
  const wanted = new Set(plans.map(p => p.schedule.metadata.name));
  const changes = await Promise.all([
    ...plans.map(plan => applyOne(client, plan, live.find(s => s.metadata?.name === plan.schedule.metadata.name), dryRun)),
    ...live.filter(s => !wanted.has(s.metadata?.name ?? '')).map(stale => removeOne(client, stale, dryRun)),
  ]);
  const failed = changes.filter(c => c.error);
  return {
    ...result,
    result: overall(changes),
    schedules: changes,
    ...(failed.length > 0 ? { error: failed.map(c => `Schedule ${c.name}: ${c.error}`).join('; ') } : {}),
  };
}

/** Applies (or dry-runs) the tenant's Schedules on every one of its clusters, in parallel. */
export async function applyTenantSchedules(ctx: ScheduleContext, target: TenantBackupTarget, dryRun: boolean): Promise<TenantScheduleResult> {
  // Names and namespaces are checked before any cluster is asked (InputError: 400).
  const plans = plansFor(target);
  const clusters = await Promise.all(target.clusters.map(cluster => scheduleCluster(ctx, target, cluster, dryRun)));
  return { tenant: target.tenant, tier: target.tier, dryRun, clusters, findings: plans.flatMap(p => p.findings) };
}
