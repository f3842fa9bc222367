/*
 * Who a namespace belongs to when it is sampled: namespace → tenant → owner Group → cost
 * center. The tenant is the namespace's `kubeyard.io/tenant` label; the owner is the tenant's
 * owner in the registry (Kubeyard's record), else the namespace's `kubeyard.io/owner` label;
 * the cost center is the owner Group's `kubeyard.io/cost-center` annotation, else the tenant
 * spec's, else the namespace label. A namespace with no owner is unallocated.
 *
 * Attribution is part of the cost tables' key (tenant and cost center varchar(63), owner
 * varchar(255)): a value that does not fit is left out and reported, so one bad value cannot
 * make the database refuse a whole sample.
 */
import {
  KUBEYARD_LABELS,
  labelValueProblem,
  type NamespaceAttribution,
  type NamespaceInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { labelledOwner } from '../ownership/ownershipFindings';
import type { CostGroup } from './costCatalog';

/** What attribution reads of a tenant. */
export interface AttributionTenant {
  name: string;
  owner: string;
  costCenter?: string;
}

/** The longest owner ref the cost tables hold. */
const MAX_OWNER_LENGTH = 255;

const ownerProblem = (ref: string) => (ref.length > MAX_OWNER_LENGTH ? `"${ref.slice(0, 40)}…" is ${ref.length} characters; owners are kept up to ${MAX_OWNER_LENGTH}` : undefined);

/** Attributes each namespace of a cluster; `onProblem` hears of values left out. */
export function attributeNamespaces(
  namespaces: NamespaceInfo[],
  tenants: ReadonlyMap<string, AttributionTenant>,
  groups: ReadonlyMap<string, CostGroup>,
  onProblem?: (message: string) => void,
): Map<string, NamespaceAttribution> {
  const result = new Map<string, NamespaceAttribution>();
  for (const namespace of namespaces) {
    const checked = (field: keyof NamespaceAttribution, value: string | undefined, problemOf: (value: string) => string | undefined) => {
      const problem = value === undefined ? undefined : problemOf(value);
      if (problem) onProblem?.(`namespace ${namespace.name}: ${field} left out: ${problem}`);
      return value === undefined || problem ? {} : { [field]: value };
    };
    const tenantName = namespace.labels[KUBEYARD_LABELS.tenant] || undefined;
    const tenant = tenantName ? tenants.get(tenantName) : undefined;
    const owner = tenant?.owner.toLowerCase() ?? labelledOwner(namespace);
    const costCenter =
      (owner ? groups.get(owner)?.costCenter : undefined) ?? tenant?.costCenter ?? (namespace.labels[KUBEYARD_LABELS.costCenter] || undefined);
    result.set(namespace.name, {
      ...checked('tenant', tenantName, labelValueProblem),
      ...checked('owner', owner, ownerProblem),
      ...checked('costCenter', costCenter, labelValueProblem),
    });
  }
  return result;
}
