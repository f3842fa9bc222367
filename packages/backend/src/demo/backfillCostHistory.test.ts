/*
 * The demo's cost backfill against real simulators over HTTP and a SQLite file, as npm start
 * runs it: a day of history for every demo cluster, no gaps, nothing counted twice on a second
 * run, and a live collector that continues from the watermark.
 */
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  COST_MODEL_TYPES,
  CostStore,
  createCostCollector,
  DEFAULT_WATCHER_OPTIONS,
  FleetIndex,
  readCostConfig,
} from '@kubeyard/backstage-plugin-kubeyard-backend';
import { loadScenario, startSimulator } from '@kubeyard/kube-simulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backfillCostHistory, simulatedClusters } from './backfillCostHistory';
import { catalogFileGroups } from './catalogFileGroups';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DEMO_CLUSTERS = ['fed-host', 'prod-eu', 'prod-us', 'staging'];
const EVER = { from: '1970-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

describe('backfillCostHistory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-backfill-'));
  const until = new Date(Math.floor(Date.now() / HOUR) * HOUR);
  const config = new ConfigReader({
    backend: { database: { client: 'better-sqlite3', connection: { directory: dir } } },
    catalog: { locations: [{ type: 'file', target: '../../catalog-info.yaml' }] },
  });
  const logger = mockServices.logger.mock();
  const database = DatabaseManager.fromConfig(config).forPlugin('kubeyard', { logger, lifecycle: mockServices.lifecycle.mock() });
  const backfill = (onProgress?: (line: string) => void) =>
    backfillCostHistory({
      database,
      costConfig: readCostConfig(config),
      clusters: DEMO_CLUSTERS,
      until,
      days: 1,
      groups: catalogFileGroups(config, path.resolve(__dirname, '../..')),
      logger,
      onProgress,
    });
  let store: CostStore;
  /** Cost per cluster over all hours. */
  const totals = async () => {
    const sums: Record<string, number> = {};
    for (const r of await store.sumRows({ table: 'hourly', ...EVER, keep: ['cluster'] })) {
      sums[r.cluster] = (sums[r.cluster] ?? 0) + r.cpuCost + r.ramCost + r.pvCost;
    }
    return sums;
  };

  beforeAll(async () => {
    store = await CostStore.create(database);
  });

  afterAll(async () => {
    await (await database.getClient()).destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records a day of every demo cluster, hour by hour, without gaps', async () => {
    const progress: string[] = [];
    const result = await backfill(line => progress.push(line));
    expect(result).toEqual({ clusters: DEMO_CLUSTERS, alreadyRecorded: [], samples: 24, from: new Date(until.getTime() - 24 * HOUR).toISOString(), to: until.toISOString() });
    expect(progress).toEqual(['day 1/1 of fed-host, prod-eu, prod-us, staging recorded']);
    expect((await store.clusterStates()).map(s => [s.cluster, s.source, s.sampledAt, s.error])).toEqual(
      DEMO_CLUSTERS.map(cluster => [cluster, 'model', until.toISOString(), undefined]),
    );
    expect(await store.gaps(EVER.from, EVER.to)).toEqual([]);
    const hours = await store.sumRows({ table: 'hourly', ...EVER, keep: ['cluster'] });
    for (const cluster of DEMO_CLUSTERS) {
      const own = hours.filter(r => r.cluster === cluster);
      expect(own).toHaveLength(24);
      expect(own.every(r => r.minutes === 60 && r.cpuCost > 0)).toBe(true);
    }
    // Attribution as live: the namespace's owner, the Group's cost center from the catalog.
    const owners = await store.sumRows({ table: 'daily', ...EVER, keep: ['owner', 'cost_center'] });
    expect(owners.find(r => r.owner === 'group:default/team-payments')?.costCenter).toBe('cc-payments');
  });

  it('leaves recorded history alone on a second run', async () => {
    const before = await totals();
    expect(await backfill()).toEqual({ clusters: [], alreadyRecorded: DEMO_CLUSTERS, samples: 0 });
    expect(await totals()).toEqual(before);
  });

  it('hands over to a live collector at the watermark', async () => {
    const before = await totals();
    // The live demo fleet: its clock starts where the history ends.
    const sim = await startSimulator({ scenario: loadScenario('demo', { seed: 1, now: until }), seed: 1, port: 0 });
    const fleet = new FleetIndex(
      simulatedClusters(sim, DEMO_CLUSTERS),
      COST_MODEL_TYPES,
      logger,
      { ...DEFAULT_WATCHER_OPTIONS, relocateIntervalMs: HOUR },
    );
    try {
      await fleet.start();
      const deadline = Date.now() + 30_000;
      while (!fleet.clusters().every(c => c.sync.state === 'synced') && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
      const collector = createCostCollector({ costConfig: readCostConfig(config), store, fleet, tenants: async () => [], logger });
      await sim.clock.advance(5 * 60_000);
      const results = await collector.collectOnce();
      const watermark = new Date(until.getTime() + 5 * 60_000).toISOString();
      expect(results.map(r => [r.cluster, r.outcome, r.watermark])).toEqual(DEMO_CLUSTERS.map(cluster => [cluster, 'recorded', watermark]));
    } finally {
      fleet.stop();
      await sim.stop();
    }
    expect(await store.gaps(EVER.from, EVER.to)).toEqual([]);
    const after = await totals();
    const live = await store.sumRows({ table: 'hourly', from: until.toISOString(), to: EVER.to, keep: ['cluster'] });
    for (const cluster of DEMO_CLUSTERS) {
      const row = live.find(r => r.cluster === cluster)!;
      // Five minutes, from the watermark on: added to the history, not overlapping it.
      expect(row.minutes).toBe(5);
      expect(after[cluster]).toBeCloseTo(before[cluster] + row.cpuCost + row.ramCost + row.pvCost, 9);
    }
  });
});
