/*
 * bench/fleet: the fleet index against @backstage/plugin-kubernetes-backend on the simulator's
 * `scale` scenario (default 50 clusters × 4,000 pods; KUBEYARD_BENCH_CLUSTERS / _PODS to shrink).
 *
 *  1. Full index sync time vs the raw paginated LIST of the same objects (goal ≤ 1.2x), and the
 *     index's heap per 10,000 pods.
 *  2. A real backend (both plugins, guest auth): p50/p95 of /api/kubeyard/clusters and
 *     /api/kubeyard/workloads?entityRef= vs /api/kubernetes/services/:entity for the same entity
 *     (goals: p95 < 150 ms, ≥ 20x faster).
 */
import { benchLogger } from '../lib/logger';
import { ConfigReader } from '@backstage/config';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import {
  ConfigClusterLocator,
  FEDERATION_TYPES,
  FLEET_TYPES,
  FleetIndex,
  DEFAULT_WATCHER_OPTIONS,
  kubeConfigFor,
} from '@kubeyard/backstage-plugin-kubeyard-backend';
import { startSimulator } from '@kubeyard/kube-simulator';
import { startBenchBackend } from './benchBackend';
import { ms, percentile, report, timeEach } from '../lib/stats';

const CLUSTERS = Number(process.env.KUBEYARD_BENCH_CLUSTERS ?? 50);
const PODS = Number(process.env.KUBEYARD_BENCH_PODS ?? 4000);
const REQUESTS = Number(process.env.KUBEYARD_BENCH_REQUESTS ?? 40);
const ENTITY = 'payments-svc-00';

function heapUsed(): number {
  (globalThis as any).gc?.();
  return process.memoryUsage().heapUsed;
}

async function main() {
  console.log(`bench/fleet: ${CLUSTERS} clusters × ${PODS} pods`);
  let started = Date.now();
  const sim = await startSimulator({ scenario: 'scale', port: 0, seed: 7, scaleParams: { clusters: CLUSTERS, pods: PODS } } as any);
  report('simulator start', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  const connections = sim.clusters.map(c => ({ name: c.name, url: c.url, serviceAccountToken: c.token, skipTLSVerify: true }));

  // Baseline: the same types listed page by page through client-node, nothing kept.
  const types = [...FLEET_TYPES, ...FEDERATION_TYPES];
  started = Date.now();
  let listed = 0;
  await Promise.all(
    connections.map(async connection => {
      const api = kubeConfigFor(connection).makeApiClient(KubernetesObjectApi);
      // Types in parallel, as the index lists them, so only the index's own work differs.
      await Promise.all(
        types.map(async type => {
          let token: string | undefined;
          try {
            do {
              const page = await api.list(type.group ? `${type.group}/${type.version}` : type.version, type.kind, undefined, undefined, undefined, undefined, undefined, undefined, 500, token);
              listed += page.items.length;
              token = page.metadata?._continue || undefined;
            } while (token);
          } catch {
            // optional types the cluster does not serve
          }
        }),
      );
    }),
  );
  const rawListMs = Date.now() - started;

  const before = heapUsed();
  started = Date.now();
  const config = new ConfigReader({ kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: connections.map(c => ({ ...c, authProvider: 'serviceAccount' })) }] } });
  const fleet = new FleetIndex(new ConfigClusterLocator(config), types, benchLogger(), { ...DEFAULT_WATCHER_OPTIONS, relocateIntervalMs: 3_600_000 });
  await fleet.start();
  while (fleet.clusters().some(c => c.sync.state !== 'synced')) await new Promise(r => setTimeout(r, 20));
  const syncMs = Date.now() - started;
  const pods = fleet.clusters().reduce((sum, c) => sum + c.list('pods').length, 0);
  const indexBytes = heapUsed() - before;
  fleet.stop();

  console.log('index sync');
  report('raw paginated LIST of the same objects (baseline)', `${rawListMs} ms (${listed} objects)`);
  report('full index sync (LIST + projection + watch start)', `${syncMs} ms`);
  report('ratio sync / raw LIST (goal ≤ 1.2)', (syncMs / rawListMs).toFixed(2));
  report('index heap per 10,000 pods (whole index ÷ pods)', `${((indexBytes / pods) * 10_000 / 1024 / 1024).toFixed(1)} MiB (${pods} pods)`);

  const backend = await startBenchBackend({ connections, entity: ENTITY });
  try {
    const get = (path: string) => backend.fetch(path).then(async r => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json();
    });
    // Warm up both plugins (the kubernetes plugin builds its clients on first use).
    await get('/api/kubeyard/clusters');
    const entity = await get(`/api/catalog/entities/by-name/component/default/${ENTITY}`);
    const servicesCall = () =>
      backend.fetch(`/api/kubernetes/services/${ENTITY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entity }) }).then(r => r.json());
    await servicesCall();

    const clusters = await timeEach(REQUESTS, () => get('/api/kubeyard/clusters'));
    const workloads = await timeEach(REQUESTS, () => get(`/api/kubeyard/workloads?entityRef=component:default/${ENTITY}`));
    const services = await timeEach(Math.max(5, Math.floor(REQUESTS / 4)), servicesCall);
    console.log(`HTTP (sequential requests through a real backend)`);
    for (const [label, values] of [
      ['GET /api/kubeyard/clusters', clusters],
      ['GET /api/kubeyard/workloads?entityRef=', workloads],
      ['POST /api/kubernetes/services/:entity (baseline)', services],
    ] as const) {
      report(`${label} p50 / p95`, `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`);
    }
    report('ratio kubernetes services p95 / kubeyard workloads p95 (goal ≥ 20)', (percentile(services, 95) / percentile(workloads, 95)).toFixed(1));
    report('ratio kubernetes services p50 / kubeyard workloads p50', (percentile(services, 50) / percentile(workloads, 50)).toFixed(1));
  } finally {
    await backend.stop();
    await sim.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
