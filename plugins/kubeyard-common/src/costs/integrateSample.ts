/*
 * The built-in cost model: integrates one sample of a cluster into hourly rows.
 *
 * Invariant (the watermark): per cluster the store keeps `at` of the last integrated sample and
 * writes it in the same transaction as the rows. A sample covers (watermark, at] with its
 * readings at `at`, so consecutive samples cover disjoint intervals and no instant is charged
 * twice: a resampled `at` covers (at, at] = nothing, an older `at` is refused, and a restart
 * resumes from the stored watermark instead of re-charging what was already counted.
 */
import { InputError } from '@backstage/errors';
import { IDLE_KEY, CostGap } from '../api/costTypes';
import { emptyHourRow, priceHourRow } from './hourRows';
import { hourSlices, toEpochMs } from './hourSlices';
import { priceAt } from './prices';
import { ClusterCostSample, CostHourRow, NamespaceAttribution, PodCostReading, PriceChange } from './types';

/** Who each namespace belongs to: a lookup function or a map by namespace name. */
export type NamespaceAttributionSource =
  | ((namespace: string) => NamespaceAttribution | undefined)
  | Readonly<Record<string, NamespaceAttribution | undefined>>;

/** How to integrate a sample. */
export interface IntegrateSampleOptions {
  /** The cluster's watermark: `at` of its last integrated sample; undefined before the first. */
  previousAt?: string;
  /** The nominal sampling interval (ms). */
  intervalMs: number;
  /** Longest interval one sample may cover (ms); default 2 × intervalMs. Older time is a gap. */
  maxGapMs?: number;
  attribution: NamespaceAttributionSource;
  prices: readonly PriceChange[];
}

/** What a sample adds to the history. */
export interface SampleIntegration {
  /**
   * `first`: no watermark, one nominal interval charged; `integrated`: (watermark, at] charged;
   * `duplicate`: at = watermark, nothing charged; `out-of-order`: at < watermark, refused.
   */
  status: 'first' | 'integrated' | 'duplicate' | 'out-of-order';
  rows: CostHourRow[];
  /** The charged interval (from, to], ISO 8601; absent when nothing was charged. */
  covered?: { from: string; to: string };
  /** The part of (watermark, at] older than maxGap: not sampled, so not charged. */
  gap?: CostGap;
  /** The watermark to store with the rows: max(previousAt, at). */
  watermark: string;
}

/** Per (namespace, workload): rates at the sample instant (cores, bytes). */
interface Rates {
  namespace: string;
  workload: string;
  cpuRequest: number;
  cpuUsage: number;
  cpuCharged: number;
  ramRequest: number;
  ramUsage: number;
  ramCharged: number;
  pvBytes: number;
}

function lookup(source: NamespaceAttributionSource, namespace: string): NamespaceAttribution | undefined {
  return typeof source === 'function' ? source(namespace) : source[namespace];
}

function ratesOf(sample: ClusterCostSample): Rates[] {
  const byKey = new Map<string, Rates>();
  const entry = (namespace: string, workload: string): Rates => {
    const key = `${namespace}\u0000${workload}`;
    let rates = byKey.get(key);
    if (!rates) {
      rates = { namespace, workload, cpuRequest: 0, cpuUsage: 0, cpuCharged: 0, ramRequest: 0, ramUsage: 0, ramCharged: 0, pvBytes: 0 };
      byKey.set(key, rates);
    }
    return rates;
  };
  for (const pod of sample.pods) addPod(entry(pod.namespace, pod.workload), pod);
  for (const [namespace, bytes] of Object.entries(sample.pvcBytesByNamespace)) entry(namespace, '').pvBytes += bytes;
  return [...byKey.values()];
}

// max(request, usage) per pod, as OpenCost charges: one pod's burst is not offset by another
// pod's slack. Without metrics, usage is taken to be the request (no waste is inferred).
function addPod(rates: Rates, pod: PodCostReading): void {
  const cpuUsage = pod.cpuUsageCores ?? pod.cpuRequestCores;
  const ramUsage = pod.ramUsageBytes ?? pod.ramRequestBytes;
  rates.cpuRequest += pod.cpuRequestCores;
  rates.cpuUsage += cpuUsage;
  rates.cpuCharged += Math.max(pod.cpuRequestCores, cpuUsage);
  rates.ramRequest += pod.ramRequestBytes;
  rates.ramUsage += ramUsage;
  rates.ramCharged += Math.max(pod.ramRequestBytes, ramUsage);
}

