/*
 * Test harness: one real in-memory cluster store with every controller running on a
 * simulated clock — the controllers' integration tests act through it as a client would.
 */
import { InMemoryClusterStore } from '../../apiserver/clusterStore';
import { SimulatedClock } from '../../server/clock';
import { orderForLoading } from '../../scenario/buildCluster';
import type {
  ClusterBehaviour,
  GVR,
  KubeObject,
  ScenarioCluster,
} from '../../types';
import { seededRandom } from '../hash';
import { createControllers } from '../index';

/** A running test cluster. */
export interface TestCluster {
  store: InMemoryClusterStore;
  clock: SimulatedClock;
  /** Clusters the controllers added (vcluster). */
  added: ScenarioCluster[];
  /** Lets queued reconciles and watch deliveries run. */
  settle(): Promise<void>;
  /** Advances simulated time (ticks every simulated minute) and settles. */
  advance(ms: number): Promise<void>;
  list(gvr: GVR, namespace?: string, labelSelector?: string): KubeObject[];
  get(
    gvr: GVR,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  stop(): void;
}

/** Nodes for tests: `count` workers across zones a/b/c, 4 CPU / 16Gi each. */
export function testNodes(
  count: number,
  zones = ['zone-a', 'zone-b', 'zone-c'],
): KubeObject[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${i + 1}`,
      labels: {
        'kubernetes.io/hostname': `node-${i + 1}`,
        'topology.kubernetes.io/zone': zones[i % zones.length],
      },
    },
    spec: { podCIDR: `10.244.${i}.0/24` },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      addresses: [{ type: 'InternalIP', address: `10.0.0.${10 + i}` }],
    },
  }));
}

/** Starts a cluster with the objects loaded as a scenario would, and every controller running. */
export async function startTestCluster(
  objects: KubeObject[],
  options: {
    behaviour?: ClusterBehaviour;
    startTime?: string;
    name?: string;
  } = {},
): Promise<TestCluster> {
  const clock = new SimulatedClock({
    startTime: options.startTime ?? '2025-03-12T10:00:00Z',
  });
  const store = new InMemoryClusterStore({
    clusterName: options.name ?? 'test',
    now: () => clock.now(),
    random: seededRandom(1),
  });
  for (const obj of orderForLoading(objects))
    store.operations.upsert(obj, { fieldManager: 'test-scenario' });
  const controllers = createControllers();
  const added: ScenarioCluster[] = [];
  const offs: Array<() => void> = [];
  for (const controller of controllers) {
    controller.start({
      store,
      clock,
      random: seededRandom(2),
      behaviour: options.behaviour ?? {},
      addCluster: spec => {
        added.push(spec);
        return {
          name: spec.name,
          url: `http://127.0.0.1:1/clusters/${spec.name}`,
          token: spec.token,
        };
      },
      baseUrl: () => 'http://127.0.0.1:1',
    });
    if (controller.tick) offs.push(clock.onTick(now => controller.tick!(now)));
  }
  const settle = async () => {
    for (let i = 0; i < 10; i++)
      await new Promise(resolve => setImmediate(resolve));
  };
  await settle();
  return {
    store,
    clock,
    added,
    settle,
    async advance(ms: number) {
      await clock.advance(ms);
      await settle();
    },
    list: (gvr, namespace, labelSelector) =>
      store.list(gvr, namespace, { labelSelector }).items,
    get: (gvr, namespace, name) => {
      try {
        return store.get(gvr, namespace, name);
      } catch {
        return undefined;
      }
    },
    stop() {
      for (const off of offs) off();
      for (const controller of controllers) controller.stop?.();
      store.close();
    },
  };
}
