/*
 * The collector against the embedded fleet, end to end: a simulated week sampled every 15
 * minutes through the plugin's scheduled task, with a backend restart and a missed interval
 * half-way and one cluster down for two hours; GET /costs is checked against totals computed
 * here, independently, from the simulator's pods and its usage function.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials, BackstageUserPrincipal, SchedulerService, ServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult, type PolicyDecision } from '@backstage/plugin-permission-common';
import type { CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator, type KubeObject } from '@kubeyard/kube-simulator';
import { podUsage } from '@kubeyard/kube-simulator/src/controllers/usage';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { costScenario } from '../testing/costScenario';
import { startKubeyardTestBackend } from '../testing/startKubeyardTestBackend';
import { COST_COLLECTION_TASK } from './costFeature';
import { createCostConditionalDecision, costConditions } from './costPermissions';

jest.setTimeout(240_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const INTERVAL = 15 * MINUTE;
const GIB = 1024 ** 3;
const PRICES = { cpu: 0.05, ram: 0.01, pv: 0.001 };
const WEEK_STEPS = (7 * 24 * HOUR) / INTERVAL;

const PLATFORM = 'user:default/pat';
const ALICE = 'user:default/alice';
const GUEST = 'user:default/guest';
const CLAIMS: Record<string, string[]> = { [ALICE]: [ALICE, 'group:default/team-payments'] };
/** What mockServices.scheduler() returns besides the service: a factory to install it, tasks run on demand. */
type MockScheduler = SchedulerService & { factory(options?: { skipTaskRunOnStartup?: boolean }): ServiceFactory<SchedulerService, 'plugin', 'singleton'> };

const userOf = (credentials: BackstageCredentials) => (credentials.principal as BackstageUserPrincipal).userEntityRef;

/** The reference app's cost policy, as the permission mock: platform all, members their groups', guest nothing. */
const permissions = mockServices.permissions.mock({
  async authorize(requests) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
  async authorizeConditional(requests, options): Promise<PolicyDecision[]> {
    const user = userOf(options!.credentials);
    return requests.map(({ permission }) => {
      if (user === GUEST) return { result: AuthorizeResult.DENY };
      if (!CLAIMS[user]) return { result: AuthorizeResult.ALLOW };
      return createCostConditionalDecision(permission as any, costConditions.isCostOwner({ claims: CLAIMS[user] }));
    }) as PolicyDecision[];
  },
});

const group = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title: `Team ${name}`, annotations },
  spec: { type: 'team', children: [] },
});
const entities = [
  group('team-payments', { 'kubeyard.io/cost-center': 'cc-payments', 'kubeyard.io/monthly-budget': '1' }),
  group('team-search'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'payments-api' } },
    spec: { type: 'service', owner: 'group:default/team-payments', lifecycle: 'production' },
  },
];

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** What the model should have charged, computed here from the simulator's own pods and usage. */
class Expected {
  readonly owners = new Map<string, number>();
  readonly clusters = new Map<string, number>();
  readonly byHour = new Map<number, number>();
  private readonly previous = new Map<string, number>();

  constructor(private readonly sim: Awaited<ReturnType<typeof startSimulator>>) {}

  private add(map: Map<any, number>, key: unknown, value: number) {
    map.set(key, (map.get(key) ?? 0) + value);
  }

  /** A successful sample of `cluster` at `t`: readings at t stand for (watermark, t], at most 2 intervals. */
  sample(cluster: string, t: number) {
    const previous = this.previous.get(cluster);
    const from = previous === undefined ? t - INTERVAL : Math.max(previous, t - 2 * INTERVAL);
    this.previous.set(cluster, t);
    const pods = this.sim.store(cluster).list({ group: '', version: 'v1', resource: 'pods' }, undefined).items as KubeObject[];
    let charged = 0;
    let cpuCharged = 0;
    let ramCharged = 0;
    for (const pod of pods) {
      const spec = pod.spec as any;
      const requestCpu = spec.containers.length * 0.25;
      const requestRam = spec.containers.length * 256 * 2 ** 20;
      const usage = podUsage(pod, new Date(t), {});
      // As metrics.k8s.io rounds: nanocores and KiB.
      const cpu = usage.reduce((s, c) => s + Math.round(c.cpuCores * 1e9) / 1e9, 0);
      const ram = usage.reduce((s, c) => s + Math.round(c.memoryBytes / 1024) * 1024, 0);
      const podCost = Math.max(requestCpu, cpu) * PRICES.cpu + (Math.max(requestRam, ram) / GIB) * PRICES.ram;
      const owner = ({ payments: 'group:default/team-payments', search: 'group:default/team-search' } as Record<string, string>)[pod.metadata.namespace!] ?? '__unallocated__';
      this.add(this.owners, owner, (podCost * (t - from)) / HOUR);
      charged += podCost;
      cpuCharged += Math.max(requestCpu, cpu);
      ramCharged += Math.max(requestRam, ram);
    }
    const pv = ((20 * GIB) / GIB) * PRICES.pv;
    this.add(this.owners, 'group:default/team-payments', (pv * (t - from)) / HOUR);
    const idle = Math.max(0, 16 - cpuCharged) * PRICES.cpu + (Math.max(0, 64 * GIB - ramCharged) / GIB) * PRICES.ram;
    this.add(this.owners, '__idle__', (idle * (t - from)) / HOUR);
    const total = ((charged + pv + idle) * (t - from)) / HOUR;
    this.add(this.clusters, cluster, total);
    // Samples are on quarter hours, so (from, t] lies in one hour unless it covers a gap.
    this.add(this.byHour, Math.floor((t - 1) / HOUR) * HOUR, total);
  }

