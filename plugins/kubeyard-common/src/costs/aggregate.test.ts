import { IDLE_KEY, UNALLOCATED_KEY } from '../api/costTypes';
import { aggregateCosts, allocate, dailySeries, utcDays } from './aggregate';
import { costGroupKey } from './costGroupKey';
import { GIB } from './hourRows';
import { SharedCostRow, shareIdle } from './shareIdle';
import { hourRow } from './testing/builders';
import { CostHourRow } from './types';

const H0 = '2026-11-22T12:00:00.000Z';
const H1 = '2026-11-22T13:00:00.000Z';
const day = { start: '2026-11-22T00:00:00Z', end: '2026-11-23T00:00:00Z' };
const team = (owner: string) => ({ owner: `group:default/${owner}`, tenant: owner });
const separate = (rows: CostHourRow[]): SharedCostRow[] => rows.map(r => ({ ...r, sharedCost: 0 }));

describe('allocate', () => {
  const rows = [
    hourRow(H0, 'shop', { cpuReq: 2, cpuUse: 1, ramReq: 4, ramUse: 2, pv: 10 }, team('a')),
    hourRow(H1, 'shop', { cpuReq: 2, cpuUse: 3, ramReq: 4, ramUse: 4 }, team('a')),
    hourRow(H1, 'web', { cpuReq: 1, cpuUse: 0.5, workload: 'web' }, team('a')),
    hourRow(H1, 'misc', { cpuReq: 1 }),
  ];

  it('sums integrals and divides averages by the hours of the window', () => {
    const [a] = allocate(separate(rows), costGroupKey('owner'), day);
    expect(a).toMatchObject({
      name: 'group:default/a',
      start: '2026-11-22T00:00:00.000Z',
      end: '2026-11-23T00:00:00.000Z',
      minutes: 120,
      cpuCoreHours: 2 + 3 + 1,
      pvByteHours: 10 * GIB,
      ramByteHours: 8 * GIB,
    });
    expect(a.cpuCoreRequestAverage).toBeCloseTo(5 / 24, 12);
    expect(a.cpuCoreUsageAverage).toBeCloseTo(4.5 / 24, 12);
    expect(a.ramByteRequestAverage).toBeCloseTo((8 * GIB) / 24, 3);
    expect(a.ramByteUsageAverage).toBeCloseTo((6 * GIB) / 24, 3);
    expect(a.cpuCost).toBeCloseTo(6 * 0.05, 12);
    expect(a.totalCost).toBeCloseTo(6 * 0.05 + 8 * 0.01 + 10 * 0.001, 12);
  });

  it.each<[string, CostHourRow[], number | null]>([
    // (usage cost) / (request cost) = (4.5 × 0.05 + 6 × 0.01) / (5 × 0.05 + 8 × 0.01)
    ['OpenCost efficiency from the implied prices', rows.slice(0, 3), (4.5 * 0.05 + 6 * 0.01) / (5 * 0.05 + 8 * 0.01)],
    ['above 1 when usage exceeds requests', [hourRow(H0, 'x', { cpuReq: 1, cpuUse: 2 })], 2],
    ['null when nothing was requested', [hourRow(H0, 'x', { cpuReq: 0, cpuUse: 2, pv: 5 })], null],
    ['null for idle rows (no requests)', [hourRow(H0, IDLE_KEY, { cpuReq: 0, cpuUse: 0 })], null],
  ])('efficiency: %s', (_, input, expected) => {
    const [a] = allocate(separate(input), () => 'all', day);
    if (expected === null) expect(a.efficiency).toBeNull();
    else expect(a.efficiency).toBeCloseTo(expected, 12);
  });

  it('weighs efficiency by the price of each hour (a price change inside the window)', () => {
    const cheap = hourRow(H0, 'x', { cpuReq: 1, cpuUse: 0 });
    const dear = { ...hourRow(H1, 'x', { cpuReq: 1, cpuUse: 1 }), cpuCost: 0.15 }; // 3× the price
    const [a] = allocate(separate([cheap, dear]), () => 'x', day);
    expect(a.efficiency).toBeCloseTo(0.15 / 0.2, 12);
  });

  it('leaves out rows outside [start, end) and orders by totalCost, then name', () => {
    const groups = allocate(separate(rows), costGroupKey('namespace'), { start: H1, end: '2026-11-22T14:00:00Z' });
    expect(groups.map(g => [g.name, g.minutes])).toEqual([['prod/shop', 60], ['prod/misc', 60], ['prod/web', 60]]);
    expect(groups[0].cpuCoreHours).toBe(3);
    expect(groups[0].cpuCoreRequestAverage).toBe(2);
  });
});

