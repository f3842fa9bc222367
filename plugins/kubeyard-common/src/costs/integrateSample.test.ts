import { IDLE_KEY } from '../api/costTypes';
import { MINUTE_MS } from '../backups/duration';
import { GIB, HOUR_ROW_QUANTITIES } from './hourRows';
import { integrateSample, IntegrateSampleOptions } from './integrateSample';
import { priceAt } from './prices';
import { plusMinutes, pod, sample } from './testing/builders';
import { ClusterCostSample, CostHourRow, PriceChange } from './types';

const FIVE_MIN = 5 * MINUTE_MS;
const T = '2026-11-22T13:00:00.000Z';
const base: IntegrateSampleOptions = { intervalMs: FIVE_MIN, attribution: {}, prices: [] };

const rowOf = (rows: CostHourRow[], namespace: string, workload = '', hour?: string) =>
  rows.find(r => r.namespace === namespace && r.workload === workload && (!hour || r.hour === hour));

const sum = (rows: CostHourRow[], field: keyof CostHourRow, namespace?: string) =>
  rows.filter(r => namespace === undefined || r.namespace === namespace).reduce((total, r) => total + (r[field] as number), 0);

describe('integrateSample: what a sample charges', () => {
  // 60 minutes covered in each case: (12:00, 13:00].
  const hourly = { ...base, intervalMs: 60 * MINUTE_MS, previousAt: '2026-11-22T12:00:00Z' };

  it.each<[string, ClusterCostSample['pods'], { req: number; use: number; charged: number }]>([
    ['usage below request: the request', [pod('shop', 'a', { request: 2, usage: 0.5 })], { req: 2, use: 0.5, charged: 2 }],
    ['usage above request: the usage', [pod('shop', 'a', { request: 1, usage: 3 })], { req: 1, use: 3, charged: 3 }],
    ['no metrics: the request, and usage is taken as the request', [pod('shop', 'a', { request: 1.5 })], { req: 1.5, use: 1.5, charged: 1.5 }],
    // Per namespace the totals are request 2, usage 2, which would charge 2: wrong, one pod bursts.
    ['max per pod, not per namespace total', [pod('shop', 'a', { request: 1, usage: 2 }), pod('shop', 'b', { request: 1, usage: 0 })], { req: 2, use: 2, charged: 3 }],
    ['no request, some usage (BestEffort pod)', [pod('shop', 'a', { request: 0, usage: 0.25 })], { req: 0, use: 0.25, charged: 0.25 }],
  ])('cpu: %s', (_, pods, expected) => {
    const { rows } = integrateSample(sample(T, pods), hourly);
    const shop = rowOf(rows, 'shop')!;
    expect(shop).toMatchObject({ hour: '2026-11-22T12:00:00.000Z', minutes: 60, cpuRequestCoreHours: expected.req, cpuUsageCoreHours: expected.use, cpuChargedCoreHours: expected.charged });
    expect(shop.cpuCost).toBeCloseTo(expected.charged * 0.05, 12);
    expect(rowOf(rows, IDLE_KEY)!.cpuChargedCoreHours).toBeCloseTo(8 - expected.charged, 12);
  });

  it('memory likewise, per pod, priced per GiB-hour', () => {
    const pods = [pod('shop', 'a', { request: 0 }, { request: 4, usage: 6 }), pod('shop', 'b', { request: 0 }, { request: 4, usage: 1 })];
    const shop = rowOf(integrateSample(sample(T, pods), hourly).rows, 'shop')!;
    expect(shop).toMatchObject({ ramRequestByteHours: 8 * GIB, ramUsageByteHours: 7 * GIB, ramChargedByteHours: 10 * GIB });
    expect(shop.ramCost).toBeCloseTo(10 * 0.01, 12);
  });

  it.each<[string, number, number, ClusterCostSample['pods'], number, number]>([
    ['idle = allocatable − Σ charged', 8, 32, [pod('a', 'p', { request: 2, usage: 3 }, { request: 8 })], 5, 24],
    ['overcommitted: idle is 0, never negative', 2, 4, [pod('a', 'p', { request: 1, usage: 3 }, { request: 8 })], 0, 0],
    ['empty cluster: all idle', 4, 16, [], 4, 16],
  ])('%s', (_, cpu, ramGiB, pods, idleCpu, idleRamGiB) => {
    const { rows } = integrateSample(sample(T, pods, { allocatableCpuCores: cpu, allocatableRamBytes: ramGiB * GIB }), hourly);
    const idle = rowOf(rows, IDLE_KEY)!;
    expect(idle).toMatchObject({ workload: '', tenant: null, owner: null, costCenter: null, cpuRequestCoreHours: 0, cpuChargedCoreHours: idleCpu, ramChargedByteHours: idleRamGiB * GIB });
    expect(idle.cpuCost + idle.ramCost).toBeCloseTo(idleCpu * 0.05 + idleRamGiB * 0.01, 12);
  });

  it("rows by (namespace, workload); PVC byte-hours on the namespace's workload '' row", () => {
    const pods = [
      pod('shop', 'api-1', { request: 1 }, undefined, 'shop-api'),
      pod('shop', 'api-2', { request: 1 }, undefined, 'shop-api'),
      pod('shop', 'cron', { request: 0.5 }),
      pod('db', 'pg-0', { request: 2 }, undefined, 'postgres'),
    ];
    const { rows } = integrateSample(sample(T, pods, { pvcBytesByNamespace: { db: 100 * GIB, archive: 10 * GIB } }), hourly);
    expect(rows.map(r => `${r.namespace}/${r.workload}`).sort()).toEqual([`${IDLE_KEY}/`, 'archive/', 'db/', 'db/postgres', 'shop/', 'shop/shop-api']);
    expect(rowOf(rows, 'shop', 'shop-api')!.cpuChargedCoreHours).toBe(2);
    expect(rowOf(rows, 'db')).toMatchObject({ cpuChargedCoreHours: 0, pvByteHours: 100 * GIB, pvCost: 100 * 0.001 });
    expect(rowOf(rows, 'db', 'postgres')!.pvByteHours).toBe(0);
    expect(rowOf(rows, 'archive')!.pvByteHours).toBe(10 * GIB);
  });

  it.each<[string, IntegrateSampleOptions['attribution']]>([
    ['a map', { shop: { tenant: 'shop', owner: 'group:default/team-shop', costCenter: 'CC-42' } }],
    ['a function', ns => (ns === 'shop' ? { tenant: 'shop', owner: 'group:default/team-shop', costCenter: 'CC-42' } : undefined)],
  ])('records the attribution given as %s; unknown namespaces stay unallocated (null)', (_, attribution) => {
    const { rows } = integrateSample(sample(T, [pod('shop', 'a', { request: 1 }), pod('misc', 'b', { request: 1 })]), { ...hourly, attribution });
    expect(rowOf(rows, 'shop')).toMatchObject({ tenant: 'shop', owner: 'group:default/team-shop', costCenter: 'CC-42' });
    expect(rowOf(rows, 'misc')).toMatchObject({ tenant: null, owner: null, costCenter: null });
  });
});

