import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startSimulator } from '@kubeyard/kube-simulator';
import type { NodeInfo, PodInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import { fleetScenario } from '../testing/fleetScenario';
import { ConfigClusterLocator } from './ConfigClusterLocator';
import { FleetIndex } from './FleetIndex';
import type { WatchedType } from './types';
import { FLEET_TYPES, FEDERATION_TYPES } from './watchedTypes';

/** A custom resource no cluster serves. */
const NOT_INSTALLED: WatchedType = { key: 'widgets', group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true, optional: true, project: o => o };

type Sim = Awaited<ReturnType<typeof startSimulator>>;

jest.setTimeout(60_000);

const FAST = {
  pageSize: 2,
  requestTimeoutMs: 2_000,
  probeIntervalMs: 200,
  minBackoffMs: 50,
  maxBackoffMs: 400,
  absentRecheckMs: 60_000,
  watchTimeoutSeconds: 30,
  relocateIntervalMs: 60_000,
};

async function eventually<T>(what: string, check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

function configFor(sim: Sim, tokens: Record<string, string> = {}) {
  return new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: sim.clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: tokens[c.name] ?? c.token,
            skipTLSVerify: true,
          })),
        },
      ],
    },
  });
}

describe('FleetIndex against the embedded cluster', () => {
  let sim: Sim;
  let fleet: FleetIndex | undefined;

  beforeEach(async () => {
    sim = await startSimulator({ scenario: fleetScenario(), port: 0, seed: 1 });
  });

  afterEach(async () => {
    fleet?.stop();
    fleet = undefined;
    await sim.stop();
  });

  function startFleet(tokens?: Record<string, string>) {
    fleet = new FleetIndex(new ConfigClusterLocator(configFor(sim, tokens)), [...FLEET_TYPES, ...FEDERATION_TYPES, NOT_INSTALLED], mockServices.logger.mock(), FAST);
    return fleet.start().then(() => fleet!);
  }

  it('lists every page, projects objects and reports synced with version and latency', async () => {
    const index = await startFleet();
    const alpha = await eventually('alpha synced', () => {
      const snapshot = index.cluster('alpha');
      return snapshot?.sync.state === 'synced' && snapshot.list<PodInfo>('pods').length === 3 && snapshot;
    });
    expect(alpha.version).toBe('v1.31.4');
    expect(alpha.sync.latencyMs).toEqual(expect.any(Number));
    const nodes = alpha.list<NodeInfo>('nodes');
    expect(nodes).toHaveLength(6);
    expect(nodes.find(n => n.name === 'alpha-cp-a')).toMatchObject({ zone: 'z-a', roles: ['control-plane'], ready: true, allocatable: { cpuCores: 8, memoryBytes: 32 * 1024 ** 3, pods: 110 } });
    // A CRD the cluster does not serve is absent, not an error.
    expect(alpha.serves('widgets')).toBe(false);
    expect(index.cluster('beta')!.list<NodeInfo>('nodes').filter(n => !n.ready).map(n => n.name)).toEqual(['beta-w-2']);
  });

  it('follows changes through the watch', async () => {
    const index = await startFleet();
    await eventually('synced', () => index.cluster('alpha')?.sync.state === 'synced');
    const kc = new KubeConfig();
    const alpha = sim.clusters.find(c => c.name === 'alpha')!;
    kc.loadFromOptions({
      clusters: [{ name: 'alpha', server: alpha.url, skipTLSVerify: true }],
      users: [{ name: 'u', token: alpha.token }],
      contexts: [{ name: 'alpha', cluster: 'alpha', user: 'u' }],
      currentContext: 'alpha',
    });
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'added-later' } } });
    await eventually('namespace indexed', () => index.cluster('alpha')!.list<{ name: string }>('namespaces').some(n => n.name === 'added-later'));
    await core.deleteNamespace({ name: 'added-later' });
    await eventually('namespace gone', () => !index.cluster('alpha')!.list<{ name: string }>('namespaces').some(n => n.name === 'added-later'));
  });

  it('marks a cluster that goes down as stale with the error, keeps its data, and resyncs when it returns', async () => {
    const index = await startFleet();
    await eventually('synced', () => index.cluster('beta')?.sync.state === 'synced');
    sim.faults.set('beta', { errorStatus: 503 });
    const stale = await eventually('beta stale', () => {
      const snapshot = index.cluster('beta')!;
      return snapshot.sync.state === 'stale' && snapshot;
    });
    expect(stale.sync.error).toMatch(/503/);
    expect(stale.list<NodeInfo>('nodes')).toHaveLength(3);
    expect(index.cluster('alpha')!.sync.state).toBe('synced');
    sim.faults.clear('beta');
    await eventually('beta synced again', () => index.cluster('beta')!.sync.state === 'synced');
  });

  it('reports a cluster whose token is refused as error with the HTTP status', async () => {
    const index = await startFleet({ beta: 'wrong-token' });
    const beta = await eventually('beta error', () => {
      const snapshot = index.cluster('beta')!;
      return snapshot.sync.state === 'error' && snapshot;
    });
    expect(beta.sync.error).toMatch(/401/);
    await eventually('alpha still synced', () => index.cluster('alpha')!.sync.state === 'synced');
  });
});
