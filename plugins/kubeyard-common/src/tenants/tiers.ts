/*
 * Size presets of a namespace tenant: ResourceQuota `spec.hard` and LimitRange.
 *
 * `l` is the seed bundle exactly (SEED-DIGEST §1); the smaller tiers divide it by 2 (m), 5 (s)
 * and 20 (xs), counts rounded up to whole objects, storage to round sizes:
 *
 * | spec.hard              | xs    | s     | m      | l      | ceiling (2 × l) |
 * |------------------------|-------|-------|--------|--------|-----------------|
 * | requests.cpu           | 5     | 20    | 50     | 100    | 200             |
 * | requests.memory        | 10Gi  | 40Gi  | 100Gi  | 200Gi  | 400Gi           |
 * | limits.cpu             | 10    | 40    | 100    | 200    | 400             |
 * | limits.memory          | 20Gi  | 80Gi  | 200Gi  | 400Gi  | 800Gi           |
 * | requests.storage       | 50Gi  | 200Gi | 512Gi  | 1Ti    | 2Ti             |
 * | persistentvolumeclaims | 3     | 10    | 25     | 50     | 100             |
 * | pods                   | 25    | 100   | 250    | 500    | 1000            |
 * | services               | 5     | 20    | 50     | 100    | 200             |
 * | services.loadbalancers | 1     | 2     | 5      | 10     | 20              |
 * | services.nodeports     | 1     | 4     | 10     | 20     | 40              |
 * | configmaps             | 10    | 40    | 100    | 200    | 400             |
 * | secrets                | 10    | 40    | 100    | 200    | 400             |
 * | replicationcontrollers | 3     | 10    | 25     | 50     | (not overridable) |
 *
 * | LimitRange                  | xs        | s         | m, l       |
 * |-----------------------------|-----------|-----------|------------|
 * | Pod max cpu / memory        | 4 / 8Gi   | 8 / 16Gi  | 16 / 32Gi  |
 * | Container max cpu / memory  | 2 / 4Gi   | 4 / 8Gi   | 8 / 16Gi   |
 * | PVC max storage             | 20Gi      | 50Gi      | 100Gi      |
 *
 * All tiers: Pod and Container min 100m / 128Mi, Container default 1 / 1Gi, defaultRequest
 * 500m / 512Mi, maxLimitRequestRatio cpu 4 memory 4, PVC min 1Gi. m keeps l's LimitRange
 * because its quota already holds many l-sized pods; below it a single pod must stay a small
 * share of the quota.
 */
import { formatBytes, formatCpu, formatDecimalSI, parseQuantity } from '../quantity';

/** The tier presets, smallest first. */
export const TIER_NAMES = ['xs', 's', 'm', 'l'] as const;

/** A tier preset name. */
export type TierName = (typeof TIER_NAMES)[number];

/** The ResourceQuota keys of a tier, in the order Kubernetes prints them (sorted). */
export const QUOTA_KEYS = [
  'configmaps',
  'limits.cpu',
  'limits.memory',
  'persistentvolumeclaims',
  'pods',
  'replicationcontrollers',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'secrets',
  'services',
  'services.loadbalancers',
  'services.nodeports',
] as const;

/** A ResourceQuota key of a tier. */
export type QuotaKey = (typeof QUOTA_KEYS)[number];

/** The keys a tenant may override; replicationcontrollers is legacy and stays at the preset. */
export const OVERRIDABLE_QUOTA_KEYS = QUOTA_KEYS.filter(k => k !== 'replicationcontrollers') as Array<
  Exclude<QuotaKey, 'replicationcontrollers'>
>;

/** A ResourceQuota key a tenant may override. */
export type OverridableQuotaKey = (typeof OVERRIDABLE_QUOTA_KEYS)[number];

/** How the value of a quota key is measured, which decides its canonical form. */
export function quotaKeyUnit(key: string): 'cpu' | 'bytes' | 'count' {
  if (key.endsWith('.cpu')) return 'cpu';
  if (key.endsWith('.memory') || key.endsWith('.storage')) return 'bytes';
  return 'count';
}

/** Writes a quota value in the canonical form the API server stores, so applies do not diff. */
export function formatQuotaValue(key: string, value: number): string {
  switch (quotaKeyUnit(key)) {
    case 'cpu':
      return formatCpu(value);
    case 'bytes':
      return formatBytes(value);
    default:
      return String(value);
  }
}

