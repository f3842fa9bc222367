/*
 * Checks of a valid tenant spec against the world the backend knows: configured clusters, the
 * catalog, and what the clusters can still hold. The same field-error shape as parseTenantSpec,
 * so the API answers both with one 400.
 */
import { formatBytes, parseQuantity } from '../quantity';
import { parseMemberRef } from './catalogRefs';
import type { TenantFieldError } from './schemaHelpers';
import type { TenantSpec } from './tenantSpec';
import { tenantQuotaHard } from './tenantQuota';

/** What the backend knows when it validates a tenant request. */
export interface TenantValidationContext {
  /** Names of the clusters Kubeyard is configured with. */
  knownClusters: string[];
  /** Catalog Group refs (`group:default/team-a`). */
  knownGroups: string[];
  /** Catalog User refs (`user:default/alice`). */
  knownUsers: string[];
  /**
   * Allocatable capacity per cluster not yet promised to other tenants' quotas (the backend
   * leaves out this tenant's own current quota when it updates one).
   */
  allocatableHeadroom?: Record<string, { cpuCores: number; memoryBytes: number }>;
}

function listed(values: string[]): string {
  if (values.length === 0) return 'none are configured';
  const shown = values.slice(0, 10).join(', ');
  return values.length > 10 ? `${shown} and ${values.length - 10} more` : shown;
}

/** Context checks: unknown clusters, owner and members missing from the catalog, quota above a cluster's headroom. */
export function validateTenantSpecAgainst(spec: TenantSpec, context: TenantValidationContext): TenantFieldError[] {
  const errors: TenantFieldError[] = [];
  // Catalog refs compare case-insensitively, as the catalog itself does.
  const groups = new Set(context.knownGroups.map(g => g.toLowerCase()));
  const users = new Set(context.knownUsers.map(u => u.toLowerCase()));
  const clusters = new Set(context.knownClusters);

  spec.clusters.forEach((cluster, index) => {
    if (!clusters.has(cluster)) {
      errors.push({ field: `clusters.${index}`, message: `unknown cluster "${cluster}"; known clusters: ${listed(context.knownClusters)}` });
    }
  });
  if (!groups.has(spec.owner.toLowerCase())) {
    errors.push({ field: 'owner', message: `group "${spec.owner}" is not in the catalog` });
  }
  for (const role of ['admins', 'developers', 'viewers'] as const) {
    spec[role].forEach((ref, index) => {
      const kind = parseMemberRef(ref)?.kind;
      const known = kind === 'user' ? users : groups;
      if (!known.has(ref.toLowerCase())) {
        errors.push({ field: `${role}.${index}`, message: `${kind ?? 'entity'} "${ref}" is not in the catalog` });
      }
    });
  }

  const hard = tenantQuotaHard(spec);
  const cpu = parseQuantity(hard['requests.cpu']);
  const memory = parseQuantity(hard['requests.memory']);
  spec.clusters.forEach((cluster, index) => {
    const headroom = context.allocatableHeadroom?.[cluster];
    if (!headroom) return;
    const problems: string[] = [];
    if (cpu > headroom.cpuCores) {
      problems.push(`requests.cpu ${hard['requests.cpu']} is above the ${Number(headroom.cpuCores.toFixed(3))} cores of headroom`);
    }
    if (memory > headroom.memoryBytes) {
      problems.push(
        `requests.memory ${hard['requests.memory']} is above the ${formatBytes(Math.floor(headroom.memoryBytes))} of memory headroom`,
      );
    }
    if (problems.length > 0) {
      errors.push({
        field: `clusters.${index}`,
        message: `cluster "${cluster}" cannot hold this tenant: ${problems.join('; ')}; choose a smaller tier or another cluster`,
      });
    }
  });
  return errors;
}
