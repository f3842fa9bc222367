/*
 * `cost.waste`: a namespace whose CPU requests go mostly unused, hour after hour. The seed's
 * rule: (requests − usage) / requests > 50 % for 6 consecutive hours.
 */
import { IDLE_KEY } from '../api/costTypes';
import { HOUR_MS } from '../backups/duration';
import { Finding } from '../findings/types';
import { formatCpu } from '../quantity';
import { toEpochMs } from './hourSlices';
import { CostHourRow } from './types';

/** When requests count as wasted. */
export interface WasteOptions {
  /** Unused share of requests above which an hour is wasteful; default 0.5. */
  unusedRatio?: number;
  /** Consecutive wasteful hours that make a finding; default 6. */
  hours?: number;
  /** Headroom above peak usage in the suggested request; default 0.2. */
  headroom?: number;
}

interface NamespaceHour {
  hourMs: number;
  request: number; // core-hours
  usage: number;
  sampledHours: number;
  byWorkload: Map<string, number>; // unused core-hours
}

function namespaceHours(rows: readonly CostHourRow[]): Map<string, NamespaceHour[]> {
  const byNamespace = new Map<string, Map<number, NamespaceHour>>();
  for (const row of rows) {
    if (row.namespace === IDLE_KEY) continue;
    const key = `${row.cluster}\u0000${row.namespace}`;
    const hours = byNamespace.get(key) ?? new Map<number, NamespaceHour>();
    byNamespace.set(key, hours);
    const hourMs = toEpochMs(row.hour);
    const h = hours.get(hourMs) ?? { hourMs, request: 0, usage: 0, sampledHours: 0, byWorkload: new Map() };
    hours.set(hourMs, h);
    h.request += row.cpuRequestCoreHours;
    h.usage += row.cpuUsageCoreHours;
    h.sampledHours = Math.max(h.sampledHours, row.minutes / 60);
    const unused = row.cpuRequestCoreHours - row.cpuUsageCoreHours;
    h.byWorkload.set(row.workload, (h.byWorkload.get(row.workload) ?? 0) + unused);
  }
  const result = new Map<string, NamespaceHour[]>();
  for (const [key, hours] of byNamespace) result.set(key, [...hours.values()].sort((a, b) => a.hourMs - b.hourMs));
  return result;
}

/** The longest run of consecutive wasteful hours (the latest of equal runs). */
function longestRun(hours: NamespaceHour[], unusedRatio: number): NamespaceHour[] {
  let best = { start: 0, end: 0 };
  let start = 0;
  hours.forEach((h, i) => {
    const wasteful = h.request > 0 && (h.request - h.usage) / h.request > unusedRatio;
    const follows = i > start && h.hourMs === hours[i - 1].hourMs + HOUR_MS;
    if (!wasteful) start = i + 1;
    else if (!follows) start = i;
    if (wasteful && i + 1 - start >= best.end - best.start) best = { start, end: i + 1 };
  });
  return hours.slice(best.start, best.end);
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const pct = (x: number) => `${Math.round(x * 100)} %`;

function finding(cluster: string, namespace: string, run: NamespaceHour[], headroom: number): Finding {
  const sampled = run.reduce((s, h) => s + h.sampledHours, 0);
  const request = run.reduce((s, h) => s + h.request, 0) / sampled;
  const usage = run.reduce((s, h) => s + h.usage, 0) / sampled;
  const ratios = run.map(h => (h.request - h.usage) / h.request);
  const peak = Math.max(...run.map(h => h.usage / h.sampledHours));
  const suggested = Math.max(peak * (1 + headroom), 0.001);
  const unusedByWorkload = new Map<string, number>();
  for (const h of run) for (const [w, unused] of h.byWorkload) unusedByWorkload.set(w, (unusedByWorkload.get(w) ?? 0) + unused / sampled);
  const top = [...unusedByWorkload]
    .filter(([, unused]) => unused > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([w, unused]) => `${w || '(pods without backstage.io/kubernetes-id)'} ${formatCpu(unused)} unused`);
  const end = run[run.length - 1].hourMs + HOUR_MS;
  return {
    id: 'cost.waste',
    severity: 'warning',
    object: { kind: 'Namespace', name: namespace, namespace, cluster },
    message:
      `Namespace ${namespace} on ${cluster} left more than half of its CPU requests unused for ${run.length} consecutive hours, ` +
      `${hhmm(run[0].hourMs)}–${hhmm(end).slice(11)} UTC: ${formatCpu(request)} requested on average, ${formatCpu(usage)} used ` +
      `(${pct(1 - usage / request)} unused; per hour ${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))}).`,
    fix:
      `Lower the CPU requests in ${namespace} to about ${formatCpu(suggested)} in total (peak hourly usage ${formatCpu(peak)} + ${pct(headroom)} headroom)` +
      `${top.length ? `, starting with ${top.join(', ')}` : ''}; e.g. kubectl -n ${namespace} set resources deployment/<name> --requests=cpu=<value>, ` +
      `or run a VerticalPodAutoscaler in updateMode "Off" to get per-container recommendations.`,
  };
}

/** One `cost.waste` finding per namespace with a long enough run of wasteful hours (its longest). */
export function wasteFindings(rows: readonly CostHourRow[], options: WasteOptions = {}): Finding[] {
  const { unusedRatio = 0.5, hours = 6, headroom = 0.2 } = options;
  const findings: Finding[] = [];
  for (const [key, nsHours] of namespaceHours(rows)) {
    const run = longestRun(nsHours, unusedRatio);
    if (run.length < hours) continue;
    const [cluster, namespace] = key.split('\u0000');
    findings.push(finding(cluster, namespace, run, headroom));
  }
  return findings;
}
