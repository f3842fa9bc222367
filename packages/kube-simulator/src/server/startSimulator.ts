/*
 * startSimulator: one HTTP server, many simulated clusters. Loads the scenario, creates a
 * store per cluster, loads its objects, starts its controllers on the shared simulated clock,
 * and optionally writes a kubeconfig with one context per cluster.
 */
import os from 'node:os';
import { InMemoryClusterStore } from '../apiserver/clusterStore';
import { createControllers, nodeUsage, podUsage } from '../controllers';
import { loadScenario } from '../scenario';
import type { ClusterStore, Controller, KubeObject, Scenario, ScenarioCluster, SimClock } from '../types';
import { createAdminHandler } from './adminHandler';
import { TokenAuthenticator } from './authentication';
import { SimulatedClock } from './clock';
import { ClusterEndpoint } from './clusterEndpoint';
import { ClusterFaultController } from './faults';
import { SimulatorHttpServer } from './httpServer';
import { writeKubeconfig } from './kubeconfig';
import { seededRandom } from './seededRandom';
import { createSelfSignedCertificate, TlsMaterial } from './selfSignedCertificate';

/** Options of startSimulator. */
export interface StartSimulatorOptions {
  /** 'demo', 'scale', a scenario file path, or a Scenario object. */
  scenario: string | Scenario;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Seed for uids, names and controller randomness (default 1). */
  seed?: number;
  /** Where to write a kubeconfig with one context per cluster. */
  kubeconfigOut?: string;
  /** Sizes for the 'scale' scenario. */
  scaleParams?: { clusters?: number; namespaces?: number; pods?: number };
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Let simulated time follow the wall clock, multiplied by this factor (e.g. 1 or 60). Off by default. */
  realtime?: number;
  /** Interval of watch BOOKMARK events when clients allow them (default 60 s). */
  watchBookmarkIntervalMs?: number;
  /** Kubernetes version reported by clusters that do not set one (default v1.31.4). */
  defaultKubernetesVersion?: string;
  /** Watch events kept per cluster for resuming watches (default 10,000). */
  watchHistorySize?: number;
  /** Certificate for https:// (default: a fresh self-signed one for localhost and 127.0.0.1). */
  tls?: TlsMaterial;
}

/** A served cluster. */
export interface SimulatedClusterInfo {
  name: string;
  /** http:// URL of the cluster. */
  url: string;
  /** The same cluster over https:// (what kubectl needs to send its token). */
  httpsUrl: string;
  token: string;
}

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:6550 */
  url: string;
  /** Served clusters; grows when clusters are added later (vcluster). */
  clusters: SimulatedClusterInfo[];
  kubeconfigPath?: string;
  /** PEM of the self-signed certificate served on https:// (the kubeconfig's CA). */
  caCertificate: string;
  clock: SimClock;
  faults: ClusterFaultController;
  /** The store of a cluster, for tests and tools that act in-process. */
  store(cluster: string): ClusterStore;
  /** Adds a cluster at runtime (what the vcluster controller does). */
  addCluster(spec: ScenarioCluster): SimulatedClusterInfo;
  stop(): Promise<void>;
}

interface ServedCluster {
  info: SimulatedClusterInfo;
  endpoint: ClusterEndpoint;
  store: InMemoryClusterStore;
  controllers: Controller[];
}

const LOAD_ORDER: Record<string, number> = { CustomResourceDefinition: 0, Namespace: 1 };

function loadOrder(objects: KubeObject[]): KubeObject[] {
  return objects.map((o, i) => ({ o, i })).sort((a, b) => (LOAD_ORDER[a.o.kind] ?? 2) - (LOAD_ORDER[b.o.kind] ?? 2) || a.i - b.i).map(x => x.o);
}

