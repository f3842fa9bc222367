import type { WorkloadInfo } from '../fleet/types';

/*
 * Wording shared by the findings' messages. Amounts are for people (`12.5 cores`, `1.5Gi`),
 * not the canonical quantities of formatCpu/formatBytes, which can be long (`1610612736`).
 */

/** `1 replica`, `3 replicas`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** `2 cores`, `0.25 cores`, `1 core`. */
export function describeCores(cores: number): string {
  const rounded = Math.round(cores * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'core' : 'cores'}`;
}

const BINARY_UNITS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** `1.5Gi`, `512Mi`, `100`: the largest binary unit, one decimal at most. */
export function describeBytes(bytes: number): string {
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${bytes < 0 ? '-' : ''}${rounded}${BINARY_UNITS[unit]}`;
}

/** `82%`. */
export function describePercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** `a, b and c`; long lists end in `and 4 more`. */
export function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A label selector in kubectl's form, `app=web,tier=frontend`. */
export function selectorText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** The labels that find a workload's pods: spec.selector, else the template's labels. */
export function podSelectorOf(workload: WorkloadInfo): string {
  const labels = Object.keys(workload.selector).length > 0 ? workload.selector : workload.template.labels;
  return selectorText(labels);
}

/** The text with its first letter capitalised. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Deployment web`. */
export function workloadRef(workload: WorkloadInfo): string {
  return `${workload.kind} ${workload.name}`;
}
