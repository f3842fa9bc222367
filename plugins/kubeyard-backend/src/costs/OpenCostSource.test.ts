import { GIB, IDLE_KEY } from '@kubeyard/backstage-plugin-kubeyard-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenCostSource, type OpenCostAllocation } from './OpenCostSource';

const HOUR = 3_600_000;

/** An allocation as OpenCost returns it for one namespace and one hour. */
function allocation(namespace: string, start: number, cpu: number, ramGiB: number): OpenCostAllocation {
  const window = { start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(start + HOUR).toISOString().replace('.000Z', 'Z') };
  return {
    name: namespace,
    properties: namespace === '__idle__' ? { cluster: 'prod' } : { cluster: 'prod', namespace },
    window,
    start: window.start,
    end: window.end,
    minutes: 60,
    cpuCoreHours: cpu,
    cpuCoreRequestAverage: cpu,
    cpuCoreUsageAverage: cpu / 2,
    cpuCost: cpu * 0.031611,
    ramByteHours: ramGiB * GIB,
    ramByteRequestAverage: ramGiB * GIB,
    ramByteUsageAverage: (ramGiB * GIB) / 4,
    ramCost: ramGiB * 0.004237,
    pvByteHours: 0,
    pvCost: 0,
    totalCost: cpu * 0.031611 + ramGiB * 0.004237,
  };
}

describe('OpenCostSource', () => {
  const requests: URL[] = [];
  let server: http.Server;
  let url: string;
  let failing = false;

  beforeAll(async () => {
    // An OpenCost-shaped fixture: /allocation/compute with window=<start>,<end>&step=1h.
    server = http.createServer((req, res) => {
      const u = new URL(req.url!, 'http://x');
      requests.push(u);
      if (failing) {
        res.writeHead(503).end('warming up');
        return;
      }
      if (u.pathname !== '/allocation/compute') {
        res.writeHead(404).end();
        return;
      }
      const [from, to] = u.searchParams.get('window')!.split(',').map(Date.parse);
      const data = [];
      // Like OpenCost: idle only when asked for, and shared into the namespaces unless told not to.
      const idle = u.searchParams.get('includeIdle') === 'true' && u.searchParams.get('shareIdle') === 'false';
      for (let h = from; h < to; h += HOUR) {
        data.push({ payments: allocation('payments', h, 2, 4), legacy: allocation('legacy', h, 1, 1), ...(idle ? { __idle__: allocation('__idle__', h, 5, 27) } : {}) });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 200, data }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  const owners = (_cluster: string, namespace: string) => (namespace === 'payments' ? { tenant: 'payments', owner: 'group:default/team-payments' } : undefined);

  it('fetches the closed hours after the watermark and maps OpenCost fields to hourly rows', async () => {
    const now = Date.parse('2026-03-02T10:20:00Z');
    const source = new OpenCostSource({ urls: { prod: url }, requestTimeoutMs: 5000, now: () => new Date(now) });
    const result = await source.collect('prod', '2026-03-02T07:00:00.000Z', owners);
    const query = requests[requests.length - 1];
    expect(query.searchParams.get('window')).toBe('2026-03-02T07:00:00Z,2026-03-02T10:00:00Z');
    expect(query.searchParams.get('aggregate')).toBe('namespace');
    expect(query.searchParams.get('step')).toBe('1h');
    expect(query.searchParams.get('includeIdle')).toBe('true');
    expect(query.searchParams.get('shareIdle')).toBe('false');
    expect(result.watermark).toBe('2026-03-02T10:00:00.000Z');
    expect(result.rows).toHaveLength(9);
    const payments = result.rows.find(r => r.namespace === 'payments' && r.hour === '2026-03-02T08:00:00.000Z')!;
    expect(payments).toMatchObject({ cluster: 'prod', workload: '', owner: 'group:default/team-payments', tenant: 'payments', minutes: 60, cpuChargedCoreHours: 2, cpuRequestCoreHours: 2, cpuUsageCoreHours: 1 });
    expect(payments.ramUsageByteHours).toBe(GIB);
    expect(payments.cpuCost).toBeCloseTo(2 * 0.031611);
    expect(result.rows.filter(r => r.namespace === IDLE_KEY)).toHaveLength(3);
    expect(result.rows.find(r => r.namespace === 'legacy')!.owner).toBeNull();
  });

  it('asks for nothing within the same hour, one hour on the first run, and fails on errors', async () => {
    const source = new OpenCostSource({ urls: { prod: url }, requestTimeoutMs: 5000, now: () => new Date('2026-03-02T10:50:00Z') });
    const count = requests.length;
    expect(await source.collect('prod', '2026-03-02T10:00:00.000Z', owners)).toEqual({ rows: [], watermark: '2026-03-02T10:00:00.000Z' });
    expect(requests.length).toBe(count);
    const first = await source.collect('prod', undefined, owners);
    expect(new Set(first.rows.map(r => r.hour))).toEqual(new Set(['2026-03-02T09:00:00.000Z']));
    failing = true;
    await expect(source.collect('prod', '2026-03-02T08:00:00.000Z', owners)).rejects.toThrow(/HTTP 503 warming up/);
    failing = false;
  });

  it('charges only the rest of an hour the watermark falls in', async () => {
    // The model recorded up to 13:27 before the cluster switched to OpenCost.
    const source = new OpenCostSource({ urls: { prod: url }, requestTimeoutMs: 5000, now: () => new Date('2026-03-02T15:10:00Z') });
    const result = await source.collect('prod', '2026-03-02T13:27:00.000Z', owners);
    expect(requests[requests.length - 1].searchParams.get('window')).toBe('2026-03-02T13:00:00Z,2026-03-02T15:00:00Z');
    expect(result.gap).toBeUndefined();
    const payments = (hour: string) => result.rows.find(r => r.namespace === 'payments' && r.hour === hour)!;
    const share = 33 / 60;
    expect(payments('2026-03-02T13:00:00.000Z').minutes).toBeCloseTo(33);
    expect(payments('2026-03-02T13:00:00.000Z').cpuChargedCoreHours).toBeCloseTo(2 * share);
    expect(payments('2026-03-02T13:00:00.000Z').cpuCost).toBeCloseTo(2 * 0.031611 * share);
    expect(result.rows.find(r => r.namespace === IDLE_KEY && r.hour === '2026-03-02T13:00:00.000Z')!.ramChargedByteHours).toBeCloseTo(27 * GIB * share);
    expect(payments('2026-03-02T14:00:00.000Z').cpuChargedCoreHours).toBe(2);
  });

  it('records history older than the backfill limit as a gap from the watermark', async () => {
    const source = new OpenCostSource({ urls: { prod: url }, requestTimeoutMs: 5000, maxBackfillMs: 2 * HOUR, now: () => new Date('2026-03-02T15:10:00Z') });
    const result = await source.collect('prod', '2026-03-02T10:27:00.000Z', owners);
    expect(result.gap).toEqual({ cluster: 'prod', from: '2026-03-02T10:27:00.000Z', to: '2026-03-02T13:00:00.000Z' });
    expect(result.rows.find(r => r.namespace === 'payments' && r.hour === '2026-03-02T13:00:00.000Z')!.minutes).toBe(60);
  });
});
