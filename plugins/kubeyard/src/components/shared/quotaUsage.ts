import { tryParseQuantity } from '@kubeyard/backstage-plugin-kubeyard-common';
import { formatBytes, formatCores } from '../../format';

/** One key of a ResourceQuota: hard and used as the API server reports them, and their ratio. */
export interface QuotaKeyUsage {
  key: string;
  hard: string;
  used: string;
  /** used/hard, 0–1 (above 1 when the quota was lowered below usage); NaN when unparseable. */
  ratio: number;
  /** `37.2 cores of 40 cores`, `61 GiB of 100 GiB`, `118 of 250`. */
  text: string;
}

function formatterOf(key: string): (value: number) => string {
  if (key.endsWith('.cpu') || key === 'cpu') return formatCores;
  if (
    key.endsWith('.memory') ||
    key.endsWith('.storage') ||
    key === 'memory' ||
    key.endsWith('ephemeral-storage')
  ) {
    return formatBytes;
  }
  return value => String(value);
}

/**
 * The keys of a ResourceQuota's status, fullest first. Quantities are parsed as Kubernetes
 * does (`37200m` is 37.2 cores); a key whose hard or used cannot be parsed keeps the raw text.
 */
export function quotaUsage(quota: {
  hard: Record<string, string>;
  used: Record<string, string>;
}): QuotaKeyUsage[] {
  const rows = Object.entries(quota.hard).map(([key, hard]) => {
    const used = quota.used[key] ?? '0';
    const hardValue = tryParseQuantity(hard);
    const usedValue = tryParseQuantity(used);
    if (hardValue === undefined || usedValue === undefined) {
      return { key, hard, used, ratio: NaN, text: `${used} of ${hard}` };
    }
    const format = formatterOf(key);
    // A zero quota forbids the resource: nothing used is no pressure, anything used is full.
    let ratio = usedValue > 0 ? 1 : 0;
    if (hardValue > 0) ratio = usedValue / hardValue;
    return {
      key,
      hard,
      used,
      ratio,
      text: `${format(usedValue)} of ${format(hardValue)}`,
    };
  });
  // Fullest first; unparseable keys last, then by key for a stable order.
  return rows.sort((a, b) => {
    const ra = Number.isNaN(a.ratio) ? -1 : a.ratio;
    const rb = Number.isNaN(b.ratio) ? -1 : b.ratio;
    return rb - ra || a.key.localeCompare(b.key);
  });
}
