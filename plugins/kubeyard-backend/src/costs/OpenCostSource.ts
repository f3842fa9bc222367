/*
 * OpenCost as a CostSource: GET {url}/allocation/compute?window=<from>,<to>&aggregate=namespace
 * &step=1h&accumulate=false&includeIdle=true&shareIdle=false for the closed hours after the
 * watermark. OpenCost's allocation fields map to CostHourRow one to one (averages × hours give
 * the integrals); its `__idle__` allocation (only returned when asked for) is the cluster's
 * idle row. OpenCost keeps its own history, so hours missed while Kubeyard was down are fetched
 * later rather than lost, up to `maxBackfillMs`. A watermark inside an hour (left by the
 * built-in model before the cluster switched to OpenCost) charges only the rest of that hour.
 * Every fetched hour is attributed with the namespace attribution of collection time.
 */
import {
  emptyHourRow,
  HOUR_ROW_QUANTITIES,
  hourStartMs,
  IDLE_KEY,
  type CostHourRow,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterAttribution, CollectedCosts, CostSource } from './types';

const HOUR = 3_600_000;

/** One allocation as OpenCost's /allocation API returns it (the fields Kubeyard reads). */
export interface OpenCostAllocation {
  name: string;
  properties?: { cluster?: string; namespace?: string };
  window?: { start: string; end: string };
  start: string;
  end: string;
  minutes: number;
  cpuCoreHours: number;
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  cpuCost: number;
  ramByteHours: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  ramCost: number;
  pvByteHours: number;
  pvCost: number;
  totalCost: number;
}

/** The body of /allocation/compute: one set of allocations per step. */
export interface OpenCostAllocationResponse {
  code: number;
  message?: string;
  data: Array<Record<string, OpenCostAllocation> | null>;
}

/** Settings of the OpenCost source. */
export interface OpenCostSourceOptions {
  /** OpenCost base URL by cluster name. */
  urls: Record<string, string>;
  requestTimeoutMs: number;
  /** The oldest history fetched after a pause (default 7 days); older is a gap. */
  maxBackfillMs?: number;
  now?: () => Date;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Maps one OpenCost allocation of one hour to a row. */
export function rowFromOpenCost(cluster: string, hour: string, allocation: OpenCostAllocation, attribution: ClusterAttribution): CostHourRow {
  const namespace = allocation.name === '__idle__' ? IDLE_KEY : allocation.properties?.namespace ?? allocation.name;
  const row = emptyHourRow({ hour, cluster, namespace, workload: '' }, namespace === IDLE_KEY ? undefined : attribution(cluster, namespace));
  const minutes = num(allocation.minutes);
  const hours = minutes / 60;
  row.minutes = minutes;
  row.cpuRequestCoreHours = num(allocation.cpuCoreRequestAverage) * hours;
  row.cpuUsageCoreHours = num(allocation.cpuCoreUsageAverage) * hours;
  row.cpuChargedCoreHours = num(allocation.cpuCoreHours);
  row.ramRequestByteHours = num(allocation.ramByteRequestAverage) * hours;
  row.ramUsageByteHours = num(allocation.ramByteUsageAverage) * hours;
  row.ramChargedByteHours = num(allocation.ramByteHours);
  row.pvByteHours = num(allocation.pvByteHours);
  // OpenCost prices with its own (cloud billing) prices: kept as it reports them.
  row.cpuCost = num(allocation.cpuCost);
  row.ramCost = num(allocation.ramCost);
  row.pvCost = num(allocation.pvCost);
  return row;
}

/** Scales a row's quantities (and costs) to a part of its hour. */
function scaleRow(row: CostHourRow, factor: number): CostHourRow {
  for (const field of HOUR_ROW_QUANTITIES) row[field] *= factor;
  return row;
}

/** Reads allocations from OpenCost. */
export class OpenCostSource implements CostSource {
  readonly kind = 'opencost' as const;

  constructor(private readonly options: OpenCostSourceOptions) {}

  async collect(cluster: string, previousAt: string | undefined, attribution: ClusterAttribution): Promise<CollectedCosts> {
    const base = this.options.urls[cluster];
    if (!base) throw new Error(`no OpenCost URL configured for cluster ${cluster} (kubeyard.costs.clusters.${cluster}.opencost.url)`);
    // Only closed hours: OpenCost's current hour is still growing.
    const to = hourStartMs((this.options.now?.() ?? new Date()).getTime());
    const previousMs = previousAt === undefined ? to - HOUR : Date.parse(previousAt);
    const from = Math.max(hourStartMs(previousMs), to - (this.options.maxBackfillMs ?? 7 * 24 * HOUR));
    const gap = from > previousMs ? { cluster, from: new Date(previousMs).toISOString(), to: new Date(from).toISOString() } : undefined;
    if (from >= to) return { rows: [], watermark: previousAt ?? new Date(to).toISOString() };
    // The part of the first hour before the watermark is recorded already.
    const firstHourShare = (from + HOUR - Math.max(from, previousMs)) / HOUR;

    const url = new URL('allocation/compute', base.endsWith('/') ? base : `${base}/`);
    url.searchParams.set('window', `${new Date(from).toISOString().replace('.000Z', 'Z')},${new Date(to).toISOString().replace('.000Z', 'Z')}`);
    url.searchParams.set('aggregate', 'namespace');
    url.searchParams.set('step', '1h');
    url.searchParams.set('accumulate', 'false');
    // OpenCost leaves `__idle__` out unless asked, and would otherwise spread it over namespaces.
    url.searchParams.set('includeIdle', 'true');
    url.searchParams.set('shareIdle', 'false');
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.requestTimeoutMs) });
    if (!response.ok) throw new Error(`OpenCost ${url.origin}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    const body = (await response.json()) as OpenCostAllocationResponse;
    if (body.code !== 200 || !Array.isArray(body.data)) throw new Error(`OpenCost ${url.origin}: ${body.message ?? `code ${body.code}`}`);

    const rows: CostHourRow[] = [];
    for (const set of body.data) {
      for (const allocation of Object.values(set ?? {})) {
        const start = Date.parse(allocation.window?.start ?? allocation.start);
        if (Number.isNaN(start) || start < from || start >= to) continue;
        const hour = hourStartMs(start);
        const row = rowFromOpenCost(cluster, new Date(hour).toISOString(), allocation, attribution);
        rows.push(hour === from && firstHourShare < 1 ? scaleRow(row, firstHourShare) : row);
      }
    }
    return { rows, watermark: new Date(to).toISOString(), ...(gap ? { gap } : {}) };
  }
}
