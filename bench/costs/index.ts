/*
 * bench/costs: cost reports and collection.
 *
 *  1. 90 days of history for 5,000 namespaces (5 clusters; 250 owner Groups; one tenant per
 *     namespace), written through the store's write path at the granularity a 90-day report
 *     reads (one row per namespace and day, plus each cluster's idle row). Then the 90-day report
 *     (groupBy owner, step day) as GET /costs builds it, on SQLite and on PostgreSQL (when
 *     KUBEYARD_TEST_PG is set or a server answers on 127.0.0.1:55432/55433), goal < 300 ms each;
 *     baselines in the same run: a 7-day report, and a full scan of the history's rows.
 *  2. Collection time per sample on the simulator's `scale` scenario (50 clusters × 4,000 pods;
 *     KUBEYARD_BENCH_CLUSTERS / _PODS to shrink).
 * KUBEYARD_BENCH_SKIP_REPORTS=1 / KUBEYARD_BENCH_SKIP_COLLECTION=1 run one part only.
 */
import { ConfigReader } from '@backstage/config';
import {
  ConfigClusterLocator,
  DEFAULT_WATCHER_OPTIONS,
  FLEET_TYPES,
  FleetIndex,
} from '@kubeyard/backstage-plugin-kubeyard-backend';
import { COST_TYPES, CostStore, createCostCollector, DEFAULT_COST_CONFIG } from '@kubeyard/backstage-plugin-kubeyard-backend/src/costs';
import { buildCostReport } from '@kubeyard/backstage-plugin-kubeyard-backend/src/costs/costReport';
import type { CostCatalog } from '@kubeyard/backstage-plugin-kubeyard-backend/src/costs/costCatalog';
import { costMigrations } from '@kubeyard/backstage-plugin-kubeyard-backend/src/costs/migrations';
import { emptyHourRow, GIB, IDLE_KEY, priceHourRow, DEFAULT_UNIT_PRICES, type CostHourRow } from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import knexFactory, { type Knex } from 'knex';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { benchLogger } from '../lib/logger';
import { ms, percentile, report, timeEach } from '../lib/stats';

const DAY = 86_400_000;
const DAYS = 90;
const CLUSTERS = 5;
const NAMESPACES = 5000;
const GROUPS = 250;
const RUNS = Number(process.env.KUBEYARD_BENCH_REQUESTS ?? 15);
const SCALE_CLUSTERS = Number(process.env.KUBEYARD_BENCH_CLUSTERS ?? 50);
const SCALE_PODS = Number(process.env.KUBEYARD_BENCH_PODS ?? 4000);

/** One day of one namespace: a few cores and GiB requested, some used, a volume. */
function dayRow(day: number, cluster: number, ns: number): CostHourRow {
  const index = cluster * (NAMESPACES / CLUSTERS) + ns;
  const row = emptyHourRow(
    { hour: new Date(day).toISOString(), cluster: `cluster-${cluster}`, namespace: `ns-${index}`, workload: `app-${index}` },
    { owner: `group:default/team-${index % GROUPS}`, tenant: `tenant-${index}`, costCenter: `cc-${index % 50}` },
  );
  const cpu = 0.5 + (index % 7) * 0.25;
  const ram = (1 + (index % 5)) * GIB;
  const used = 0.3 + ((index * 13 + day / DAY) % 10) / 10;
  row.minutes = 1440;
  row.cpuRequestCoreHours = cpu * 24;
  row.cpuUsageCoreHours = cpu * used * 24;
  row.cpuChargedCoreHours = Math.max(cpu, cpu * used) * 24;
  row.ramRequestByteHours = ram * 24;
  row.ramUsageByteHours = ram * 0.6 * 24;
  row.ramChargedByteHours = ram * 24;
  row.pvByteHours = (index % 3) * 10 * GIB * 24;
  return priceHourRow(row, DEFAULT_UNIT_PRICES);
}

