/*
 * `kubeyard.costs` configuration, read and checked once at start: a wrong price list stops
 * the backend with the field at fault rather than charging wrong numbers.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { isIsoCurrency, parsePriceList, type PriceChange } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { CostSourceKind } from './CostStore';

/** Where one cluster's cost data comes from. */
export interface CostClusterSource {
  source: CostSourceKind;
  /** Base URL of the cluster's OpenCost API (source `opencost`). */
  opencostUrl?: string;
}

/** A Group's monthly budget from config. */
export interface GroupBudget {
  group: string;
  monthlyBudget: number;
}

/** The cost feature's settings. */
export interface CostConfig {
  sampleIntervalMs: number;
  /** Longest interval one sample may cover; older unsampled time is a gap. */
  maxGapMs: number;
  currency: string;
  idle: 'share' | 'separate';
  prices: PriceChange[];
  hourlyRetentionDays: number;
  dailyRetentionDays: number;
  /** By cluster name; clusters not listed use the built-in model. */
  clusters: Record<string, CostClusterSource>;
  groupBudgets: GroupBudget[];
  /** A tenant whose cost in one day exceeds this gets a finding (unset: no such finding). */
  dailyThreshold?: number;
  /** Timeout of one request to a cluster or OpenCost. */
  requestTimeoutMs: number;
}

const MINUTE = 60_000;

/** Defaults when `kubeyard.costs` is absent. */
export const DEFAULT_COST_CONFIG: CostConfig = {
  sampleIntervalMs: 5 * MINUTE,
  maxGapMs: 10 * MINUTE,
  currency: 'USD',
  idle: 'separate',
  prices: [],
  hourlyRetentionDays: 14,
  dailyRetentionDays: 400,
  clusters: {},
  groupBudgets: [],
  requestTimeoutMs: 30_000,
};

function positive(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(value > 0)) throw new Error(`kubeyard.costs.${key} must be more than 0, got ${value}`);
  return value;
}

/** A budget's group as costs store owners: `team-a` is `group:default/team-a`, lower case. */
function groupRef(value: string, key: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind: 'group', defaultNamespace: 'default' })).toLowerCase();
  } catch {
    throw new Error(`${key}: "${value}" is not a Group ref; expected e.g. group:default/team-payments or team-payments`);
  }
}

/** Reads `kubeyard.costs`. Throws with the offending key when a value is wrong. */
export function readCostConfig(root: Config): CostConfig {
  const config = root.getOptionalConfig('kubeyard.costs');
  if (!config) return DEFAULT_COST_CONFIG;
  const interval = (positive(config, 'sampleIntervalMinutes') ?? 5) * MINUTE;
  const currency = config.getOptionalString('currency') ?? 'USD';
  if (!isIsoCurrency(currency)) throw new Error(`kubeyard.costs.currency: "${currency}" is not an ISO 4217 currency code (e.g. USD, EUR)`);
  const idle = config.getOptionalString('idle') ?? 'separate';
  if (idle !== 'share' && idle !== 'separate') throw new Error(`kubeyard.costs.idle must be "share" or "separate", got "${idle}"`);
  const prices = parsePriceList(config.getOptional('prices'));
  if (!prices.success) throw new Error(`invalid cost prices: ${prices.errors.map(e => `${e.field}: ${e.message}`).join('; ')}`);
  const hourlyRetentionDays = positive(config, 'hourlyRetentionDays') ?? 14;
  if (hourlyRetentionDays < 2) {
    throw new Error(`kubeyard.costs.hourlyRetentionDays must be at least 2, got ${hourlyRetentionDays}: reports of up to two days and the waste findings read hourly rows`);
  }
  const dailyRetentionDays = positive(config, 'retentionDays') ?? 400;
  if (hourlyRetentionDays > dailyRetentionDays) {
    throw new Error(`kubeyard.costs.hourlyRetentionDays (${hourlyRetentionDays}) must not exceed kubeyard.costs.retentionDays (${dailyRetentionDays}): reports read daily rollups once hours are gone`);
  }
  const clusters: Record<string, CostClusterSource> = {};
  const clustersConfig = config.getOptionalConfig('clusters');
  for (const name of clustersConfig?.keys() ?? []) {
    const cluster = clustersConfig!.getConfig(name);
    const opencostUrl = cluster.getOptionalString('opencost.url');
    const source = (cluster.getOptionalString('source') ?? (opencostUrl ? 'opencost' : 'model')) as CostSourceKind;
    if (source !== 'model' && source !== 'opencost') throw new Error(`kubeyard.costs.clusters.${name}.source must be "model" or "opencost", got "${source}"`);
    if (source === 'opencost' && !opencostUrl) throw new Error(`kubeyard.costs.clusters.${name}.opencost.url is required with source "opencost"`);
    clusters[name] = { source, ...(opencostUrl ? { opencostUrl } : {}) };
  }
  const groupBudgets = (config.getOptionalConfigArray('budgets.groups') ?? []).map((entry, index) => {
    const monthlyBudget = entry.getNumber('monthlyBudget');
    if (!(monthlyBudget > 0)) throw new Error(`kubeyard.costs.budgets.groups.${index}.monthlyBudget must be more than 0, got ${monthlyBudget}`);
    return { group: groupRef(entry.getString('group'), `kubeyard.costs.budgets.groups.${index}.group`), monthlyBudget };
  });
  const maxGapMs = (positive(config, 'maxGapMinutes') ?? (2 * interval) / MINUTE) * MINUTE;
  if (maxGapMs < interval) {
    throw new Error(
      `kubeyard.costs.maxGapMinutes (${maxGapMs / MINUTE}) must be at least kubeyard.costs.sampleIntervalMinutes (${interval / MINUTE}): otherwise every sample would record part of its own interval as a gap`,
    );
  }
  return {
    sampleIntervalMs: interval,
    maxGapMs,
    currency,
    idle,
    prices: prices.prices,
    hourlyRetentionDays,
    dailyRetentionDays,
    clusters,
    groupBudgets,
    dailyThreshold: positive(config, 'dailyThreshold'),
    requestTimeoutMs: (positive(config, 'requestTimeoutSeconds') ?? 30) * 1000,
  };
}