describe('integrateSample: the interval a sample covers', () => {
  const onePod = (at: string) => sample(at, [pod('shop', 'a', { request: 1 })]);

  it.each<[string, string | undefined, string, Partial<IntegrateSampleOptions>, { status: string; covered?: [string, string]; gap?: [string, string]; minutes: number[] }]>([
    ['first sample ever: one nominal interval', undefined, '2026-11-22T13:10:00Z', {}, { status: 'first', covered: ['2026-11-22T13:05:00.000Z', '2026-11-22T13:10:00.000Z'], minutes: [5] }],
    ['regular: (previous, at]', '2026-11-22T13:05:00Z', '2026-11-22T13:10:00Z', {}, { status: 'integrated', covered: ['2026-11-22T13:05:00.000Z', '2026-11-22T13:10:00.000Z'], minutes: [5] }],
    ['late but within maxGap (2 × interval): all of it', '2026-11-22T13:00:00Z', '2026-11-22T13:10:00Z', {}, { status: 'integrated', covered: ['2026-11-22T13:00:00.000Z', '2026-11-22T13:10:00.000Z'], minutes: [10] }],
    ['beyond maxGap: maxGap charged, the rest a gap', '2026-11-22T11:00:00Z', '2026-11-22T13:10:00Z', {}, { status: 'integrated', covered: ['2026-11-22T13:00:00.000Z', '2026-11-22T13:10:00.000Z'], gap: ['2026-11-22T11:00:00.000Z', '2026-11-22T13:00:00.000Z'], minutes: [10] }],
    ['configured maxGap', '2026-11-22T11:00:00Z', '2026-11-22T13:10:00Z', { maxGapMs: 30 * MINUTE_MS }, { status: 'integrated', covered: ['2026-11-22T12:40:00.000Z', '2026-11-22T13:10:00.000Z'], gap: ['2026-11-22T11:00:00.000Z', '2026-11-22T12:40:00.000Z'], minutes: [20, 10] }],
    ['across an hour boundary: split', '2026-11-22T12:57:00Z', '2026-11-22T13:02:00Z', {}, { status: 'integrated', covered: ['2026-11-22T12:57:00.000Z', '2026-11-22T13:02:00.000Z'], minutes: [3, 2] }],
    ['resampling the same instant: zero-length, nothing charged', '2026-11-22T13:10:00Z', '2026-11-22T13:10:00Z', {}, { status: 'duplicate', minutes: [] }],
    ['an older sample (out of order): refused', '2026-11-22T13:10:00Z', '2026-11-22T13:05:00Z', {}, { status: 'out-of-order', minutes: [] }],
  ])('%s', (_, previousAt, at, options, expected) => {
    const result = integrateSample(onePod(at), { ...base, previousAt, ...options });
    expect(result.status).toBe(expected.status);
    expect(result.covered && [result.covered.from, result.covered.to]).toEqual(expected.covered);
    expect(result.gap && [result.gap.from, result.gap.to]).toEqual(expected.gap);
    expect(result.rows.filter(r => r.namespace === 'shop').map(r => r.minutes)).toEqual(expected.minutes);
    expect(sum(result.rows, 'cpuChargedCoreHours', 'shop')).toBeCloseTo(expected.minutes.reduce((a, b) => a + b, 0) / 60, 12);
    const watermark = [previousAt, at].filter(Boolean).map(t => Date.parse(t!)).reduce((a, b) => Math.max(a, b));
    expect(result.watermark).toBe(new Date(watermark).toISOString());
  });

  it('prices each hour slice with the prices of its hour (change effective at 13:00)', () => {
    const prices: PriceChange[] = [{ cluster: 'prod', effectiveFrom: '2026-11-22T13:00:00Z', cpuCoreHour: 0.5, ramGiBHour: 0, pvGiBHour: 0 }];
    const { rows } = integrateSample(onePod('2026-11-22T13:03:00Z'), { ...base, previousAt: '2026-11-22T12:57:00Z', prices });
    expect(rowOf(rows, 'shop', '', '2026-11-22T12:00:00.000Z')!.cpuCost).toBeCloseTo((3 / 60) * 0.05, 12);
    expect(rowOf(rows, 'shop', '', '2026-11-22T13:00:00.000Z')!.cpuCost).toBeCloseTo((3 / 60) * 0.5, 12);
  });

  it('refuses an unreadable instant', () => {
    expect(() => integrateSample(onePod('yesterday'), base)).toThrow('"at" "yesterday" is not an ISO 8601 instant');
    expect(() => integrateSample(onePod(T), { ...base, previousAt: 'never' })).toThrow('watermark of cluster prod: "never" is not an ISO 8601 instant');
    expect(() => integrateSample(onePod(T), { ...base, intervalMs: 0 })).toThrow('intervalMs must be more than 0');
  });
});