function idleRow(day: number, cluster: number): CostHourRow {
  const row = emptyHourRow({ hour: new Date(day).toISOString(), cluster: `cluster-${cluster}`, namespace: IDLE_KEY, workload: '' });
  row.minutes = 1440;
  row.cpuChargedCoreHours = 400 * 24;
  row.ramChargedByteHours = 1600 * GIB * 24;
  return priceHourRow(row, DEFAULT_UNIT_PRICES);
}

async function reportBench(name: string, knex: Knex) {
  await costMigrations.rollbackAll(knex).catch(() => undefined);
  await costMigrations.latest(knex);
  const store = new CostStore(knex);
  const end = Math.floor(Date.now() / DAY) * DAY;
  const start = end - DAYS * DAY;
  let started = Date.now();
  const previous = new Map<number, string | undefined>();
  for (let day = start; day < end; day += DAY) {
    for (let cluster = 0; cluster < CLUSTERS; cluster++) {
      const rows = [idleRow(day, cluster)];
      for (let ns = 0; ns < NAMESPACES / CLUSTERS; ns++) rows.push(dayRow(day, cluster, ns));
      const watermark = new Date(day + DAY).toISOString();
      const ok = await store.recordSample({ cluster: `cluster-${cluster}`, source: 'model', previousAt: previous.get(cluster), watermark, rows });
      if (!ok) throw new Error('watermark conflict while generating history');
      previous.set(cluster, watermark);
    }
  }
  const writeSeconds = (Date.now() - started) / 1000;
  if (knex.client.config.client === 'pg') await knex.raw('analyze');

  // No catalog in the bench: Group titles and budget annotations are not looked up (in the
  // portal that is one catalog request per report), so this times the database and the math.
  const catalog = { groups: async () => new Map(), groupsWithBudgets: async () => [] } as unknown as CostCatalog;
  const sources = { store, config: DEFAULT_COST_CONFIG, catalog, tenants: async () => [], clusters: () => [] };
  const query = (days: number) => ({
    query: { from: new Date(end - days * DAY).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10), groupBy: 'owner' as const, step: 'day' as const },
    fromMs: end - days * DAY,
    toMs: end,
    filters: {},
    scope: { all: true as const },
  });
  const check = await buildCostReport(sources, query(DAYS));
  if (check.groups.length !== GROUPS + 1 || check.series.length !== DAYS) throw new Error(`unexpected report: ${check.groups.length} groups, ${check.series.length} days`);
  const member = { ...query(DAYS), scope: { all: false as const, owners: ['group:default/team-7'] } };
  const ninety = await timeEach(RUNS, () => buildCostReport(sources, query(DAYS)));
  const seven = await timeEach(RUNS, () => buildCostReport(sources, query(7)));
  const memberRuns = await timeEach(RUNS, () => buildCostReport(sources, member));
  const scan = await timeEach(RUNS, () => knex('cost_hourly').sum({ cost: 'cpu_cost' }).count({ rows: '*' }));
  started = Date.now();
  const rows = Number((await knex('cost_daily').count({ n: '*' }))[0].n);

  console.log(`${name}`);
  report(`history written through CostStore.recordSample (${rows} daily rows)`, `${writeSeconds.toFixed(1)} s`);
  report(`90-day report, groupBy owner, step day: p50 / p95 (goal < 300 ms)`, `${ms(percentile(ninety, 50))} / ${ms(percentile(ninety, 95))}`);
  report(`90-day report for a member (one group): p50 / p95`, `${ms(percentile(memberRuns, 50))} / ${ms(percentile(memberRuns, 95))}`);
  report(`7-day report (baseline): p50`, ms(percentile(seven, 50)));
  report(`full scan of the stored rows, sum(cpu_cost) (baseline): p50`, ms(percentile(scan, 50)));
  report('ratio 90-day / 7-day report (p50)', (percentile(ninety, 50) / percentile(seven, 50)).toFixed(2));
  report('ratio 90-day report / full scan (p50)', (percentile(ninety, 50) / percentile(scan, 50)).toFixed(2));
}

