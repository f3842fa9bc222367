/* Test helper: the LimitRange rules of the API server, as a list of what a rendering breaks. */
import { parseQuantity } from '../../quantity';
import type { LimitRangeItem } from '../tiers';

function item(items: LimitRangeItem[], type: LimitRangeItem['type']): LimitRangeItem {
  return items.find(i => i.type === type)!;
}

/** Violations of what the API server's LimitRange validation and admission impose. */
export function limitRangeViolations(items: LimitRangeItem[], hard: Record<string, string>): string[] {
  const q = parseQuantity;
  // As the API server compares ratios: milli values, which are whole numbers.
  const milli = (text: string) => Math.round(q(text) * 1000);
  const violations: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) violations.push(what);
  };
  const pod = item(items, 'Pod');
  const container = item(items, 'Container');
  for (const r of ['cpu', 'memory']) {
    check(q(container.min![r]) <= q(container.defaultRequest![r]), `${r}: min <= defaultRequest`);
    check(q(container.defaultRequest![r]) <= q(container.default![r]), `${r}: defaultRequest <= default`);
    check(q(container.default![r]) <= q(container.max![r]), `${r}: default <= max`);
    check(q(container.max![r]) <= q(pod.max![r]), `${r}: container max <= pod max`);
    check(q(pod.max![r]) <= q(hard[`limits.${r}`]), `${r}: pod max <= quota limits`);
    check(q(container.defaultRequest![r]) <= q(hard[`requests.${r}`]), `${r}: defaultRequest <= quota requests`);
    const ratio = q(container.maxLimitRequestRatio![r]);
    check(ratio >= 1, `${r}: ratio >= 1`);
    check(ratio <= milli(container.max![r]) / milli(container.min![r]), `${r}: ratio <= max/min`);
    check(q(container.default![r]) / q(container.defaultRequest![r]) <= ratio + 1e-9, `${r}: default/defaultRequest <= ratio`);
  }
  const pvc = items.find(i => i.type === 'PersistentVolumeClaim');
  if (pvc) {
    check(q(pvc.min!.storage) <= q(pvc.max!.storage), 'pvc min <= max');
    check(q(pvc.max!.storage) <= q(hard['requests.storage']), 'pvc max <= quota storage');
  }
  return violations;
}