  total() {
    return [...this.clusters.values()].reduce((a, b) => a + b, 0);
  }
}

describe('cost collection on the embedded fleet', () => {
  const start = Math.floor((Date.now() - 8 * 24 * HOUR) / HOUR) * HOUR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-costs-'));
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let backend: Awaited<ReturnType<typeof startKubeyardTestBackend>> | undefined;
  let scheduler: MockScheduler;
  let expected: Expected;
  const sampled: number[] = [];
  const from = new Date(start).toISOString().slice(0, 10);
  const to = new Date(start + 9 * 24 * HOUR).toISOString().slice(0, 10);

  const get = (query: Record<string, string>, user = PLATFORM, pathname = '/api/kubeyard/costs') =>
    request(backend!.server).get(pathname).query(query).set('authorization', mockCredentials.user.header(user));

  async function startBackend() {
    scheduler = mockServices.scheduler() as MockScheduler;
    backend = await startKubeyardTestBackend({
      fleet: sim,
      entities: entities as any,
      features: [scheduler.factory({ skipTaskRunOnStartup: true }), permissions.factory],
      database: { client: 'better-sqlite3', connection: { directory: dir } },
      // A week of hourly rows: the first simulated day is pruned to its daily rollup.
      kubeyard: { costs: { sampleIntervalMinutes: 15, hourlyRetentionDays: 7, idle: 'separate', budgets: { groups: [{ group: 'group:default/team-search', monthlyBudget: 100000 }] } } },
    });
    await eventually('the index', async () => {
      const res = await request(backend!.server).get('/api/kubeyard/clusters');
      const want: Record<string, number> = { alpha: 1.5, beta: 1.75 };
      return res.body.clusters?.length === 2 && res.body.clusters.every((c: any) => c.sync.state === 'synced' && Math.abs(c.cpu.requestedCores - want[c.name]) < 1e-9);
    });
  }

  async function step(down: string[] = [], collect = true) {
    await sim.clock.advance(INTERVAL);
    if (!collect) return;
    await scheduler.triggerTask(COST_COLLECTION_TASK);
    const t = sim.clock.now().getTime();
    sampled.push(t);
    for (const cluster of ['alpha', 'beta']) if (!down.includes(cluster)) expected.sample(cluster, t);
  }

  beforeAll(async () => {
    sim = await startSimulator({ scenario: costScenario(new Date(start - 30 * MINUTE).toISOString()), port: 0, seed: 3 });
    // Half an hour for the controllers to schedule and start every pod.
    await sim.clock.advance(30 * MINUTE);
    for (const cluster of ['alpha', 'beta']) {
      const pods = sim.store(cluster).list({ group: '', version: 'v1', resource: 'pods' }, undefined).items;
      if (!pods.every(p => (p.status as any)?.phase === 'Running')) throw new Error(`pods of ${cluster} are not all running`);
    }
    expected = new Expected(sim);
    await startBackend();

    // Days 1–3.5, then the backend stops; the interval while it is down is missed.
    for (let i = 0; i < WEEK_STEPS / 2; i++) await step();
    await backend!.stop();
    await step([], false);
    await startBackend();
    // Day 5: beta is down for two hours (8 samples fail).
    for (let i = WEEK_STEPS / 2 + 1; i < WEEK_STEPS; i++) {
      const outage = i >= 400 && i < 408;
      if (i === 400) sim.faults.set('beta', { down: true });
      if (i === 408) {
        sim.faults.clear('beta');
        await eventually('beta to come back', async () => (await request(backend!.server).get('/api/kubeyard/clusters')).body.clusters.every((c: any) => c.sync.state === 'synced'));
      }
      await step(outage ? ['beta'] : []);
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('charges exactly what the pods requested or used, once, across a restart and a missed interval', async () => {
    const res = await get({ from, to, groupBy: 'owner', step: 'total' });
    expect(res.status).toBe(200);
    const report = res.body as CostReport;
    expect(report.totals.totalCost).toBeGreaterThan(0);
    expect(report.totals.totalCost).toBeCloseTo(expected.total(), 6);
    const byOwner = Object.fromEntries(report.groups.map(g => [g.name, g.totalCost]));
    for (const [owner, cost] of expected.owners) expect(byOwner[owner]).toBeCloseTo(cost, 6);
    expect(report.groups.find(g => g.name === 'group:default/team-payments')?.label).toBe('Team team-payments');
  });

  it('answers short windows from hourly rows with the same figures', async () => {
    const day = start + 2 * 24 * HOUR;
    const res = await get({ from: new Date(day).toISOString(), to: new Date(day + 24 * HOUR).toISOString(), groupBy: 'cluster', step: 'day' });
    expect(res.status).toBe(200);
    const want = [...expected.byHour].filter(([h]) => h >= day && h < day + 24 * HOUR).reduce((s, [, v]) => s + v, 0);
    expect(res.body.totals.totalCost).toBeCloseTo(want, 6);
    // 24 hours from an hour that is not midnight: two UTC days.
    expect(res.body.series.map((b: any) => b.start)).toEqual([new Date(day).toISOString(), `${new Date(day + 24 * HOUR).toISOString().slice(0, 10)}T00:00:00.000Z`]);
    const days = res.body.series.flatMap((b: any) => b.allocations).reduce((s: number, a: any) => s + a.totalCost, 0);
    expect(days).toBeCloseTo(want, 6);
  });

  it('answers a day older than the hourly retention from daily rollups, and refuses hours there', async () => {
    const day = Math.floor(start / (24 * HOUR)) * 24 * HOUR;
    const res = await get({ from: new Date(day).toISOString().slice(0, 10), to: new Date(day + 24 * HOUR).toISOString().slice(0, 10), groupBy: 'cluster', step: 'total' });
    expect(res.status).toBe(200);
    const want = [...expected.byHour].filter(([h]) => h >= day && h < day + 24 * HOUR).reduce((s, [, v]) => s + v, 0);
    expect(want).toBeGreaterThan(0);
    expect(res.body.totals.totalCost).toBeCloseTo(want, 6);
    const hours = await get({ from: new Date(day + HOUR).toISOString(), to: new Date(day + 24 * HOUR).toISOString().slice(0, 10), groupBy: 'cluster' });
    expect(hours.status).toBe(400);
    expect(hours.body.fields).toEqual([{ field: 'from', message: expect.stringContaining('hourly detail is kept 7 days') }]);
  });

  it('reports the outage as a gap and the source state per cluster', async () => {
    const res = await get({ from, to, groupBy: 'cluster' });
    const report = res.body as CostReport;
    // Down for samples 400–407; sample 408 covers two intervals, the rest is a gap.
    const lastBefore = sampled[399 - 1];
    expect(report.gaps).toEqual([{ cluster: 'beta', from: new Date(lastBefore).toISOString(), to: new Date(sampled[408 - 1] - 2 * INTERVAL).toISOString() }]);
    // The restart's missed interval was covered by the next sample, not a gap.
    expect(report.sources.map(s => [s.cluster, s.source, s.lastSampleAt, s.error])).toEqual([
      ['alpha', 'model', new Date(sampled[sampled.length - 1]).toISOString(), undefined],
      ['beta', 'model', new Date(sampled[sampled.length - 1]).toISOString(), undefined],
    ]);
    expect(report.series.length).toBe(9);
    const total = report.groups.reduce((s, g) => s + g.totalCost, 0);
    expect(total).toBeCloseTo(expected.total(), 6);
  });

  it('shows members only their groups’ rows', async () => {
    const res = await get({ from, to, groupBy: 'namespace', step: 'total' }, ALICE);
    expect(res.status).toBe(200);
    const report = res.body as CostReport;
    expect(report.groups.map(g => g.name).sort()).toEqual(['alpha/payments', 'beta/payments']);
    expect(report.totals.totalCost).toBeCloseTo(expected.owners.get('group:default/team-payments')!, 6);
    // The payments group's budget (annotation: 1 a month) is visible and over; team-search's is not visible.
    expect(report.budgets.map(b => [b.kind, b.key, b.status, b.source])).toEqual([['group', 'group:default/team-payments', 'over', 'kubeyard.io/monthly-budget']]);
    expect(report.findings.filter(f => f.id === 'cost.budget.forecast-over').map(f => f.object.name)).toEqual(['group:default/team-payments']);
    const other = await get({ from, to, groupBy: 'owner', owner: 'group:default/team-search' }, ALICE);
    expect(other.status).toBe(200);
    expect(other.body.groups).toEqual([]);
    expect(other.body.totals.totalCost).toBe(0);
  });

  it('narrows to a catalog entity', async () => {
    const component = await get({ from, to, groupBy: 'namespace', step: 'total', entityRef: 'component:default/payments-api' });
    expect(component.status).toBe(200);
    expect(component.body.groups.map((g: any) => g.name).sort()).toEqual(['alpha/payments', 'beta/payments']);
    // The workload's pods only: the claim belongs to the namespace, not to the Component.
    expect(component.body.totals.pvCost).toBe(0);
    const team = await get({ from, to, groupBy: 'owner', step: 'total', entityRef: 'group:default/team-search' });
    expect(team.body.groups.map((g: any) => g.name)).toEqual(['group:default/team-search']);
    expect(team.body.budgets.map((b: any) => [b.key, b.source, b.status])).toEqual([['group:default/team-search', 'config', 'ok']]);
    // One cluster's month-to-date would understate a budget: none are shown.
    const oneCluster = await get({ from, to, groupBy: 'owner', step: 'total', cluster: 'alpha' });
    expect(oneCluster.status).toBe(200);
    expect(oneCluster.body.budgets).toEqual([]);
    expect(oneCluster.body.findings.filter((f: any) => f.id.startsWith('cost.budget.'))).toEqual([]);
  });

  it('exports the same report as FOCUS CSV', async () => {
    const res = await get({ from, to, groupBy: 'owner', step: 'total' }, PLATFORM, '/api/kubeyard/costs/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kubeyard-costs-owner-.*\.csv"$/);
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^ChargePeriodStart,ChargePeriodEnd,BilledCost/);
    expect(lines.length).toBe(1 + 4);
  });

  it('answers 403 without kubeyard.cost.read and 400 with the fields at fault', async () => {
    expect((await get({ from, to, groupBy: 'owner' }, GUEST)).status).toBe(403);
    const bad = await get({ from: '2026-13-01', to, groupBy: 'team', color: 'blue' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.field).sort()).toEqual(['color', 'from', 'groupBy']);
    const wrongKind = await get({ from, to, entityRef: 'user:default/alice' });
    expect(wrongKind.status).toBe(404);
    expect((await get({ from: to, to: from })).status).toBe(400);
  });

  // Last: the clusters' clocks part ways here (without metrics the sample time is the backend's).
  it('charges a cluster without metrics.k8s.io at its requests with a warning, and shows raw errors to the platform only', async () => {
    const before = (await get({ from, to, groupBy: 'cluster' })).body as CostReport;
    sim.faults.set('alpha', { errorStatus: 404, pathPattern: '^/apis/metrics\\.k8s\\.io' });
    sim.faults.set('beta', { errorStatus: 500, pathPattern: '^/apis/metrics\\.k8s\\.io' });
    await sim.clock.advance(INTERVAL);
    await scheduler.triggerTask(COST_COLLECTION_TASK);
    sim.faults.clear('alpha');
    sim.faults.clear('beta');
    const report = (await get({ from, to, groupBy: 'cluster' })).body as CostReport;
    const alpha = report.sources.find(s => s.cluster === 'alpha')!;
    expect(alpha.warning).toMatch(/^metrics\.k8s\.io not served \(HTTP 404.*\): usage counted as requests$/);
    expect(alpha.error).toBeUndefined();
    expect(alpha.lastSampleAt! > before.sources.find(s => s.cluster === 'alpha')!.lastSampleAt!).toBe(true);
    const beta = report.sources.find(s => s.cluster === 'beta')!;
    expect(beta.error).toMatch(/HTTP 500/);
    const member = (await get({ from, to, groupBy: 'cluster' }, ALICE)).body as CostReport;
    expect(member.sources.find(s => s.cluster === 'beta')!.error).toBe('collection failing');
  });
});
