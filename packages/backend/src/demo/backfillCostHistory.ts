/*
 * The demo's cost history. The live demo fleet starts at "now", so by itself the costs page
 * would show nothing before `npm start`. Before the backend starts, a second, short-lived
 * embedded fleet (the demo scenario with the demo's seed: the same namespaces, pods and usage
 * curves) runs through the days before the live fleet's start, and the plugin's own collector
 * (fleet index, model source, attribution, CostStore) samples it after every step into the
 * kubeyard plugin's database. The last sample is at the live fleet's start, so the live
 * collector continues from that watermark: nothing is fabricated, nothing counted twice.
 */
import type { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import {
  COST_MODEL_TYPES,
  CostStore,
  createCostCollector,
  DEFAULT_WATCHER_OPTIONS,
  FleetIndex,
  type ClusterCollection,
  type ClusterLocator,
  type CostConfig,
  type CostGroupReader,
} from '@kubeyard/backstage-plugin-kubeyard-backend';
import { loadScenario, startSimulator, type RunningSimulator } from '@kubeyard/kube-simulator';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long the index must stay unchanged after a step before it is sampled. */
const QUIET_MS = 5;

/** What the backfill needs. */
export interface BackfillCostHistoryOptions {
  /** The kubeyard plugin's database: the one the backend is about to use. */
  database: DatabaseService;
  /** `kubeyard.costs` of the app config (prices, currency); interval and gap follow the step. */
  costConfig: CostConfig;
  /** The live demo fleet's clusters; clusters that already have history are left alone. */
  clusters: string[];
  /** The live demo fleet's start (its clock's start time): the history ends there. */
  until: Date;
  days: number;
  /** Simulated minutes between samples, a divisor of a day (default 60). */
  stepMinutes?: number;
  /** Owner Groups for cost centers (the live collector reads them from the catalog). */
  groups?: CostGroupReader;
  /** The demo fleet's seed (the simulator's default). */
  seed?: number;
  logger: LoggerService;
  /** Receives one line per simulated day. */
  onProgress?(message: string): void;
}

/** What the backfill did. */
export interface BackfillCostHistoryResult {
  /** The clusters it filled: those of `clusters` with no history yet. */
  clusters: string[];
  /** The clusters of `clusters` that had history already, left alone. */
  alreadyRecorded: string[];
  /** Collections run (each samples every cluster once). */
  samples: number;
  from?: string;
  to?: string;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function eventually(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/** Waits until the index has taken in the watch events of the last step. */
async function settled(fleet: FleetIndex): Promise<void> {
  let last = -1;
  for (let i = 0; i < 200; i++) {
    const generation = fleet.clusters().reduce((sum, c) => sum + c.generation, 0);
    if (generation === last) return;
    last = generation;
    await sleep(QUIET_MS);
  }
}

/** Starts the index and waits until it has listed every cluster; returns their names. */
async function startIndex(fleet: FleetIndex, wanted: string[], logger: LoggerService): Promise<string[]> {
  await fleet.start();
  const names = fleet.clusters().map(c => c.name);
  const missing = wanted.filter(name => !names.includes(name));
  if (missing.length) logger.warn(`the demo scenario has no cluster ${missing.join(', ')}: not backfilled`);
  await eventually('indexing the backfill fleet', () => fleet.clusters().every(c => c.sync.state === 'synced'), 60_000);
  return names;
}

function failures(results: ClusterCollection[]): string {
  return results
    .filter(r => r.outcome !== 'recorded')
    .map(r => `${r.cluster}: ${r.outcome}${r.error ? ` (${r.error})` : ''}`)
    .join('; ');
}

/** Locates the clusters of an in-process simulator among `names`, as they are when asked. */
export function simulatedClusters(sim: RunningSimulator, names: string[]): ClusterLocator {
  return {
    getClusters: async () =>
      sim.clusters
        .filter(c => names.includes(c.name))
        .map(c => ({ name: c.name, url: c.url, serviceAccountToken: c.token, skipTLSVerify: true })),
  };
}

/** Records `days` of cost history ending at `until` for the clusters that have none. */
export async function backfillCostHistory(options: BackfillCostHistoryOptions): Promise<BackfillCostHistoryResult> {
  const stepMs = (options.stepMinutes ?? 60) * MINUTE;
  const steps = Math.round((options.days * DAY) / stepMs);
  const until = options.until.getTime();
  const start = until - steps * stepMs;
  const seed = options.seed ?? 1;

  const store = await CostStore.create(options.database);
  const recorded = new Set((await store.clusterStates()).filter(s => s.sampledAt).map(s => s.cluster));
  const alreadyRecorded = options.clusters.filter(name => recorded.has(name));
  const wanted = options.clusters.filter(name => !recorded.has(name));
  if (wanted.length === 0 || steps <= 0) return { clusters: [], alreadyRecorded, samples: 0 };

  // "@start…" times of the scenario are relative to its start, so it is loaded as of then.
  const scenario = { ...loadScenario('demo', { seed, now: new Date(start) }), startTime: new Date(start).toISOString() };
  const sim = await startSimulator({ scenario, seed, port: 0 });
  const fleet = new FleetIndex(
    simulatedClusters(sim, wanted),
    COST_MODEL_TYPES,
    options.logger,
    { ...DEFAULT_WATCHER_OPTIONS, relocateIntervalMs: DAY },
  );
  const collector = createCostCollector({
    // One sample per step, each covering the step: no gap between samples.
    costConfig: { ...options.costConfig, sampleIntervalMs: stepMs, maxGapMs: 2 * stepMs, clusters: {} },
    store,
    fleet,
    // The tenant registry is the backend's; the demo's tenants are owned through their labels.
    tenants: async () => [],
    catalog: options.groups,
    logger: options.logger,
  });
  const stepsPerDay = DAY / stepMs;
  let clusters: string[] = [];
  let samples = 0;
  try {
    for (let i = 1; i <= steps; i++) {
      await sim.clock.advance(stepMs);
      if (i === 1) {
        // Indexed after the first step, so clusters the demo adds at runtime (its vcluster) are in.
        clusters = await startIndex(fleet, wanted, options.logger);
        if (clusters.length === 0) break;
      }
      await settled(fleet);
      const failed = failures(await collector.collectOnce());
      if (failed) throw new Error(`the sample at ${sim.clock.now().toISOString()} failed: ${failed}`);
      samples += 1;
      if (i % stepsPerDay === 0 || i === steps) {
        options.onProgress?.(`day ${Math.ceil(i / stepsPerDay)}/${Math.ceil(steps / stepsPerDay)} of ${clusters.join(', ')} recorded`);
      }
    }
  } finally {
    fleet.stop();
    await sim.stop();
  }
  if (clusters.length === 0) return { clusters, alreadyRecorded, samples };
  return { clusters, alreadyRecorded, samples, from: new Date(start).toISOString(), to: new Date(until).toISOString() };
}
