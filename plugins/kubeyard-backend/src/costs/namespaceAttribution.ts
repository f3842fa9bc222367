/*
 * Who a namespace belongs to when it is sampled: namespace → tenant → owner Group → cost
 * center. The tenant is the namespace's `kubeyard.io/tenant` label; the owner is the tenant's
 * owner in the registry (Kubeyard's record), else the namespace's `kubeyard.io/owner` label;
 * the cost center is the owner Group's `kubeyard.io/cost-center` annotation, else the tenant
 * spec's, else the namespace label. A namespace with no owner is unallocated.
 */
import {
  decodeEntityRefLabel,
  KUBEYARD_LABELS,
  type NamespaceAttribution,
  type NamespaceInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { CostGroup } from './costCatalog';

/** What attribution reads of a tenant. */
export interface AttributionTenant {
  name: string;
  owner: string;
  costCenter?: string;
}

/** The owner a namespace's labels name (decoded, lower case), or undefined. */
export function labelledOwner(namespace: NamespaceInfo): string | undefined {
  const value = namespace.labels[KUBEYARD_LABELS.owner];
  return value ? decodeEntityRefLabel(value)?.toLowerCase() : undefined;
}

/** Attributes each namespace of a cluster. */
export function attributeNamespaces(
  namespaces: NamespaceInfo[],
  tenants: ReadonlyMap<string, AttributionTenant>,
  groups: ReadonlyMap<string, CostGroup>,
): Map<string, NamespaceAttribution> {
  const result = new Map<string, NamespaceAttribution>();
  for (const namespace of namespaces) {
    const tenantName = namespace.labels[KUBEYARD_LABELS.tenant] || undefined;
    const tenant = tenantName ? tenants.get(tenantName) : undefined;
    const owner = tenant?.owner.toLowerCase() ?? labelledOwner(namespace);
    const costCenter =
      (owner ? groups.get(owner)?.costCenter : undefined) ?? tenant?.costCenter ?? (namespace.labels[KUBEYARD_LABELS.costCenter] || undefined);
    result.set(namespace.name, {
      ...(tenantName ? { tenant: tenantName } : {}),
      ...(owner ? { owner } : {}),
      ...(costCenter ? { costCenter } : {}),
    });
  }
  return result;
}
