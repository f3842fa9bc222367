import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';
import { GIB, IDLE_KEY, integrateSample, type ClusterCostSample } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { Knex } from 'knex';
import type { NamespaceInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import { costGroupOf } from './costCatalog';
import { CostStore } from './CostStore';
import { costMigrations } from './migrations';
import { attributeNamespaces } from './namespaceAttribution';

jest.setTimeout(60_000);

// scripts/test.js passes KUBEYARD_TEST_PG on under the name TestDatabases reads.
if (process.env.KUBEYARD_TEST_PG) process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??= process.env.KUBEYARD_TEST_PG;
const postgres = Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING);
const databases = TestDatabases.create({ ids: ['SQLITE_3', ...(postgres ? (['POSTGRES_15'] as const) : [])], disableDocker: true });

const INTERVAL = 5 * 60_000;
const payments = { tenant: 'payments', owner: 'group:default/team-payments', costCenter: 'cc-1001' };

function sample(at: string, cpuRequest = 2): ClusterCostSample {
  return {
    cluster: 'prod',
    at,
    pods: [
      { namespace: 'payments', pod: 'api-1', workload: 'payments-api', cpuRequestCores: cpuRequest, cpuUsageCores: 1, ramRequestBytes: 4 * GIB, ramUsageBytes: 2 * GIB },
      { namespace: 'legacy', pod: 'old-1', workload: '', cpuRequestCores: 1, cpuUsageCores: 1.5, ramRequestBytes: GIB, ramUsageBytes: GIB },
    ],
    pvcBytesByNamespace: { payments: 10 * GIB },
    allocatableCpuCores: 8,
    allocatableRamBytes: 32 * GIB,
  };
}

async function collect(store: CostStore, at: string, cpuRequest?: number, previousAt?: string) {
  const previous = previousAt ?? (await store.watermark('prod'));
  const result = integrateSample(sample(at, cpuRequest), { previousAt: previous, intervalMs: INTERVAL, attribution: { payments }, prices: [] });
  return store.recordSample({ cluster: 'prod', source: 'model', previousAt: previous, watermark: result.watermark, rows: result.rows, gap: result.gap });
}

