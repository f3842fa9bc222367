/*
 * kube-simulator benchmarks. Each figure is printed with a baseline measured in the same run:
 *
 *   1. LIST of 10,000 pods, paginated by 500, through @kubernetes/client-node
 *      — vs JSON.stringify of the same 10,000 objects in-process;
 *   2. watch fan-out: 1,000 changes delivered to 10 HTTP watchers
 *      — vs the same 1,000 changes delivered to 1 watcher;
 *   3. the `scale` scenario (50 clusters × 4,000 pods): start time and RSS
 *      — vs a 1-cluster start in the same process, extrapolated linearly.
 *
 * Run from the repository root:
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/simulator/index.ts [--clusters N] [--pods N] [--only list|watch|scale]
 */
import { spawnSync } from 'node:child_process';
import * as k8s from '@kubernetes/client-node';
import { startSimulator } from '../../packages/kube-simulator/src';
import type { RunningSimulator } from '../../packages/kube-simulator/src';
import type { KubeObject, Scenario } from '../../packages/kube-simulator/src/types';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

function clientFor(sim: RunningSimulator): k8s.KubeConfig {
  const c = sim.clusters[0];
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: c.name, server: c.url, skipTLSVerify: true }],
    users: [{ name: 'bench', token: c.token }],
    contexts: [{ name: c.name, cluster: c.name, user: 'bench' }],
    currentContext: c.name,
  });
  return kc;
}

function benchScenario(pods: number): Scenario {
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } }];
  for (let i = 0; i < pods; i++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${String(i).padStart(5, '0')}`, namespace: 'bench', labels: { app: `app-${i % 50}`, tier: i % 2 ? 'web' : 'worker' } },
      spec: {
        nodeName: 'node-1',
        containers: [{ name: 'app', image: 'registry.example.com/app:1.0.0', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } } }],
      },
      status: { phase: 'Running', podIP: `10.244.${Math.floor(i / 250)}.${i % 250}` },
    });
  }
  return { name: 'bench', startTime: '2025-01-01T00:00:00Z', clusters: [{ name: 'bench', token: 'bench-token', objects }] };
}

async function benchList(): Promise<void> {
  const total = 10_000;
  const sim = await startSimulator({ scenario: benchScenario(total), port: 0 });
  try {
    const core = clientFor(sim).makeApiClient(k8s.CoreV1Api);
    await core.listNamespacedPod({ namespace: 'bench', limit: 500 }); // warm up connections and JIT
    const started = performance.now();
    let count = 0;
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await core.listNamespacedPod({ namespace: 'bench', limit: 500, _continue: token });
      count += page.items.length;
      pages++;
      token = page.metadata?._continue;
    } while (token);
    const listMs = performance.now() - started;
    const items = sim.store('bench').list({ group: '', version: 'v1', resource: 'pods' }, 'bench', { readOnly: true }).items;
    const s0 = performance.now();
    const bytes = JSON.stringify({ items }).length;
    const stringifyMs = performance.now() - s0;
    console.log(`LIST ${count} pods in ${pages} pages of 500 via client-node: ${ms(listMs)} (${(count / (listMs / 1000)).toFixed(0)} pods/s)`);
    console.log(`  baseline JSON.stringify of the same ${items.length} objects (${mib(bytes)}): ${ms(stringifyMs)}`);
    console.log(`  ratio LIST / stringify: ${ratio(listMs, stringifyMs)}`);
  } finally {
    await sim.stop();
  }
}

async function fanOut(sim: RunningSimulator, watchers: number, changes: number, round: number): Promise<number> {
  const kc = clientFor(sim);
  const store = sim.store('bench');
  const gvr = { group: '', version: 'v1', resource: 'configmaps' };
  const rv = store.list(gvr, 'bench', { limit: 1 }).resourceVersion;
  const received = new Array(watchers).fill(0);
  let resolveAll!: () => void;
  const allDone = new Promise<void>(resolve => (resolveAll = resolve));
  const aborts: AbortController[] = [];
  for (let w = 0; w < watchers; w++) {
    aborts.push(
      await new k8s.Watch(kc).watch(
        '/api/v1/namespaces/bench/configmaps',
        { resourceVersion: rv },
        () => {
          received[w]++;
          if (received.every(n => n >= changes)) resolveAll();
        },
        () => undefined,
      ),
    );
  }
  await new Promise(r => setTimeout(r, 50)); // let every watch connect
  const started = performance.now();
  for (let i = 0; i < changes; i++) {
    store.create(gvr, 'bench', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${round}-${i}` }, data: { i: String(i) } });
  }
  await allDone;
  const elapsed = performance.now() - started;
  for (const a of aborts) a.abort();
  return elapsed;
}

async function benchWatch(): Promise<void> {
  const sim = await startSimulator({ scenario: benchScenario(0), port: 0 });
  try {
    const changes = 1_000;
    await fanOut(sim, 1, 100, 0); // warm up
    const one = await fanOut(sim, 1, changes, 1);
    const ten = await fanOut(sim, 10, changes, 2);
    console.log(`WATCH ${changes} changes to 10 watchers over HTTP: ${ms(ten)} (${((10 * changes) / (ten / 1000)).toFixed(0)} deliveries/s)`);
    console.log(`  baseline ${changes} changes to 1 watcher: ${ms(one)}`);
    console.log(`  ratio 10 watchers / 1 watcher: ${ratio(ten, one)} (10.00x would be no sharing at all)`);
  } finally {
    await sim.stop();
  }
}

async function scaleChild(clusters: number, pods: number): Promise<void> {
  const measure = async (n: number) => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const sim = await startSimulator({ scenario: 'scale', port: 0, scaleParams: { clusters: n, pods } });
    const elapsed = performance.now() - started;
    global.gc?.();
    const rss = process.memoryUsage().rss - rssBefore;
    const heap = process.memoryUsage().heapUsed;
    await sim.stop();
    return { elapsed, rss, heap };
  };
  const one = await measure(1);
  const all = await measure(clusters);
  console.log(JSON.stringify({ one, all }));
}

function benchScale(): void {
  const clusters = flag('clusters', 50);
  const pods = flag('pods', 4_000);
  // A fresh process, so RSS is the simulator's alone.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, __filename, '--scale-child', '--clusters', String(clusters), '--pods', String(pods)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`scale benchmark failed: ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop()!;
  const { one, all } = JSON.parse(line);
  console.log(`SCALE ${clusters} clusters x ${pods} pods: start ${ms(all.elapsed)}, RSS +${mib(all.rss)} (heap ${mib(all.heap)})`);
  console.log(`  baseline 1 cluster: start ${ms(one.elapsed)}, RSS +${mib(one.rss)}`);
  console.log(`  ratio vs ${clusters} x 1 cluster: start ${ratio(all.elapsed, clusters * one.elapsed)}, RSS ${ratio(all.rss, clusters * one.rss)}`);
  console.log(`  per cluster: ${ms(all.elapsed / clusters)}, ${mib(all.rss / clusters)}`);
}

async function main(): Promise<void> {
  if (args.includes('--scale-child')) {
    await scaleChild(flag('clusters', 50), flag('pods', 4_000));
    return;
  }
  if (!only || only === 'list') await benchList();
  if (!only || only === 'watch') await benchWatch();
  if (!only || only === 'scale') benchScale();
}

main().then(
  () => process.exit(0),
  err => {
    console.error(err);
    process.exit(1);
  },
);