describe('shareIdle', () => {
  // Cluster-hour H0 on prod: idle 4 cores, 10 GiB; requests: shop 2 cores (0.1), web 1 core +
  // 10 GiB (0.05 + 0.1), batch only usage (no request → no share).
  const prodH0 = [
    hourRow(H0, 'shop', { cpuReq: 2 }, team('a')),
    hourRow(H0, 'web', { cpuReq: 1, ramReq: 10 }, team('b')),
    hourRow(H0, 'batch', { cpuReq: 0, cpuUse: 1 }),
    hourRow(H0, IDLE_KEY, { cpuReq: 0, cpuUse: 0, ramReq: 0, ramUse: 0 }),
  ];
  prodH0[3] = { ...prodH0[3], cpuChargedCoreHours: 4, ramChargedByteHours: 10 * GIB, cpuCost: 0.2, ramCost: 0.1 };
  const idleCost = 0.3;
  // Another cluster-hour with idle but no requests at all: its idle stays idle.
  const devH0 = [{ ...hourRow(H0, IDLE_KEY, { cluster: 'dev' }), cpuChargedCoreHours: 2, cpuCost: 0.1 }, hourRow(H0, 'x', { cluster: 'dev', cpuUse: 1 })];

  it.each<[string, number]>([['shop', (idleCost * 0.1) / 0.25], ['web', (idleCost * 0.15) / 0.25], ['batch', 0]])(
    'shares idle in proportion to requested cost: %s',
    (namespace, share) => {
      const row = shareIdle(prodH0, 'share').find(r => r.namespace === namespace)!;
      expect(row.sharedCost).toBeCloseTo(share, 12);
    },
  );

  it('shares add up to the idle cost (the last recipient takes the remainder), and no idle row is left', () => {
    const shared = shareIdle(prodH0, 'share');
    expect(shared.some(r => r.namespace === IDLE_KEY)).toBe(false);
    expect(shared.reduce((sum, r) => sum + r.sharedCost, 0)).toBeCloseTo(idleCost, 14);
  });

  it.each([
    [[0.1, 0.2, 0.3, 0.7, 1 / 3, 2 / 3, 1e-9, 17]],
    [[1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7, 1 / 7]],
  ])('the sum holds to the last float digits with awkward weights %j', weights => {
    const rows = weights.map((w, i) => hourRow(H0, `ns${i}`, { cpuReq: w }));
    const idle = { ...hourRow(H0, IDLE_KEY), cpuChargedCoreHours: 1.1, cpuCost: 0.055 };
    const shared = shareIdle([...rows, idle], 'share');
    expect(shared.reduce((sum, r) => sum + r.sharedCost, 0)).toBeCloseTo(0.055, 15);
  });

  it('keeps idle as IDLE_KEY in a cluster-hour without requests, and shares per cluster-hour', () => {
    const shared = shareIdle([...prodH0, ...devH0], 'share');
    expect(shared.filter(r => r.namespace === IDLE_KEY).map(r => [r.cluster, r.sharedCost])).toEqual([['dev', 0]]);
    expect(shared.filter(r => r.cluster === 'dev' && r.namespace === 'x')[0].sharedCost).toBe(0);
  });

  it('separate: every row kept, nothing shared', () => {
    expect(shareIdle(prodH0, 'separate').map(r => r.sharedCost)).toEqual([0, 0, 0, 0]);
  });

  it('total cost is the same either way; share moves idle into groups', () => {
    const rows = [...prodH0, ...devH0];
    const options = { window: day, groupBy: 'owner' as const, step: 'total' as const };
    const shared = aggregateCosts(rows, { ...options, idle: 'share' });
    const apart = aggregateCosts(rows, { ...options, idle: 'separate' });
    expect(shared.totals.totalCost).toBeCloseTo(apart.totals.totalCost, 12);
    expect(apart.groups.find(g => g.name === IDLE_KEY)!.totalCost).toBeCloseTo(0.4, 12);
    expect(shared.groups.find(g => g.name === IDLE_KEY)!.totalCost).toBeCloseTo(0.1, 12);
    expect(shared.groups.find(g => g.name === 'group:default/a')!.sharedCost).toBeCloseTo(0.12, 12);
    expect(shared.groups.find(g => g.name === UNALLOCATED_KEY)!.sharedCost).toBe(0);
  });
});

