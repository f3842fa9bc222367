import type { RunningSimulator } from '../server/startSimulator';
import { eventually, node, startTestSimulator, testScenario } from '../__testUtils__/testSimulator';

describe('metrics.k8s.io', () => {
  let sim: RunningSimulator;
  const get = async (path: string) => {
    const res = await fetch(`${sim.clusters[0].url}${path}`, { headers: { Authorization: 'Bearer admin-token' } });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    sim = await startTestSimulator(
      testScenario([
        node('worker-1'),
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'busy', namespace: 'team-a', labels: { app: 'busy' } },
          spec: { containers: [{ name: 'main', image: 'app:1', resources: { requests: { cpu: '500m', memory: '256Mi' } } }] },
        },
      ]),
    );
  });

  afterAll(() => sim.stop());

  it('serves PodMetrics for running pods, in metrics-server units', async () => {
    const list = (await eventually(async () => {
      const l = await get('/apis/metrics.k8s.io/v1beta1/namespaces/team-a/pods');
      return l.body.items.length ? l : undefined;
    }))!;
    expect(list.body.kind).toBe('PodMetricsList');
    const m = list.body.items[0];
    expect(m).toMatchObject({ kind: 'PodMetrics', metadata: { name: 'busy', namespace: 'team-a', labels: { app: 'busy' } }, window: '30s' });
    expect(m.containers[0].name).toBe('main');
    expect(m.containers[0].usage.cpu).toMatch(/^\d+n$/);
    expect(m.containers[0].usage.memory).toMatch(/^\d+Ki$/);
    expect((await get('/apis/metrics.k8s.io/v1beta1/namespaces/team-a/pods/busy')).body.metadata.name).toBe('busy');
    expect((await get('/apis/metrics.k8s.io/v1beta1/namespaces/team-a/pods/missing')).status).toBe(404);
  });

  it('serves NodeMetrics and refuses writes', async () => {
    const nodes = await get('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(nodes.body.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['worker-1']);
    expect(nodes.body.items[0].usage.cpu).toMatch(/^\d+n$/);
    const res = await fetch(`${sim.clusters[0].url}/apis/metrics.k8s.io/v1beta1/nodes`, {
      method: 'POST',
      headers: { Authorization: 'Bearer admin-token', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
  });
});