function idleRates(sample: ClusterCostSample, rates: Rates[]): Rates {
  const cpuCharged = rates.reduce((sum, r) => sum + r.cpuCharged, 0);
  const ramCharged = rates.reduce((sum, r) => sum + r.ramCharged, 0);
  return {
    namespace: IDLE_KEY,
    workload: '',
    cpuRequest: 0,
    cpuUsage: 0,
    cpuCharged: Math.max(0, sample.allocatableCpuCores - cpuCharged),
    ramRequest: 0,
    ramUsage: 0,
    ramCharged: Math.max(0, sample.allocatableRamBytes - ramCharged),
    pvBytes: 0,
  };
}

/**
 * Integrates one sample into hourly rows. The sample covers (previousAt, at], capped at maxGap
 * (the rest is returned as a gap and never charged). The first sample of a cluster covers one
 * nominal interval (at − intervalMs, at]: the readings stand for the interval the collector
 * would have covered had it been running, which is what every later sample charges too.
 */
export function integrateSample(sample: ClusterCostSample, options: IntegrateSampleOptions): SampleIntegration {
  const at = toEpochMs(sample.at);
  if (Number.isNaN(at)) throw new InputError(`sample of cluster ${sample.cluster}: "at" ${JSON.stringify(sample.at)} is not an ISO 8601 instant`);
  if (!(options.intervalMs > 0)) throw new InputError(`intervalMs must be more than 0, got ${options.intervalMs}`);
  const maxGapMs = options.maxGapMs ?? 2 * options.intervalMs;
  const previous = options.previousAt === undefined ? undefined : toEpochMs(options.previousAt);
  if (previous !== undefined && Number.isNaN(previous)) throw new InputError(`watermark of cluster ${sample.cluster}: ${JSON.stringify(options.previousAt)} is not an ISO 8601 instant`);
  const atIso = new Date(at).toISOString();

  if (previous !== undefined && at <= previous) {
    const status = at === previous ? 'duplicate' : 'out-of-order';
    return { status, rows: [], watermark: new Date(previous).toISOString() };
  }
  const from = previous === undefined ? at - options.intervalMs : Math.max(previous, at - maxGapMs);
  const gap: CostGap | undefined =
    previous !== undefined && previous < from
      ? { cluster: sample.cluster, from: new Date(previous).toISOString(), to: new Date(from).toISOString() }
      : undefined;

  const rates = ratesOf(sample);
  rates.push(idleRates(sample, rates));
  const rows: CostHourRow[] = [];
  for (const slice of hourSlices(from, at)) {
    const hours = slice.minutes / 60;
    const prices = priceAt(options.prices, sample.cluster, slice.hour);
    for (const r of rates) {
      const attribution = r.namespace === IDLE_KEY ? undefined : lookup(options.attribution, r.namespace);
      const row = emptyHourRow({ hour: slice.hour, cluster: sample.cluster, namespace: r.namespace, workload: r.workload }, attribution);
      row.minutes = slice.minutes;
      row.cpuRequestCoreHours = r.cpuRequest * hours;
      row.cpuUsageCoreHours = r.cpuUsage * hours;
      row.cpuChargedCoreHours = r.cpuCharged * hours;
      row.ramRequestByteHours = r.ramRequest * hours;
      row.ramUsageByteHours = r.ramUsage * hours;
      row.ramChargedByteHours = r.ramCharged * hours;
      row.pvByteHours = r.pvBytes * hours;
      rows.push(priceHourRow(row, prices));
    }
  }
  return {
    status: previous === undefined ? 'first' : 'integrated',
    rows,
    covered: { from: new Date(from).toISOString(), to: atIso },
    gap,
    watermark: atIso,
  };
}