function storeSuite(databaseId: TestDatabaseId) {
  let knex: Knex;
  let store: CostStore;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await costMigrations.latest(knex);
    store = new CostStore(knex);
  });

  it('migrates down and up again', async () => {
    await costMigrations.rollbackAll(knex);
    expect(await knex.schema.hasTable('cost_hourly')).toBe(false);
    await costMigrations.latest(knex);
    expect(await knex.schema.hasTable('cost_daily')).toBe(true);
  });

  it('adds samples to their hours and days, and moves the watermark with them', async () => {
    // 23:55 (first: covers 23:50–23:55), 00:00, 00:05: two hours on two days.
    expect(await collect(store, '2026-03-01T23:55:00.000Z')).toBe(true);
    expect(await collect(store, '2026-03-02T00:00:00.000Z')).toBe(true);
    expect(await collect(store, '2026-03-02T00:05:00.000Z')).toBe(true);
    expect(await store.watermark('prod')).toBe('2026-03-02T00:05:00.000Z');

    const hours = await store.sumRows({ table: 'hourly', from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', keep: ['namespace', 'owner'] });
    const payments23 = hours.find(r => r.hour === '2026-03-01T23:00:00.000Z' && r.namespace === 'payments')!;
    expect(payments23).toMatchObject({ owner: 'group:default/team-payments', minutes: 10 });
    expect(payments23.cpuRequestCoreHours).toBeCloseTo(2 * (10 / 60));
    expect(payments23.cpuChargedCoreHours).toBeCloseTo(2 * (10 / 60));
    expect(payments23.pvByteHours / GIB).toBeCloseTo(10 * (10 / 60));
    const legacy00 = hours.find(r => r.hour === '2026-03-02T00:00:00.000Z' && r.namespace === 'legacy')!;
    expect(legacy00).toMatchObject({ owner: null, tenant: null, minutes: 5 });
    expect(legacy00.cpuChargedCoreHours).toBeCloseTo(1.5 * (5 / 60));

    const days = await store.sumRows({ table: 'daily', from: '2026-03-01', to: '2026-03-03', keep: ['cluster'], keepIdle: true });
    const day1 = days.filter(r => r.hour.startsWith('2026-03-01'));
    expect(day1.map(r => r.namespace).sort()).toEqual(['', IDLE_KEY]);
    const total = (rows: typeof hours) => rows.reduce((sum, r) => sum + r.cpuCost + r.ramCost + r.pvCost, 0);
    expect(total(days)).toBeCloseTo(total(hours), 10);
  });

  it('refuses a sample integrated from a stale watermark, writing nothing', async () => {
    const before = await store.sumRows({ table: 'daily', from: '2026-03-01', to: '2026-03-03', keep: [] });
    expect(await collect(store, '2026-03-02T00:10:00.000Z', 2, '2026-03-02T00:00:00.000Z')).toBe(false);
    expect(await store.watermark('prod')).toBe('2026-03-02T00:05:00.000Z');
    expect(await store.sumRows({ table: 'daily', from: '2026-03-01', to: '2026-03-03', keep: [] })).toEqual(before);
    // A second "first" sample of the same cluster is refused too.
    const first = integrateSample(sample('2026-03-02T00:10:00.000Z'), { intervalMs: INTERVAL, attribution: {}, prices: [] });
    expect(await store.recordSample({ cluster: 'prod', source: 'model', watermark: first.watermark, rows: first.rows })).toBe(false);
  });

  it('keeps the watermark through failures, then records the gap instead of charging it', async () => {
    await store.recordFailure('prod', 'model', 'connect ECONNREFUSED', '2026-03-02T00:10:00.000Z');
    expect(await store.clusterStates()).toEqual([
      { cluster: 'prod', source: 'model', sampledAt: '2026-03-02T00:05:00.000Z', attemptedAt: '2026-03-02T00:10:00.000Z', error: 'connect ECONNREFUSED' },
    ]);
    expect(await collect(store, '2026-03-02T01:05:00.000Z')).toBe(true);
    expect(await store.gaps('2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z')).toEqual([
      { cluster: 'prod', from: '2026-03-02T00:05:00.000Z', to: '2026-03-02T00:55:00.000Z' },
    ]);
    expect((await store.clusterStates())[0].error).toBeUndefined();
    const hours = await store.sumRows({ table: 'hourly', from: '2026-03-02T00:00:00.000Z', to: '2026-03-02T02:00:00.000Z', keep: ['namespace'], where: { namespace: ['payments'] } });
    expect(hours.map(r => [r.hour, r.minutes])).toEqual(
      expect.arrayContaining([
        ['2026-03-02T00:00:00.000Z', 10],
        ['2026-03-02T01:00:00.000Z', 5],
      ]),
    );
  });

  it('clears a stale error on an attempt with nothing new, and keeps the sample warning', async () => {
    await store.recordFailure('prod', 'model', 'HTTP 500', '2026-03-02T01:07:00.000Z');
    await store.recordUnchanged('prod', 'model', 'metrics.k8s.io not served (HTTP 404): usage counted as requests', '2026-03-02T01:08:00.000Z');
    expect(await store.clusterStates()).toEqual([
      {
        cluster: 'prod',
        source: 'model',
        sampledAt: '2026-03-02T01:05:00.000Z',
        attemptedAt: '2026-03-02T01:08:00.000Z',
        warning: 'metrics.k8s.io not served (HTTP 404): usage counted as requests',
      },
    ]);
  });

  it('records a sample attributed from a Group whose cost center would not fit the tables', async () => {
    const group = costGroupOf({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-long', namespace: 'default', annotations: { 'kubeyard.io/cost-center': 'c'.repeat(64) } },
      spec: {},
    });
    const namespaces = [{ name: 'long', labels: { 'kubeyard.io/owner': 'group.default.team-long' } } as unknown as NamespaceInfo];
    const attribution = attributeNamespaces(namespaces, new Map(), new Map([[group.ref, group]]));
    const at = '2026-03-05T00:05:00.000Z';
    const pods = [{ namespace: 'long', pod: 'p', workload: '', cpuRequestCores: 1, ramRequestBytes: GIB }];
    const result = integrateSample(
      { cluster: 'other', at, pods, pvcBytesByNamespace: {}, allocatableCpuCores: 4, allocatableRamBytes: 8 * GIB },
      { intervalMs: INTERVAL, attribution: ns => attribution.get(ns), prices: [] },
    );
    expect(await store.recordSample({ cluster: 'other', source: 'model', watermark: result.watermark, rows: result.rows })).toBe(true);
    const rows = await store.sumRows({ table: 'hourly', from: '2026-03-05T00:00:00.000Z', to: '2026-03-05T01:00:00.000Z', keep: ['owner', 'cost_center'] });
    expect(rows.find(r => r.owner)).toMatchObject({ owner: 'group:default/team-long', costCenter: null });
  });

  it('filters by key columns', async () => {
    const rows = await store.sumRows({ table: 'daily', from: '2026-03-01', to: '2026-03-03', keep: ['owner'], where: { owner: ['group:default/team-payments'] } });
    expect(new Set(rows.map(r => r.owner))).toEqual(new Set(['group:default/team-payments']));
  });

  it('prunes hourly rows sooner than daily rollups', async () => {
    const pruned = await store.prune('2026-03-02T00:00:00.000Z', '2026-03-01');
    expect(pruned.hourly).toBeGreaterThan(0);
    expect(pruned.daily).toBe(0);
    expect(await store.sumRows({ table: 'hourly', from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z', keep: [] })).toEqual([]);
    expect((await store.sumRows({ table: 'daily', from: '2026-03-01', to: '2026-03-02', keep: [] })).length).toBe(1);
  });
}

describe('CostStore on SQLite', () => {
  storeSuite('SQLITE_3');
});

// Runs when KUBEYARD_TEST_PG is set.
(postgres ? describe : describe.skip)('CostStore on PostgreSQL 15', () => {
  storeSuite('POSTGRES_15');
});
