import type { ClusterDetail, ClustersResponse, EntityWorkloadsResponse } from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { fleetScenario } from '../testing/fleetScenario';
import { startKubeyardTestBackend } from '../testing/startKubeyardTestBackend';

type Sim = Awaited<ReturnType<typeof startSimulator>>;

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop-web', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'shop-web' } },
    spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'no-k8s', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'production' },
  },
];

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('kubeyard router', () => {
  let sim: Sim;
  let server: Awaited<ReturnType<typeof startKubeyardTestBackend>>['server'];
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: fleetScenario(), port: 0, seed: 1 });
    const backend = await startKubeyardTestBackend({ fleet: sim, entities });
    server = backend.server;
    stopBackend = backend.stop;
    await eventually(async () => {
      const res = await request(server).get('/api/kubeyard/clusters');
      return (res.body as ClustersResponse).clusters?.every(c => c.sync.state === 'synced' && c.pods > 0);
    });
  });

  afterAll(async () => {
    await stopBackend?.();
    await sim?.stop();
  });

  it('GET /clusters summarises every cluster from the index', async () => {
    const res = await request(server).get('/api/kubeyard/clusters');
    expect(res.status).toBe(200);
    const { clusters } = res.body as ClustersResponse;
    expect(clusters.map(c => c.name)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = clusters;
    expect(alpha).toMatchObject({
      version: 'v1.31.4',
      status: 'healthy',
      nodes: { ready: 6, total: 6 },
      zones: ['z-a', 'z-b', 'z-c'],
      cpu: { allocatableCores: 48, requestedCores: 0.75 },
      pods: 3,
      namespaces: expect.any(Number),
    });
    expect(beta.status).toBe('degraded');
    expect(beta.nodes).toEqual({ ready: 2, total: 3 });
    expect(beta.findings.critical).toBeGreaterThan(0);
  });

  it('GET /clusters/:name shows zones, the control plane and findings', async () => {
    const res = await request(server).get('/api/kubeyard/clusters/beta');
    expect(res.status).toBe(200);
    const detail = res.body as ClusterDetail;
    expect(detail.topology.map(z => z.zone)).toEqual(['z-a']);
    expect(detail.controlPlane.nodes.map(n => n.name)).toEqual(['beta-cp']);
    expect(detail.findings.map(f => f.id)).toEqual(expect.arrayContaining(['cluster.control-plane.count', 'cluster.nodes.not-ready']));
  });

  it('GET /clusters/:name answers 404 for an unknown cluster, naming the known ones', async () => {
    const res = await request(server).get('/api/kubeyard/clusters/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/alpha, beta/);
  });

  it('GET /workloads finds the entity on every cluster with HA findings', async () => {
    const res = await request(server).get('/api/kubeyard/workloads').query({ entityRef: 'component:default/shop-web' });
    expect(res.status).toBe(200);
    const body = res.body as EntityWorkloadsResponse;
    expect(body.selector.labelSelector).toBe('backstage.io/kubernetes-id=shop-web');
    const alpha = body.clusters.find(c => c.cluster === 'alpha')!;
    expect(alpha.workloads).toHaveLength(1);
    expect(alpha.workloads[0]).toMatchObject({ kind: 'Deployment', namespace: 'shop', name: 'web', desiredReplicas: 3 });
    expect(alpha.workloads[0].pods).toHaveLength(3);
    const beta = body.clusters.find(c => c.cluster === 'beta')!;
    expect(beta.workloads[0].findings.map(f => f.id)).toContain('workload.replicas.single');
  });

  it.each([
    [{}, 400, /entityRef is required/],
    [{ entityRef: 'component:default/' }, 400, /not an entity reference/],
    [{ entityRef: 'component:default/missing' }, 404, /no catalog entity/],
    [{ entityRef: 'component:default/no-k8s' }, 400, /kubernetes-id/],
  ])('GET /workloads %j answers %i', async (query, status, message) => {
    const res = await request(server).get('/api/kubeyard/workloads').query(query);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('keeps answering from the index while a cluster is down', async () => {
    sim.faults.set('beta', { down: true });
    try {
      await eventually(async () => {
        const res = await request(server).get('/api/kubeyard/clusters');
        return (res.body as ClustersResponse).clusters.find(c => c.name === 'beta')?.status === 'unreachable';
      });
      const res = await request(server).get('/api/kubeyard/clusters');
      const beta = (res.body as ClustersResponse).clusters.find(c => c.name === 'beta')!;
      expect(beta.sync.state).toBe('stale');
      expect(beta.sync.error).toBeTruthy();
      expect((res.body as ClustersResponse).clusters.find(c => c.name === 'alpha')!.status).toBe('healthy');
    } finally {
      sim.faults.clear('beta');
    }
  });
});