/** ResourceQuota `spec.hard` of each tier. */
export const TIER_QUOTAS: Record<TierName, Record<QuotaKey, string>> = {
  xs: {
    configmaps: '10',
    'limits.cpu': '10',
    'limits.memory': '20Gi',
    persistentvolumeclaims: '3',
    pods: '25',
    replicationcontrollers: '3',
    'requests.cpu': '5',
    'requests.memory': '10Gi',
    'requests.storage': '50Gi',
    secrets: '10',
    services: '5',
    'services.loadbalancers': '1',
    'services.nodeports': '1',
  },
  s: {
    configmaps: '40',
    'limits.cpu': '40',
    'limits.memory': '80Gi',
    persistentvolumeclaims: '10',
    pods: '100',
    replicationcontrollers: '10',
    'requests.cpu': '20',
    'requests.memory': '40Gi',
    'requests.storage': '200Gi',
    secrets: '40',
    services: '20',
    'services.loadbalancers': '2',
    'services.nodeports': '4',
  },
  m: {
    configmaps: '100',
    'limits.cpu': '100',
    'limits.memory': '200Gi',
    persistentvolumeclaims: '25',
    pods: '250',
    replicationcontrollers: '25',
    'requests.cpu': '50',
    'requests.memory': '100Gi',
    'requests.storage': '512Gi',
    secrets: '100',
    services: '50',
    'services.loadbalancers': '5',
    'services.nodeports': '10',
  },
  l: {
    configmaps: '200',
    'limits.cpu': '200',
    'limits.memory': '400Gi',
    persistentvolumeclaims: '50',
    pods: '500',
    replicationcontrollers: '50',
    'requests.cpu': '100',
    'requests.memory': '200Gi',
    'requests.storage': '1Ti',
    secrets: '200',
    services: '100',
    'services.loadbalancers': '10',
    'services.nodeports': '20',
  },
};

/** The largest value an override may take per key: twice the `l` preset. Beyond it, a dedicated cluster fits better. */
export const QUOTA_CEILING: Record<OverridableQuotaKey, string> = Object.fromEntries(
  OVERRIDABLE_QUOTA_KEYS.map(key => [key, formatQuotaValue(key, 2 * parseQuantity(TIER_QUOTAS.l[key]))]),
) as Record<OverridableQuotaKey, string>;

/** The LimitRange of a tier before it is fitted to the tenant's quota. */
export interface TierLimits {
  podMax: { cpu: string; memory: string };
  containerMax: { cpu: string; memory: string };
  containerMin: { cpu: string; memory: string };
  containerDefault: { cpu: string; memory: string };
  containerDefaultRequest: { cpu: string; memory: string };
  maxLimitRequestRatio: { cpu: string; memory: string };
  pvcMin: string;
  pvcMax: string;
}

const COMMON_LIMITS = {
  containerMin: { cpu: '100m', memory: '128Mi' },
  containerDefault: { cpu: '1', memory: '1Gi' },
  containerDefaultRequest: { cpu: '500m', memory: '512Mi' },
  maxLimitRequestRatio: { cpu: '4', memory: '4' },
  pvcMin: '1Gi',
};

/** LimitRange presets of each tier (see the table above). */
export const TIER_LIMITS: Record<TierName, TierLimits> = {
  xs: { ...COMMON_LIMITS, podMax: { cpu: '4', memory: '8Gi' }, containerMax: { cpu: '2', memory: '4Gi' }, pvcMax: '20Gi' },
  s: { ...COMMON_LIMITS, podMax: { cpu: '8', memory: '16Gi' }, containerMax: { cpu: '4', memory: '8Gi' }, pvcMax: '50Gi' },
  m: { ...COMMON_LIMITS, podMax: { cpu: '16', memory: '32Gi' }, containerMax: { cpu: '8', memory: '16Gi' }, pvcMax: '100Gi' },
  l: { ...COMMON_LIMITS, podMax: { cpu: '16', memory: '32Gi' }, containerMax: { cpu: '8', memory: '16Gi' }, pvcMax: '100Gi' },
};

/**
 * The smallest value a compute override may take: below the container minimum of the
 * LimitRange, not even one container would be admitted.
 */
export const QUOTA_FLOOR: Partial<Record<OverridableQuotaKey, string>> = {
  'requests.cpu': COMMON_LIMITS.containerMin.cpu,
  'limits.cpu': COMMON_LIMITS.containerMin.cpu,
  'requests.memory': COMMON_LIMITS.containerMin.memory,
  'limits.memory': COMMON_LIMITS.containerMin.memory,
};