describe('daily series', () => {
  it('splits the window into UTC days, clipped, empty days kept', () => {
    expect(utcDays({ start: '2026-11-22T13:00:00Z', end: '2026-11-24T06:00:00Z' }).map(d => [new Date(d.start).toISOString(), new Date(d.end).toISOString()])).toEqual([
      ['2026-11-22T13:00:00.000Z', '2026-11-23T00:00:00.000Z'],
      ['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z'],
      ['2026-11-24T00:00:00.000Z', '2026-11-24T06:00:00.000Z'],
    ]);
  });

  it('puts each hour in its UTC day, averages over the bucket', () => {
    const rows = separate([hourRow('2026-11-22T23:00:00.000Z', 'shop', { cpuReq: 2 }), hourRow('2026-11-23T00:00:00.000Z', 'shop', { cpuReq: 4 })]);
    const series = dailySeries(rows, costGroupKey('cluster'), { start: '2026-11-22T00:00:00Z', end: '2026-11-25T00:00:00Z' });
    expect(series.map(b => [b.start, b.allocations.map(a => a.cpuCoreHours)])).toEqual([
      ['2026-11-22T00:00:00.000Z', [2]],
      ['2026-11-23T00:00:00.000Z', [4]],
      ['2026-11-24T00:00:00.000Z', []],
    ]);
    expect(series[1].allocations[0].cpuCoreRequestAverage).toBeCloseTo(4 / 24, 12);
  });

  it('aggregateCosts: step total has no series; include filters after sharing; label names groups', () => {
    const rows = [hourRow(H0, 'shop', { cpuReq: 1 }, team('a')), hourRow(H0, 'web', { cpuReq: 1 }, team('b')), { ...hourRow(H0, IDLE_KEY), cpuChargedCoreHours: 2, cpuCost: 0.1 }];
    const report = aggregateCosts(rows, {
      window: day,
      groupBy: 'owner',
      idle: 'share',
      include: r => r.owner === 'group:default/a',
      label: key => key.replace('group:default/', 'Team '),
    });
    expect(report.groups.map(g => g.label)).toEqual(['Team a']);
    expect(report.groups[0].sharedCost).toBeCloseTo(0.05, 15);
    expect(report.totals).toMatchObject({ name: '__total__', label: 'Total' });
    expect(report.totals.totalCost).toBeCloseTo(0.1, 15);
    expect(report.series).toHaveLength(1);
    expect(aggregateCosts(rows, { window: day, groupBy: 'owner', idle: 'share', step: 'total' }).series).toEqual([]);
    expect(aggregateCosts([], { window: day, groupBy: 'owner', idle: 'share' }).totals).toMatchObject({ totalCost: 0, efficiency: null });
  });
});
