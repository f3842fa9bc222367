/*
 * The ResourceQuota and LimitRange a tenant gets: its tier with overrides, or the fixed
 * isolation values when the namespace hosts a virtual cluster.
 */
import type { TenantSpec } from './tenantSpec';
import { effectiveQuota, LimitRangeItem, tierLimitRange } from './tiers';
import { VCLUSTER_LIMIT_RANGE, VCLUSTER_QUOTA } from './vclusterPresets';

/** ResourceQuota `spec.hard` of a tenant, keys sorted, values canonical. */
export function tenantQuotaHard(spec: Pick<TenantSpec, 'isolation' | 'tier'>): Record<string, string> {
  if (spec.isolation === 'vcluster') return { ...VCLUSTER_QUOTA };
  return effectiveQuota(spec.tier.preset, spec.tier.quotaOverrides);
}

/** LimitRange `spec.limits` of a tenant, fitted to its quota. */
export function tenantLimitRange(spec: Pick<TenantSpec, 'isolation' | 'tier'>): LimitRangeItem[] {
  if (spec.isolation === 'vcluster') return VCLUSTER_LIMIT_RANGE.map(item => structuredCloneItem(item));
  return tierLimitRange(spec.tier.preset, effectiveQuota(spec.tier.preset, spec.tier.quotaOverrides));
}

// Callers may mutate rendered manifests; the shared preset must not change under them.
function structuredCloneItem(item: LimitRangeItem): LimitRangeItem {
  return JSON.parse(JSON.stringify(item));
}