/** The quota of a tier with overrides applied, values in canonical form, keys sorted. */
export function effectiveQuota(
  preset: TierName,
  overrides: Partial<Record<OverridableQuotaKey, string>> = {},
): Record<QuotaKey, string> {
  const hard = {} as Record<QuotaKey, string>;
  for (const key of QUOTA_KEYS) {
    const value = (overrides as Partial<Record<QuotaKey, string>>)[key] ?? TIER_QUOTAS[preset][key];
    hard[key] = formatQuotaValue(key, parseQuantity(value));
  }
  return hard;
}

/** One item of LimitRange `spec.limits`. */
export interface LimitRangeItem {
  type: 'Pod' | 'Container' | 'PersistentVolumeClaim';
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

function fitted(resource: 'cpu' | 'memory', limits: TierLimits, hard: Record<QuotaKey, string>) {
  // Rounding down (whole millicores, whole bytes) keeps computed values inside the bounds they
  // were fitted to; rounding up, as formatCpu does, could push a default past the ratio.
  const format = (value: number) =>
    resource === 'cpu' ? formatCpu(Math.floor(value * 1000 + 1e-6) / 1000) : formatBytes(Math.floor(value));
  const quotaLimit = parseQuantity(hard[`limits.${resource}`]);
  const quotaRequest = parseQuantity(hard[`requests.${resource}`]);
  // A pod or container larger than the quota would pass the LimitRange and then be refused by
  // the quota with a less helpful message, so the LimitRange never promises more than the quota.
  const podMax = Math.min(parseQuantity(limits.podMax[resource]), quotaLimit);
  const containerMax = Math.min(parseQuantity(limits.containerMax[resource]), podMax);
  const defaultRequest = Math.min(parseQuantity(limits.containerDefaultRequest[resource]), quotaRequest, containerMax);
  // The API server rejects a LimitRange whose maxLimitRequestRatio exceeds max/min; rounding
  // down to milli units keeps a shrunken ratio on the valid side.
  const ratio = Math.min(
    parseQuantity(limits.maxLimitRequestRatio[resource]),
    Math.floor((containerMax / parseQuantity(limits.containerMin[resource])) * 1000 + 1e-6) / 1000,
  );
  // The defaulted limit must respect the ratio too, or every defaulted pod is rejected.
  const defaultLimit = Math.min(parseQuantity(limits.containerDefault[resource]), containerMax, defaultRequest * ratio);
  return {
    podMax: format(podMax),
    containerMax: format(containerMax),
    defaultRequest: format(defaultRequest),
    defaultLimit: format(defaultLimit),
    ratio: formatDecimalSI(ratio),
  };
}

/**
 * The LimitRange items of a tier fitted to the tenant's effective quota. Assumes the quota is at
 * least QUOTA_FLOOR, which tenantSpecSchema enforces.
 */
export function tierLimitRange(preset: TierName, hard: Record<QuotaKey, string>): LimitRangeItem[] {
  const limits = TIER_LIMITS[preset];
  const cpu = fitted('cpu', limits, hard);
  const memory = fitted('memory', limits, hard);
  const items: LimitRangeItem[] = [
    {
      type: 'Pod',
      max: { cpu: cpu.podMax, memory: memory.podMax },
      min: { ...limits.containerMin },
    },
    {
      type: 'Container',
      default: { cpu: cpu.defaultLimit, memory: memory.defaultLimit },
      defaultRequest: { cpu: cpu.defaultRequest, memory: memory.defaultRequest },
      max: { cpu: cpu.containerMax, memory: memory.containerMax },
      min: { ...limits.containerMin },
      maxLimitRequestRatio: { cpu: cpu.ratio, memory: memory.ratio },
    },
  ];
  const storage = parseQuantity(hard['requests.storage']);
  // Below the PVC minimum no claim could be admitted, and min > max is an invalid LimitRange:
  // the storage quota alone then bounds claims.
  if (storage >= parseQuantity(limits.pvcMin)) {
    items.push({
      type: 'PersistentVolumeClaim',
      max: { storage: formatBytes(Math.min(parseQuantity(limits.pvcMax), storage)) },
      min: { storage: limits.pvcMin },
    });
  }
  return items;
}