/** Starts a simulator serving every cluster of a scenario. */
export async function startSimulator(options: StartSimulatorOptions): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const scenario = typeof options.scenario === 'string' ? loadScenario(options.scenario, { ...options.scaleParams, seed }) : options.scenario;
  const host = options.host ?? '127.0.0.1';
  const clock = new SimulatedClock({ startTime: scenario.startTime });
  const faults = new ClusterFaultController();
  const served = new Map<string, ServedCluster>();
  const clusters: SimulatedClusterInfo[] = [];
  const tickUnsubscribes: Array<() => void> = [];
  let baseUrl = '';

  const tls = options.tls ?? createSelfSignedCertificate(['localhost', os.hostname()], ['127.0.0.1', host]);
  const server = new SimulatorHttpServer({
    cluster: name => served.get(name)?.endpoint,
    faults,
    admin: createAdminHandler({
      faults,
      clock,
      clusters: () =>
        [...served.values()].map(c => ({ ...c.info, resourceVersion: c.store.currentResourceVersion(), watchers: c.store.watcherCount() })),
    }),
  }, tls);
  const port = await server.listen(options.port ?? 0, host);
  baseUrl = `http://${host}:${port}`;

  let kubeconfigWritten = false;
  const writeClusters = () => {
    writeKubeconfig(options.kubeconfigOut!, clusters.map(c => ({ name: c.name, url: c.httpsUrl, token: c.token, certificateAuthority: tls.cert })));
    kubeconfigWritten = true;
  };

  function addCluster(spec: ScenarioCluster): SimulatedClusterInfo {
    if (served.has(spec.name)) throw new Error(`cluster "${spec.name}" already exists`);
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(spec.name)) throw new Error(`invalid cluster name "${spec.name}": use lowercase letters, digits, '-' and '.'`);
    const behaviour = spec.behaviour ?? {};
    const store = new InMemoryClusterStore({
      clusterName: spec.name,
      now: () => clock.now(),
      random: seededRandom(seed, `store:${spec.name}`),
      historySize: options.watchHistorySize,
      metrics: {
        podUsage: (pod, now) => podUsage(pod, now, behaviour),
        nodeUsage: (node, pods, now) => nodeUsage(node, pods, now, behaviour),
      },
    });
    // Loading restores the cluster's state before it is served: not kept in the watch history.
    store.restoring(() => {
      for (const obj of loadOrder(spec.objects ?? [])) {
        try {
          store.operations.upsert(obj, { fieldManager: 'kube-simulator-scenario' });
        } catch (err) {
          const where = `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name ?? obj.metadata?.generateName ?? '?'}`;
          throw new Error(`scenario "${scenario.name}", cluster "${spec.name}": cannot load ${where}: ${(err as Error).message}`);
        }
      }
    });
    const path = `/clusters/${encodeURIComponent(spec.name)}`;
    const info: SimulatedClusterInfo = { name: spec.name, url: `${baseUrl}${path}`, httpsUrl: `https://${host}:${port}${path}`, token: spec.token };
    const endpoint = new ClusterEndpoint({
      name: spec.name,
      store,
      authenticator: new TokenAuthenticator(spec),
      kubernetesVersion: spec.version ?? options.defaultKubernetesVersion ?? 'v1.31.4',
      now: () => clock.now(),
      serverAddress: () => `${host}:${port}`,
      bookmarkIntervalMs: options.watchBookmarkIntervalMs ?? 60_000,
    });
    const controllers = createControllers();
    served.set(spec.name, { info, endpoint, store, controllers });
    clusters.push(info);
    const random = seededRandom(seed, `controllers:${spec.name}`);
    for (const controller of controllers) {
      controller.start({ store, clock, random, behaviour, addCluster, baseUrl: () => baseUrl });
      if (controller.tick) tickUnsubscribes.push(clock.onTick(now => controller.tick!(now)));
    }
    // Clusters added at runtime (vclusters) join the kubeconfig as they appear.
    if (kubeconfigWritten) writeClusters();
    return info;
  }


  try {
    for (const spec of scenario.clusters) addCluster(spec);
  } catch (err) {
    await server.close();
    throw err;
  }

  // A scenario starting "now" starts on the hour; in real time the clock first catches up with
  // the wall clock (running every controller tick in between), so simulated and real time agree.
  const lag = Date.now() - clock.now().getTime();
  if (options.realtime && options.realtime > 0 && lag > 0) await clock.advance(lag);

  const kubeconfigPath = options.kubeconfigOut;
  if (kubeconfigPath) writeClusters();

  let realtimeTimer: NodeJS.Timeout | undefined;
  if (options.realtime && options.realtime > 0) {
    let last = Date.now();
    let busy = false;
    realtimeTimer = setInterval(() => {
      if (busy) return;
      const now = Date.now();
      const elapsed = (now - last) * options.realtime!;
      last = now;
      busy = true;
      clock.advance(elapsed).finally(() => {
        busy = false;
      });
    }, 1_000);
    realtimeTimer.unref();
  }

  let stopped = false;
  return {
    url: baseUrl,
    clusters,
    kubeconfigPath,
    caCertificate: tls.cert,
    clock,
    faults,
    store: name => {
      const c = served.get(name);
      if (!c) throw new Error(`unknown cluster "${name}"`);
      return c.store;
    },
    addCluster,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (realtimeTimer) clearInterval(realtimeTimer);
      for (const off of tickUnsubscribes) off();
      for (const c of served.values()) {
        for (const controller of c.controllers) controller.stop?.();
        c.store.close();
      }
      await server.close();
    },
  };
}
