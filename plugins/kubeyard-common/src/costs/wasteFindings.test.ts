import { IDLE_KEY } from '../api/costTypes';
import { hourRow } from './testing/builders';
import { CostHourRow } from './types';
import { wasteFindings } from './wasteFindings';

const hour = (h: number) => new Date(Date.UTC(2026, 10, 22, h)).toISOString();
// cpu usage per hour for namespace shop (2 cores requested): < 1 is wasteful (> 50 % unused).
const shop = (usages: Array<number | null>, startHour = 0, extra: Partial<Parameters<typeof hourRow>[2]> = {}): CostHourRow[] =>
  usages.flatMap((use, i) => (use === null ? [] : [hourRow(hour(startHour + i), 'shop', { cpuReq: 2, cpuUse: use, ...extra })]));

describe('wasteFindings', () => {
  it.each<[string, CostHourRow[], number]>([
    ['5 wasteful hours: no finding', shop([0.5, 0.5, 0.5, 0.5, 0.5]), 0],
    ['6 wasteful hours: a finding', shop([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 6],
    ['exactly 50 % unused is not waste', shop([1, 1, 1, 1, 1, 1]), 0],
    ['one busy hour breaks the run (3 + 3)', shop([0.5, 0.5, 0.5, 1.5, 0.5, 0.5, 0.5]), 0],
    ['a missing hour breaks the run (5 + 1)', shop([0.5, 0.5, 0.5, 0.5, 0.5, null, 0.5]), 0],
    ['the longest run is reported (2, then 7)', shop([0.5, 0.5, 2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), 7],
    ['no requests: no waste', shop([0, 0, 0, 0, 0, 0], 0, { cpuReq: 0 }), 0],
    ['idle rows are not a namespace', Array.from({ length: 8 }, (_, h) => hourRow(hour(h), IDLE_KEY, { cpuReq: 4, cpuUse: 0 })), 0],
  ])('%s', (_, rows, runLength) => {
    const findings = wasteFindings(rows);
    expect(findings).toHaveLength(runLength ? 1 : 0);
    if (runLength) expect(findings[0].message).toContain(`for ${runLength} consecutive hours`);
  });

  it('sums workloads of a namespace per hour, and says which hours, by how much, and what to do', () => {
    const rows = [0, 1, 2, 3, 4, 5].flatMap(h => [
      hourRow(hour(h + 6), 'shop', { cpuReq: 1.5, cpuUse: 0.2 + h * 0.02, workload: 'shop-api' }),
      hourRow(hour(h + 6), 'shop', { cpuReq: 0.5, cpuUse: 0.3 }),
    ]);
    const [finding] = wasteFindings(rows);
    expect(finding).toEqual({
      id: 'cost.waste',
      severity: 'warning',
      object: { kind: 'Namespace', name: 'shop', namespace: 'shop', cluster: 'prod' },
      message:
        'Namespace shop on prod left more than half of its CPU requests unused for 6 consecutive hours, 2026-11-22 06:00–12:00 UTC: ' +
        '2 requested on average, 550m used (73 % unused; per hour 70 %–75 %).',
      fix:
        'Lower the CPU requests in shop to about 720m in total (peak hourly usage 600m + 20 % headroom), starting with shop-api 1250m unused, ' +
        '(pods without backstage.io/kubernetes-id) 200m unused; e.g. kubectl -n shop set resources deployment/<name> --requests=cpu=<value>, ' +
        'or run a VerticalPodAutoscaler in updateMode "Off" to get per-container recommendations.',
    });
  });

  it('keeps namespaces of different clusters apart', () => {
    const both = [...shop([0, 0, 0, 0, 0, 0]), ...shop([0, 0, 0], 0, { cluster: 'dev' })];
    expect(wasteFindings(both).map(f => f.object.cluster)).toEqual(['prod']);
  });

  it('takes its thresholds as options', () => {
    expect(wasteFindings(shop([0.5, 0.5, 0.5]), { hours: 3 })).toHaveLength(1);
    expect(wasteFindings(shop([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), { unusedRatio: 0.8 })).toHaveLength(0);
  });
});
