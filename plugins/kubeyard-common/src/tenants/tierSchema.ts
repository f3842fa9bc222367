/*
 * The `tier` field of a tenant spec: a size preset plus per-key quota overrides, each bounded
 * by the ceiling (twice the l preset) and by what the LimitRange needs to admit one container.
 */
import { z } from 'zod';
import { parseQuantity, tryParseQuantity } from '../quantity';
import {
  effectiveQuota,
  OVERRIDABLE_QUOTA_KEYS,
  OverridableQuotaKey,
  QUOTA_CEILING,
  QUOTA_FLOOR,
  quotaKeyUnit,
  TIER_NAMES,
  TIER_QUOTAS,
} from './tiers';

const KEY_DESCRIPTIONS: Record<OverridableQuotaKey, string> = {
  configmaps: 'Number of ConfigMaps',
  'limits.cpu': 'Sum of CPU limits of all pods (cores or millicores: 40, 2500m)',
  'limits.memory': 'Sum of memory limits of all pods (e.g. 80Gi)',
  persistentvolumeclaims: 'Number of PersistentVolumeClaims',
  pods: 'Number of pods in a non-terminal state',
  'requests.cpu': 'Sum of CPU requests of all pods (cores or millicores: 20, 500m)',
  'requests.memory': 'Sum of memory requests of all pods (e.g. 40Gi)',
  'requests.storage': 'Sum of storage requested by all PersistentVolumeClaims (e.g. 200Gi)',
  secrets: 'Number of Secrets',
  services: 'Number of Services',
  'services.loadbalancers': 'Number of Services of type LoadBalancer',
  'services.nodeports': 'Number of Services of type NodePort',
};

const EXAMPLES = { cpu: '"2", "500m"', bytes: '"10Gi", "512Mi"', count: '20' };

function quotaValue(key: OverridableQuotaKey) {
  const unit = quotaKeyUnit(key);
  const example = EXAMPLES[unit];
  return z
    .union([z.string(), z.number()], {
      errorMap: () => ({ message: `expected a Kubernetes quantity or a number (e.g. ${example})` }),
    })
    .superRefine((raw, ctx) => {
      const value = tryParseQuantity(raw);
      const text = JSON.stringify(raw);
      const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      if (value === undefined) return fail(`${text} is not a Kubernetes quantity (e.g. ${example})`);
      if (value < 0) return fail(`${text} is negative; quotas are 0 or more`);
      if (unit === 'count' && !Number.isInteger(value)) return fail(`${text} is not a whole number of objects`);
      const ceiling = QUOTA_CEILING[key];
      if (value > parseQuantity(ceiling)) {
        return fail(
          `${text} is above the ceiling for ${key}: at most ${ceiling} (twice the l preset); a larger tenant needs a dedicated cluster`,
        );
      }
      const floor = QUOTA_FLOOR[key];
      if (floor !== undefined && value < parseQuantity(floor)) {
        return fail(`${text} is below the minimum for ${key}: at least ${floor}, the LimitRange minimum of a single container`);
      }
      return undefined;
    })
    .transform(raw => String(raw))
    .describe(`${KEY_DESCRIPTIONS[key]}; at most ${QUOTA_CEILING[key]}`);
}

/** Partial ResourceQuota overrides on top of a tier preset. */
export const quotaOverridesSchema = z
  .object(
    Object.fromEntries(OVERRIDABLE_QUOTA_KEYS.map(key => [key, quotaValue(key).optional()])) as Record<
      OverridableQuotaKey,
      z.ZodOptional<ReturnType<typeof quotaValue>>
    >,
  )
  .strict()
  .describe(
    `ResourceQuota values that replace the preset's, each at most twice the l preset. Keys: ${OVERRIDABLE_QUOTA_KEYS.join(', ')}`,
  );

const presetTable = TIER_NAMES.map(
  t => `${t}: ${TIER_QUOTAS[t]['requests.cpu']} CPU / ${TIER_QUOTAS[t]['requests.memory']} requested, ${TIER_QUOTAS[t].pods} pods`,
).join('; ');

/** The `tier` field: preset plus overrides. */
export const tierSchema = z
  .object({
    preset: z.enum(TIER_NAMES).describe(`Size preset of the ResourceQuota and LimitRange (${presetTable})`),
    quotaOverrides: quotaOverridesSchema.default({}),
  })
  .strict()
  .superRefine((tier, ctx) => {
    const overrides = tier.quotaOverrides as Partial<Record<OverridableQuotaKey, string>>;
    const hard = effectiveQuota(tier.preset, overrides);
    // Every container's limit is at least its request, so a request quota above the limit
    // quota can never be used: it is a mistake, not a configuration.
    for (const resource of ['cpu', 'memory'] as const) {
      const requests = `requests.${resource}` as const;
      const limits = `limits.${resource}` as const;
      if (parseQuantity(hard[requests]) > parseQuantity(hard[limits])) {
        const blamed = overrides[requests] !== undefined ? requests : limits;
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['quotaOverrides', blamed],
          message: `${requests} ${hard[requests]} is above ${limits} ${hard[limits]}; limits are never below requests, so ${requests} may be at most ${hard[limits]} (or raise ${limits})`,
        });
      }
    }
  })
  .default({ preset: 's' })
  .describe('Size of the tenant: a preset (xs, s, m, l) and optional quota overrides');
