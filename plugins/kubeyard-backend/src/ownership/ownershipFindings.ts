/*
 * Ownership findings across the fleet, from the index, the tenant registry and the catalog:
 * - `ownership.namespace.no-owner`: a namespace without a `kubeyard.io/owner` label. System
 *   namespaces are skipped: `default`, `kube-*`, `kubeyard-*`, `openshift-*` (the names tenants
 *   may not take). An unowned namespace running pods is a warning (workloads nobody answers
 *   for); an empty one is info (clutter, nothing at risk).
 * - `ownership.owner.not-a-group`: the owner label does not name a catalog Group.
 * - `ownership.owner.drift`: the owner label differs from the tenant's owner in the registry,
 *   or from the owner of the tenant's catalog entity.
 * - `ownership.tenant.missing-on-cluster`: a tenant's namespace is absent from a cluster its
 *   spec lists (only for clusters the index has synced: an unknown cluster proves nothing).
 */
import {
  decodeEntityRefLabel,
  KUBEYARD_LABELS,
  tenantNamespace,
  type Finding,
  type NamespaceInfo,
  type PodInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import type { TenantRecord } from '../tenants/TenantRegistry';

const SYSTEM = [/^default$/, /^kube-/, /^kubeyard-/, /^openshift-/];

/** Whether a namespace belongs to the platform rather than a team. */
export function isSystemNamespace(name: string): boolean {
  return SYSTEM.some(pattern => pattern.test(name));
}

/** What the findings are computed from. */
export interface OwnershipSources {
  snapshots: ClusterSnapshot[];
  tenants: TenantRecord[];
  /** Catalog Group refs, lower case. */
  catalogGroups: Set<string>;
  /** The owner of each tenant's catalog entity, by tenant name. */
  catalogTenantOwners: Map<string, string>;
}

/** The owner a namespace's `kubeyard.io/owner` label names (decoded, lower case), or undefined. */
export function labelledOwner(namespace: NamespaceInfo): string | undefined {
  const value = namespace.labels[KUBEYARD_LABELS.owner];
  return value ? decodeEntityRefLabel(value)?.toLowerCase() : undefined;
}

/** The owner refs the namespaces' labels name (to look up in the catalog). */
export function labelledOwners(snapshots: ClusterSnapshot[]): string[] {
  const refs = new Set<string>();
  for (const snapshot of snapshots) {
    for (const ns of snapshot.list<NamespaceInfo>('namespaces')) {
      const ref = labelledOwner(ns);
      if (ref) refs.add(ref);
    }
  }
  return [...refs];
}

function known(snapshot: ClusterSnapshot): boolean {
  return snapshot.sync.state === 'synced' || snapshot.sync.state === 'stale';
}

/** Every ownership finding of the fleet. */
export function ownershipFindings(sources: OwnershipSources): Finding[] {
  const findings: Finding[] = [];
  const tenants = new Map(sources.tenants.map(t => [t.name, t]));
  for (const snapshot of sources.snapshots) {
    if (!known(snapshot)) continue;
    const pods = snapshot.list<PodInfo>('pods');
    for (const ns of snapshot.list<NamespaceInfo>('namespaces')) {
      if (isSystemNamespace(ns.name)) continue;
      const object = { kind: 'Namespace', name: ns.name, cluster: snapshot.name };
      const label = ns.labels[KUBEYARD_LABELS.owner];
      const tenantName = ns.labels[KUBEYARD_LABELS.tenant];
      if (!label) {
        const running = pods.filter(p => p.namespace === ns.name && p.phase !== 'Succeeded' && p.phase !== 'Failed').length;
        findings.push({
          id: 'ownership.namespace.no-owner',
          severity: running > 0 ? 'warning' : 'info',
          object,
          message: `namespace ${ns.name} on ${snapshot.name} has no ${KUBEYARD_LABELS.owner} label${running > 0 ? ` and runs ${running} pod(s)` : ' (it runs no pods)'}`,
          fix: `label it with its owning catalog Group (kubectl label namespace ${ns.name} ${KUBEYARD_LABELS.owner}=group.default.<team>), or make it a Kubeyard tenant`,
        });
        continue;
      }
      const ref = decodeEntityRefLabel(label);
      if (!ref || !ref.toLowerCase().startsWith('group:') || !sources.catalogGroups.has(ref.toLowerCase())) {
        findings.push({
          id: 'ownership.owner.not-a-group',
          severity: 'warning',
          object,
          message: `namespace ${ns.name} on ${snapshot.name} is labelled owner "${label}"${ref ? ` (${ref})` : ''}, which is not a Group in the catalog`,
          fix: 'set the owner label to an existing catalog Group (group.<namespace>.<name>), or add the Group to the catalog',
        });
      }
      const tenant = tenantName ? tenants.get(tenantName) : undefined;
      if (tenant && ref && ref.toLowerCase() !== tenant.owner.toLowerCase()) {
        findings.push({
          id: 'ownership.owner.drift',
          severity: 'warning',
          object,
          message: `namespace ${ns.name} on ${snapshot.name} is labelled owner ${ref}, but tenant ${tenant.name} is owned by ${tenant.owner} in Kubeyard`,
          fix: `apply tenant ${tenant.name} again to restore its labels, or change its owner with PATCH /tenants/${tenant.name}`,
        });
      }
      const catalogOwner = tenantName ? sources.catalogTenantOwners.get(tenantName) : undefined;
      if (catalogOwner && ref && ref.toLowerCase() !== catalogOwner.toLowerCase()) {
        findings.push({
          id: 'ownership.owner.drift',
          severity: 'warning',
          object,
          message: `namespace ${ns.name} on ${snapshot.name} is labelled owner ${ref}, but the catalog entity of tenant ${tenantName} names ${catalogOwner}`,
          fix: 'refresh the tenant entity in the catalog, or correct the label by applying the tenant again',
        });
      }
    }
  }
  const byName = new Map(sources.snapshots.map(s => [s.name, s]));
  for (const tenant of sources.tenants) {
    if (tenant.status === 'Pending' || tenant.status === 'Terminating') continue;
    const namespace = tenantNamespace(tenant.spec);
    for (const cluster of tenant.spec.clusters) {
      const snapshot = byName.get(cluster);
      if (!snapshot || !known(snapshot)) continue;
      if (snapshot.list<NamespaceInfo>('namespaces').some(ns => ns.name === namespace)) continue;
      findings.push({
        id: 'ownership.tenant.missing-on-cluster',
        severity: 'critical',
        object: { kind: 'Namespace', name: namespace, cluster },
        message: `tenant ${tenant.name} (owner ${tenant.owner}) should be on ${cluster}, but namespace ${namespace} is not there`,
        fix: `apply tenant ${tenant.name} again to recreate it, or remove ${cluster} from its clusters`,
      });
    }
  }
  return findings;
}
