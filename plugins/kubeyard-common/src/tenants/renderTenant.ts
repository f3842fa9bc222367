/*
 * TenantSpec → the manifests of one cluster, in the order they must be applied: the
 * Namespace first, its quota and limits before anything that creates pods, NetworkPolicies
 * before workloads can talk, identities and roles before bindings, workloads last.
 */
import { InputError } from '@backstage/errors';
import { resolveClusterFacts, TenantClusterFacts } from './clusterFacts';
import { KUBEYARD_MANAGER, tenantLabels } from './conventions';
import { KubeManifest, sortedRecord } from './manifests';
import { renderNetworkPolicies } from './renderNetworkPolicies';
import { renderRbac } from './renderRbac';
import { renderVcluster } from './renderVcluster';
import { tenantNamespace, TenantSpec } from './tenantSpec';
import { tenantLimitRange, tenantQuotaHard } from './tenantQuota';

/** Kinds in the order rendering emits them. */
export const TENANT_KIND_ORDER = [
  'Namespace',
  'ResourceQuota',
  'LimitRange',
  'NetworkPolicy',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'Service',
  'StatefulSet',
] as const;

/** Annotation listing the registry prefixes admission policies should allow (comma-separated). */
export const ALLOWED_REGISTRIES_ANNOTATION = 'kubeyard.io/allowed-registries';

/** Label carrying the tenant's backup tier, so backup coverage can select namespaces by tier. */
export const BACKUP_TIER_LABEL = 'kubeyard.io/backup-tier';

function renderNamespace(spec: TenantSpec, namespace: string, labels: Record<string, string>): KubeManifest {
  const namespaceLabels: Record<string, string> = {
    ...labels,
    [BACKUP_TIER_LABEL]: String(spec.backupTier),
    // Enforce what the tenant chose; audit and warn at restricted so workloads learn what
    // they would need to change before a stricter level is enforced.
    'pod-security.kubernetes.io/enforce': spec.podSecurity,
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
  };
  // kubernetes.io/metadata.name is left out on purpose: the API server sets it, and policies
  // can trust it only because nobody else does.
  if (spec.isolation === 'vcluster') {
    namespaceLabels.vcluster = spec.name;
    namespaceLabels.type = 'virtual-cluster';
  }
  const annotations: Record<string, string> = {
    contact: spec.contact,
    'created-by': KUBEYARD_MANAGER,
    description: spec.description ?? spec.displayName,
  };
  if (spec.allowedRegistries.length > 0) annotations[ALLOWED_REGISTRIES_ANNOTATION] = spec.allowedRegistries.join(',');
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace, labels: sortedRecord(namespaceLabels), annotations: sortedRecord(annotations) },
  };
}

/**
 * Renders a validated tenant spec for one cluster. `clusterFacts` adapts it to the cluster
 * (DNS pods, CIDRs, user naming); without them, stock-cluster defaults apply.
 */
export function renderTenant(spec: TenantSpec, clusterFacts?: TenantClusterFacts): KubeManifest[] {
  if (clusterFacts && !spec.clusters.includes(clusterFacts.clusterName)) {
    throw new InputError(
      `tenant ${spec.name} is not placed on cluster "${clusterFacts.clusterName}" (its clusters: ${spec.clusters.join(', ')})`,
    );
  }
  const facts = resolveClusterFacts(clusterFacts);
  const namespace = tenantNamespace(spec);
  const labels = sortedRecord(tenantLabels(spec));
  const manifests: KubeManifest[] = [
    renderNamespace(spec, namespace, labels),
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: `${spec.name}-quota`, namespace, labels: { ...labels } },
      // Unscoped on purpose: a scoped quota (the seed's PriorityClass scope) cannot hold object
      // counts or storage, and pods outside the scope would not be limited at all.
      spec: { hard: sortedRecord(tenantQuotaHard(spec)) },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: `${spec.name}-limits`, namespace, labels: { ...labels } },
      spec: { limits: tenantLimitRange(spec) },
    },
    ...renderNetworkPolicies(spec, namespace, labels, facts),
    ...renderRbac(spec, namespace, labels, facts),
    ...(spec.isolation === 'vcluster' ? renderVcluster(spec, namespace, labels) : []),
  ];
  const rank = (kind: string) => TENANT_KIND_ORDER.indexOf(kind as (typeof TENANT_KIND_ORDER)[number]);
  // Array.prototype.sort is stable, so objects of one kind keep the order they were rendered in.
  return manifests.sort((a, b) => rank(a.kind) - rank(b.kind));
}