describe('integrateSample over a stream of samples', () => {
  // Irregular samples on whole minutes: usage changes, a pod appears, the collector misses
  // runs, is restarted and resamples, and a price change falls in the middle.
  const minutesAfter = [0, 5, 10, 17, 20, 26, 30, 31, 55, 60, 65, 70, 71, 95, 100, 103, 110, 118, 125];
  const start = '2026-11-22T11:58:00Z';
  const samples = minutesAfter.map((m, i) => {
    const pods = [pod('shop', 'api', { request: 1, usage: (i % 4) * 0.5 }, { request: 2, usage: 1 + (i % 3) }, 'shop-api')];
    if (i >= 6) pods.push(pod('batch', 'job', { request: 0.5, usage: i % 2 ? 2 : undefined }, { request: 1 }));
    return sample(plusMinutes(start, m), pods, { pvcBytesByNamespace: { shop: 5 * GIB }, allocatableCpuCores: 3, allocatableRamBytes: 8 * GIB });
  });
  const prices: PriceChange[] = [
    { cluster: '*', effectiveFrom: '2026-11-22T13:00:00Z', cpuCoreHour: 0.08, ramGiBHour: 0.02, pvGiBHour: 0.002 },
  ];
  const options = { ...base, prices, maxGapMs: 12 * MINUTE_MS };

  /** Adds the rows of each (hour, namespace, workload) up, as the store does with later samples of an hour. */
  function mergeHourRows(rows: CostHourRow[]): CostHourRow[] {
    const merged = new Map<string, CostHourRow>();
    for (const row of rows) {
      const key = [row.hour, row.cluster, row.namespace, row.workload].join('\u0000');
      const into = merged.get(key);
      if (!into) merged.set(key, { ...row });
      else for (const field of HOUR_ROW_QUANTITIES) into[field] += row[field];
    }
    return [...merged.values()];
  }

  function integrateAll(stream: ClusterCostSample[]) {
    let watermark: string | undefined;
    const rows: CostHourRow[] = [];
    const gaps: string[] = [];
    for (const s of stream) {
      const result = integrateSample(s, { ...options, previousAt: watermark });
      rows.push(...result.rows);
      if (result.gap) gaps.push(`${result.gap.from}..${result.gap.to}`);
      watermark = result.watermark;
    }
    return { rows: mergeHourRows(rows), gaps };
  }

  // Independent computation, minute by minute: minute (t − 1, t] is charged with the readings
  // of the first sample at or after t, if that sample is the first ever and t is within one
  // interval of it, or the minute lies after the previous sample and within maxGap of it.
  function bruteForce() {
    const totals = new Map<string, number>();
    const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);
    const first = Date.parse(samples[0].at) - options.intervalMs;
    const last = Date.parse(samples[samples.length - 1].at);
    for (let t = first + MINUTE_MS; t <= last; t += MINUTE_MS) {
      const index = samples.findIndex(s => Date.parse(s.at) >= t);
      const at = Date.parse(samples[index].at);
      const previous = index === 0 ? first : Date.parse(samples[index - 1].at);
      if (t - MINUTE_MS < Math.max(previous, at - options.maxGapMs)) continue;
      const hour = new Date(Math.floor((t - MINUTE_MS) / 3600000) * 3600000).toISOString();
      const p = priceAt(prices, 'prod', hour);
      let cpu = 0;
      let ram = 0;
      for (const reading of samples[index].pods) {
        const c = Math.max(reading.cpuRequestCores, reading.cpuUsageCores ?? reading.cpuRequestCores);
        const r = Math.max(reading.ramRequestBytes, reading.ramUsageBytes ?? reading.ramRequestBytes);
        cpu += c;
        ram += r;
        add(`${reading.namespace} cost`, (c * p.cpuCoreHour + (r / GIB) * p.ramGiBHour) / 60);
      }
      add('shop cost', (5 / 60) * p.pvGiBHour);
      add('idle cost', (Math.max(0, 3 - cpu) * p.cpuCoreHour + (Math.max(0, 8 * GIB - ram) / GIB) * p.ramGiBHour) / 60);
      add('minutes', 1);
    }
    return totals;
  }

  const cost = (rows: CostHourRow[], namespace: string) => sum(rows, 'cpuCost', namespace) + sum(rows, 'ramCost', namespace) + sum(rows, 'pvCost', namespace);

  it('matches a minute-by-minute re-computation, gaps left out', () => {
    const { rows, gaps } = integrateAll(samples);
    const expected = bruteForce();
    expect(gaps).toEqual(['2026-11-22T12:29:00.000Z..2026-11-22T12:41:00.000Z', '2026-11-22T13:09:00.000Z..2026-11-22T13:21:00.000Z']);
    expect(cost(rows, 'shop')).toBeCloseTo(expected.get('shop cost')!, 10);
    expect(cost(rows, 'batch')).toBeCloseTo(expected.get('batch cost')!, 10);
    expect(cost(rows, IDLE_KEY)).toBeCloseTo(expected.get('idle cost')!, 10);
    expect(sum(rows, 'minutes', IDLE_KEY)).toBeCloseTo(expected.get('minutes')!, 10);
  });

  it('counts nothing twice across a restart that resamples and replays old samples', () => {
    const replayed = [...samples.slice(0, 10), samples[9], samples[8], ...samples.slice(10)];
    expect(integrateAll(replayed).rows).toEqual(integrateAll(samples).rows);
  });

  it('every hour row has at most 60 minutes', () => {
    for (const row of integrateAll(samples).rows) expect(row.minutes).toBeLessThanOrEqual(60 + 1e-9);
  });
});
