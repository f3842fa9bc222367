/*
 * A tenant as the pages show it: the registry's record joined with what the fleet index sees
 * on each of its clusters (namespace phase, quota hard and used), and the findings that
 * follow: quota above 80 % (warning) or 90 % (critical) per key, the namespace missing from a
 * cluster, a cluster the last operation left partial. Computed from the index: reading a
 * tenant never waits on a cluster.
 */
import {
  tenantNamespace,
  tryParseQuantity,
  type Finding,
  type NamespaceInfo,
  type TenantClusterStatus,
  type TenantDetail,
  type TenantOperation,
  type TenantSummary,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot, FleetIndex, ResourceQuotaInfo } from '../fleet';
import type { TenantClusterRecord, TenantRecord } from './TenantRegistry';

/** Quota ratios at or above these raise findings (SEED-DIGEST §1 monitoring: 80 % and 90 %). */
export const QUOTA_WARNING_RATIO = 0.8;
export const QUOTA_CRITICAL_RATIO = 0.9;

/** The name of a tenant's ResourceQuota (renderTenant names it so). */
export function tenantQuotaName(tenant: string): string {
  return `${tenant}-quota`;
}

function clusterStatus(record: TenantRecord, cluster: string, snapshot: ClusterSnapshot | undefined, registry?: TenantClusterRecord): TenantClusterStatus {
  const namespace = tenantNamespace(record.spec);
  const status: TenantClusterStatus = { cluster, namespace, phase: 'Unknown' };
  if (registry) {
    status.registryState = registry.state;
    if (registry.error) status.registryError = registry.error;
  }
  if (!snapshot) return status;
  const synced = snapshot.sync.state === 'synced' || snapshot.sync.state === 'stale';
  const ns = snapshot.list<NamespaceInfo>('namespaces').find(n => n.name === namespace);
  if (ns) status.phase = ns.phase;
  else if (synced) status.phase = record.status === 'Pending' ? 'Pending' : 'Missing';
  const quota = snapshot.list<ResourceQuotaInfo>('resourcequotas').find(q => q.namespace === namespace && q.name === tenantQuotaName(record.name));
  if (quota) status.quota = { hard: quota.hard, used: quota.used };
  return status;
}

function ratio(used: string | undefined, hard: string | undefined): number | undefined {
  const u = used === undefined ? undefined : tryParseQuantity(used);
  const h = hard === undefined ? undefined : tryParseQuantity(hard);
  if (u === undefined || h === undefined || h <= 0) return undefined;
  return u / h;
}

function quotaPressure(statuses: TenantClusterStatus[]): number | undefined {
  let highest: number | undefined;
  for (const status of statuses) {
    for (const [key, hard] of Object.entries(status.quota?.hard ?? {})) {
      const r = ratio(status.quota?.used[key], hard);
      if (r !== undefined) highest = Math.max(highest ?? 0, r);
    }
  }
  return highest;
}

function findingsOf(record: TenantRecord, statuses: TenantClusterStatus[]): Finding[] {
  const findings: Finding[] = [];
  for (const status of statuses) {
    const object = { kind: 'Namespace', name: status.namespace, cluster: status.cluster };
    if (status.phase === 'Missing' && record.status !== 'Terminating') {
      findings.push({
        id: 'tenant.cluster.missing',
        severity: 'critical',
        object,
        message: `namespace ${status.namespace} of tenant ${record.name} is missing on cluster ${status.cluster}`,
        fix: 'apply the tenant again (POST /tenants?mode=apply with its spec) to recreate it',
      });
    }
    if (status.registryState === 'partial') {
      findings.push({
        id: 'tenant.cluster.partial',
        severity: 'critical',
        object,
        message: `the last operation left tenant ${record.name} partly applied on ${status.cluster}${status.registryError ? `: ${status.registryError}` : ''}`,
        fix: 'apply the tenant again to complete it, or decommission it',
      });
    }
    for (const [key, hard] of Object.entries(status.quota?.hard ?? {})) {
      const used = status.quota?.used[key];
      const r = ratio(used, hard);
      if (r === undefined || r < QUOTA_WARNING_RATIO) continue;
      const percent = Math.round(r * 100);
      findings.push({
        id: 'tenant.quota.pressure',
        severity: r >= QUOTA_CRITICAL_RATIO ? 'critical' : 'warning',
        object: { kind: 'ResourceQuota', name: tenantQuotaName(record.name), namespace: status.namespace, cluster: status.cluster },
        message: `${key} is at ${percent} % of its quota (${used} of ${hard}) on ${status.cluster}`,
        fix: `keep 20–30 % headroom: raise ${key} through the tier or a quota override (PATCH /tenants/${record.name}), or reduce usage`,
      });
    }
  }
  return findings;
}

/** Per-cluster status of a tenant from the index and the registry. */
export function tenantClusterStatuses(record: TenantRecord, fleet: Pick<FleetIndex, 'cluster'>, clusterRecords: TenantClusterRecord[]): TenantClusterStatus[] {
  const clusters = [...new Set([...record.spec.clusters, ...clusterRecords.filter(r => r.state !== 'absent').map(r => r.cluster)])];
  return clusters.map(cluster => clusterStatus(record, cluster, fleet.cluster(cluster), clusterRecords.find(r => r.cluster === cluster)));
}

/** The list entry of a tenant. */
export function tenantSummary(record: TenantRecord, statuses: TenantClusterStatus[]): TenantSummary {
  const pressure = quotaPressure(statuses);
  return {
    name: record.name,
    displayName: record.spec.displayName,
    owner: record.owner,
    environment: record.spec.environment,
    tier: record.spec.tier.preset,
    isolation: record.spec.isolation,
    clusters: record.spec.clusters,
    status: record.status,
    ...(pressure !== undefined ? { quotaPressure: pressure } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The detail page of a tenant. */
export function tenantDetail(record: TenantRecord, statuses: TenantClusterStatus[], history: TenantOperation[]): TenantDetail {
  return {
    ...tenantSummary(record, statuses),
    spec: record.spec,
    clusterStatus: statuses,
    findings: findingsOf(record, statuses),
    history,
  };
}