async function answers(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function postgres(): Promise<Knex | undefined> {
  let connection = process.env.KUBEYARD_TEST_PG;
  if (!connection) {
    for (const port of [55432, 55433]) if (await answers(port)) connection = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }
  if (!connection) return undefined;
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw('drop database if exists kubeyard_cost_bench');
  await admin.raw('create database kubeyard_cost_bench');
  await admin.destroy();
  const url = new URL(connection);
  url.pathname = '/kubeyard_cost_bench';
  return knexFactory({ client: 'pg', connection: url.toString() });
}

async function collectionBench() {
  console.log(`collection on the scale scenario: ${SCALE_CLUSTERS} clusters × ${SCALE_PODS} pods`);
  let started = Date.now();
  const sim = await startSimulator({ scenario: 'scale', port: 0, seed: 7, scaleParams: { clusters: SCALE_CLUSTERS, pods: SCALE_PODS } } as any);
  report('simulator start', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  const connections = sim.clusters.map(c => ({ name: c.name, url: c.url, serviceAccountToken: c.token, skipTLSVerify: true, authProvider: 'serviceAccount' }));
  const config = new ConfigReader({ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: connections }] } });
  const fleet = new FleetIndex(new ConfigClusterLocator(config), [...FLEET_TYPES, ...COST_TYPES], benchLogger(), { ...DEFAULT_WATCHER_OPTIONS, relocateIntervalMs: 3_600_000 });
  await fleet.start();
  while (fleet.clusters().some(c => c.sync.state !== 'synced')) await new Promise(r => setTimeout(r, 50));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-cost-bench-'));
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'costs.sqlite') }, useNullAsDefault: true });
  try {
    await costMigrations.latest(knex);
    const store = new CostStore(knex);
    const collector = createCostCollector({ costConfig: DEFAULT_COST_CONFIG, store, fleet, tenants: async () => [] });
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 6; i++) {
      started = Date.now();
      const result = await collector.collectOnce();
      times.push(Date.now() - started);
      const failed = result.filter(r => r.outcome !== 'recorded');
      if (failed.length > 0) throw new Error(`collection failed: ${JSON.stringify(failed.slice(0, 3))}`);
      rows = result.reduce((s, r) => s + r.rows, 0);
      await sim.clock.advance(5 * 60_000);
    }
    const steady = times.slice(1);
    report('first sample of every cluster (no watermark yet)', ms(times[0]));
    report(`one sample of every cluster, p50 / max of ${steady.length} (${rows} rows)`, `${ms(percentile(steady, 50))} / ${ms(Math.max(...steady))}`);
    report('per cluster (p50 ÷ clusters, clusters run in parallel)', ms(percentile(steady, 50) / SCALE_CLUSTERS));
    report('share of the 5-minute sampling interval (p50)', `${((percentile(steady, 50) / 300_000) * 100).toFixed(2)} %`);
  } finally {
    fleet.stop();
    await knex.destroy();
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.KUBEYARD_BENCH_SKIP_REPORTS !== '1') await reportBenches();
  if (process.env.KUBEYARD_BENCH_SKIP_COLLECTION !== '1') await collectionBench();
}

async function reportBenches() {
  console.log(`bench/costs: ${DAYS} days × ${NAMESPACES} namespaces (${CLUSTERS} clusters, ${GROUPS} groups)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-cost-bench-'));
  const sqlite = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'history.sqlite') }, useNullAsDefault: true });
  try {
    await reportBench('SQLite (better-sqlite3, file)', sqlite);
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pg = await postgres();
  if (pg) {
    try {
      await reportBench('PostgreSQL', pg);
    } finally {
      await pg.destroy();
    }
  } else {
    console.log('PostgreSQL: skipped (set KUBEYARD_TEST_PG, or start a server on 127.0.0.1:55432)');
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
