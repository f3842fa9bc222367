import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from './startSimulator';
import { eventually, kubeConfigFor, startTestSimulator, testScenario } from '../__testUtils__/testSimulator';

type Seen = { type: string; name?: string; rv?: string; obj: any };

describe('watch over HTTP', () => {
  let sim: RunningSimulator;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  const aborts: AbortController[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator(testScenario(), { watchHistorySize: 50, watchBookmarkIntervalMs: 50 });
    kc = kubeConfigFor(sim);
    core = kc.makeApiClient(k8s.CoreV1Api);
  });

  afterAll(async () => {
    for (const a of aborts) a.abort();
    await sim.stop();
  });

  async function watch(path: string, query: Record<string, string | number | boolean | undefined>, seen: Seen[], done?: (err: unknown) => void) {
    const abort = await new k8s.Watch(kc).watch(
      path,
      query,
      (type, obj) => seen.push({ type, name: obj?.metadata?.name, rv: obj?.metadata?.resourceVersion, obj }),
      err => done?.(err),
    );
    aborts.push(abort);
    return abort;
  }

  it('streams ADDED, MODIFIED and DELETED from a resourceVersion', async () => {
    await core.createNamespace({ body: { metadata: { name: 'w1' } } });
    const list = await core.listNamespacedConfigMap({ namespace: 'w1' });
    const seen: Seen[] = [];
    await watch('/api/v1/namespaces/w1/configmaps', { resourceVersion: list.metadata!.resourceVersion }, seen);
    await core.createNamespacedConfigMap({ namespace: 'w1', body: { metadata: { name: 'a' }, data: { v: '1' } } });
    await core.patchNamespacedConfigMap(
      { namespace: 'w1', name: 'a', body: { data: { v: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await core.deleteNamespacedConfigMap({ namespace: 'w1', name: 'a' });
    await eventually(() => seen.length >= 3);
    expect(seen.map(e => `${e.type}:${e.name}`)).toEqual(['ADDED:a', 'MODIFIED:a', 'DELETED:a']);
    const rvs = seen.map(e => Number(e.rv));
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
  });

  it('sends existing objects as ADDED when no resourceVersion is given, and filters by label', async () => {
    await core.createNamespace({ body: { metadata: { name: 'w2' } } });
    await core.createNamespacedConfigMap({ namespace: 'w2', body: { metadata: { name: 'old', labels: { w: 'yes' } } } });
    const seen: Seen[] = [];
    await watch('/api/v1/namespaces/w2/configmaps', { labelSelector: 'w=yes' }, seen);
    await core.createNamespacedConfigMap({ namespace: 'w2', body: { metadata: { name: 'new', labels: { w: 'yes' } } } });
    await core.createNamespacedConfigMap({ namespace: 'w2', body: { metadata: { name: 'other', labels: { w: 'no' } } } });
    await eventually(() => seen.length >= 2);
    await new Promise(r => setTimeout(r, 50));
    expect(seen.map(e => `${e.type}:${e.name}`)).toEqual(['ADDED:old', 'ADDED:new']);
  });

  it('sends BOOKMARK events when allowed', async () => {
    const seen: Seen[] = [];
    const rv = (await core.listNamespace()).metadata!.resourceVersion;
    await watch('/api/v1/namespaces', { resourceVersion: rv, allowWatchBookmarks: true }, seen);
    await eventually(() => seen.some(e => e.type === 'BOOKMARK'));
    const bookmark = seen.find(e => e.type === 'BOOKMARK')!;
    expect(bookmark.obj).toMatchObject({ kind: 'Namespace', apiVersion: 'v1', metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } });
  });

  it('answers a too-old resourceVersion with a 410 Expired ERROR event', async () => {
    const start = (await core.listNamespace()).metadata!.resourceVersion;
    await core.createNamespace({ body: { metadata: { name: 'churn' } } });
    for (let i = 0; i < 60; i++) await core.createNamespacedConfigMap({ namespace: 'churn', body: { metadata: { name: `c${i}` } } });
    const seen: Seen[] = [];
    let ended = false;
    await watch('/api/v1/namespaces', { resourceVersion: start }, seen, () => (ended = true));
    await eventually(() => seen.length > 0 && ended);
    expect(seen[0].type).toBe('ERROR');
    expect(seen[0].obj).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired', message: expect.stringContaining('too old resource version') });
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now();
    let ended = false;
    await watch('/api/v1/namespaces', { timeoutSeconds: 1 }, [], () => (ended = true));
    await eventually(() => ended, 4000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('watches a single object by name through the watch path', async () => {
    await core.createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'single' } } });
    await core.createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'other-one' } } });
    const seen: Seen[] = [];
    await watch('/api/v1/namespaces/team-a/configmaps', { fieldSelector: 'metadata.name=single' }, seen);
    await eventually(() => seen.length >= 1);
    await new Promise(r => setTimeout(r, 50));
    expect(seen.map(e => e.name)).toEqual(['single']);
  });
});
