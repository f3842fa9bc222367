import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from './startSimulator';
import { eventually, kubeConfigFor, node, startTestSimulator, statusOf, testScenario } from '../__testUtils__/testSimulator';

function configMap(name: string, labels: Record<string, string> = {}): k8s.V1ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { key: name } };
}

describe('resource requests through @kubernetes/client-node', () => {
  let sim: RunningSimulator;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;

  beforeAll(async () => {
    sim = await startTestSimulator(testScenario([node('worker-1')]));
    const kc = kubeConfigFor(sim);
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });

  afterAll(() => sim.stop());

  it('creates, reads, updates and deletes', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('crud') });
    expect(created.metadata?.uid).toBeDefined();
    const read = await core.readNamespacedConfigMap({ namespace: 'team-a', name: 'crud' });
    expect(read.data).toEqual({ key: 'crud' });
    read.data = { key: 'changed' };
    const updated = await core.replaceNamespacedConfigMap({ namespace: 'team-a', name: 'crud', body: read });
    expect(Number(updated.metadata!.resourceVersion)).toBeGreaterThan(Number(read.metadata!.resourceVersion));
    await core.deleteNamespacedConfigMap({ namespace: 'team-a', name: 'crud' });
    const gone = await statusOf(core.readNamespacedConfigMap({ namespace: 'team-a', name: 'crud' }));
    expect(gone).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound', message: 'configmaps "crud" not found' });
  });

  it('answers 409 AlreadyExists and 409 Conflict as Status objects', async () => {
    await core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('dup') });
    const exists = await statusOf(core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('dup') }));
    expect(exists).toMatchObject({ code: 409, reason: 'AlreadyExists', details: { name: 'dup', kind: 'configmaps' } });

    const d = await apps.createNamespacedDeployment({
      namespace: 'team-a',
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
        },
      },
    });
    const stale = { ...d, metadata: { ...d.metadata, resourceVersion: '1' } };
    const conflict = await statusOf(apps.replaceNamespacedDeployment({ namespace: 'team-a', name: 'web', body: stale }));
    expect(conflict).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('refuses creates into missing namespaces and invalid names', async () => {
    expect(await statusOf(core.createNamespacedConfigMap({ namespace: 'nope', body: configMap('x') }))).toMatchObject({
      code: 404,
      message: 'namespaces "nope" not found',
    });
    const invalid = await statusOf(core.createNamespace({ body: { metadata: { name: 'Not_Valid' } } }));
    expect(invalid).toMatchObject({ code: 422, reason: 'Invalid', details: { name: 'Not_Valid', kind: 'Namespace' } });
    expect(invalid.message).toContain('a lowercase RFC 1123 label must consist of lower case alphanumeric characters');
  });

  it('lists with selectors, limit and continue', async () => {
    await core.createNamespace({ body: { metadata: { name: 'paging' } } });
    for (let i = 0; i < 12; i++) {
      await core.createNamespacedConfigMap({ namespace: 'paging', body: configMap(`cm-${String(i).padStart(2, '0')}`, { parity: i % 2 ? 'odd' : 'even', idx: String(i) }) });
    }
    const odd = await core.listNamespacedConfigMap({ namespace: 'paging', labelSelector: 'parity=odd' });
    expect(odd.items).toHaveLength(6);
    expect(odd.kind).toBe('ConfigMapList');
    expect(odd.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect((await core.listNamespacedConfigMap({ namespace: 'paging', labelSelector: 'idx notin (1,2,3),parity' })).items).toHaveLength(9);
    expect((await core.listNamespacedConfigMap({ namespace: 'paging', labelSelector: '!parity' })).items.map(c => c.metadata?.name)).toEqual(['kube-root-ca.crt']);
    expect((await core.listNamespacedConfigMap({ namespace: 'paging', fieldSelector: 'metadata.name=cm-03' })).items).toHaveLength(1);
    expect(await statusOf(core.listNamespacedConfigMap({ namespace: 'paging', fieldSelector: 'data.key=x' }))).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'field label not supported: data.key',
    });

    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: 'paging', limit: 5, _continue: token });
      names.push(...page.items.map(c => c.metadata!.name!));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toHaveLength(13);
    expect(new Set(names).size).toBe(13);
  });

  it('honours dryRun=All on every write', async () => {
    const before = (await core.listNamespacedConfigMap({ namespace: 'team-a' })).metadata!.resourceVersion;
    const dry = await core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('dry'), dryRun: 'All' });
    expect(dry.metadata?.name).toBe('dry');
    expect((await statusOf(core.readNamespacedConfigMap({ namespace: 'team-a', name: 'dry' }))).code).toBe(404);
    await core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('wet') });
    const mid = (await core.listNamespacedConfigMap({ namespace: 'team-a' })).metadata!.resourceVersion;
    await core.deleteNamespacedConfigMap({ namespace: 'team-a', name: 'wet', dryRun: 'All' });
    await core.patchNamespacedConfigMap(
      { namespace: 'team-a', name: 'wet', body: { data: { key: 'dry' } }, dryRun: 'All' },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const after = await core.listNamespacedConfigMap({ namespace: 'team-a' });
    expect(after.metadata!.resourceVersion).toBe(mid);
    expect(Number(mid)).toBeGreaterThan(Number(before));
    expect(after.items.find(c => c.metadata?.name === 'wet')?.data).toEqual({ key: 'wet' });
  });

  it('serves subresources: status, scale and log', async () => {
    await apps.createNamespacedDeployment({
      namespace: 'team-a',
      body: {
        metadata: { name: 'scaled' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'scaled' } },
          template: { metadata: { labels: { app: 'scaled' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
        },
      },
    });
    const scale = await apps.readNamespacedDeploymentScale({ namespace: 'team-a', name: 'scaled' });
    expect(scale).toMatchObject({ kind: 'Scale', spec: { replicas: 1 }, status: { selector: 'app=scaled' } });
    await apps.patchNamespacedDeploymentScale(
      { namespace: 'team-a', name: 'scaled', body: { spec: { replicas: 3 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect((await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'scaled' })).spec?.replicas).toBe(3);

    const svc = await core.createNamespacedService({ namespace: 'team-a', body: { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } } });
    const ingress = { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } };
    await core.replaceNamespacedServiceStatus({ namespace: 'team-a', name: 'lb', body: { ...svc, spec: { ...svc.spec, ports: [] }, status: ingress } });
    const lb = await core.readNamespacedServiceStatus({ namespace: 'team-a', name: 'lb' });
    expect(lb.status).toEqual(ingress);
    expect(lb.spec?.ports).toHaveLength(1);

    // The simulated kubelet runs the pod on the scenario's node; then it has logs.
    await core.createNamespacedPod({ namespace: 'team-a', body: { metadata: { name: 'logger' }, spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] } } });
    await eventually(async () => (await core.readNamespacedPodStatus({ namespace: 'team-a', name: 'logger' })).status?.phase === 'Running');
    await sim.clock.advance(5 * 60_000);
    const log = await core.readNamespacedPodLog({ namespace: 'team-a', name: 'logger', tailLines: 3 });
    expect(log.trim().split('\n')).toHaveLength(3);
    expect(log).toContain('[main]');
  });

  it('applies JSON patches and answers failed tests with 422', async () => {
    await core.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('jp') });
    const patched = await core.patchNamespacedConfigMap(
      { namespace: 'team-a', name: 'jp', body: [{ op: 'add', path: '/metadata/labels/patched', value: 'yes' }, { op: 'replace', path: '/data/key', value: 'v2' }] },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    expect(patched.metadata?.labels).toEqual({ patched: 'yes' });
    expect(patched.data).toEqual({ key: 'v2' });
    const failed = await statusOf(
      core.patchNamespacedConfigMap(
        { namespace: 'team-a', name: 'jp', body: [{ op: 'test', path: '/data/key', value: 'nope' }] },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
      ),
    );
    expect(failed).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('evicts pods through the eviction subresource', async () => {
    await core.createNamespacedPod({ namespace: 'team-a', body: { metadata: { name: 'evictee' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } });
    await core.createNamespacedPodEviction({ namespace: 'team-a', name: 'evictee', body: { metadata: { name: 'evictee', namespace: 'team-a' } } });
    expect((await statusOf(core.readNamespacedPod({ namespace: 'team-a', name: 'evictee' }))).code).toBe(404);
  });

  it('deletes collections by label', async () => {
    await core.createNamespace({ body: { metadata: { name: 'sweep' } } });
    for (const n of ['a', 'b', 'c']) await core.createNamespacedConfigMap({ namespace: 'sweep', body: configMap(n, { sweep: n === 'c' ? 'no' : 'yes' }) });
    await core.deleteCollectionNamespacedConfigMap({ namespace: 'sweep', labelSelector: 'sweep=yes' });
    const left = await core.listNamespacedConfigMap({ namespace: 'sweep', labelSelector: 'sweep' });
    expect(left.items.map(c => c.metadata?.name)).toEqual(['c']);
  });

  it('answers unknown resources with 404 and unknown clusters with 404', async () => {
    const res = await fetch(`${sim.clusters[0].url}/apis/example.com/v1/widgets`, { headers: { Authorization: 'Bearer admin-token' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    const other = await fetch(`${sim.url}/clusters/nope/api`, { headers: { Authorization: 'Bearer admin-token' } });
    expect(other.status).toBe(404);
  });
});

describe('malformed bodies', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });

  afterAll(() => sim.stop());

  it.each([
    ['/apis/apps/v1/namespaces/team-a/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: 'oops' }],
    ['/api/v1/namespaces/team-a/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: { port: 80 } } }],
    ['/api/v1/namespaces/team-a/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: ['x'] }, spec: { containers: 'none' } }],
    ['/api/v1/namespaces/team-a/configmaps', ['not', 'an', 'object']],
    ['/api/v1/namespaces/team-a/configmaps', '{"broken json'],
  ])('rejects %s %j with 4xx, never 500', async (path, body) => {
    const res = await fetch(`${sim.clusters[0].url}${path}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer admin-token', 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.json()).toMatchObject({ kind: 'Status', status: 'Failure' });
  });
});
