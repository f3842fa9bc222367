/*
 * The demo fleet through the real server, with @kubernetes/client-node as Kubeyard uses it.
 */
import * as k8s from '@kubernetes/client-node';
import {
  startSimulator,
  type RunningSimulator,
} from '../server/startSimulator';

let sim: RunningSimulator;

function client(cluster: string, token: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  const info = sim.clusters.find(c => c.name === cluster)!;
  kc.loadFromOptions({
    clusters: [{ name: cluster, server: info.url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: cluster, cluster, user: 'u' }],
    currentContext: cluster,
  });
  return kc;
}

const admin = (cluster: string) =>
  client(cluster, `kubeyard-demo-${cluster}-admin`);
const velero = { group: 'velero.io', version: 'v1', namespace: 'velero' };

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (err) {
    return (err as { code?: number }).code ?? 0;
  }
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'demo', port: 0 });
  await new Promise(resolve => setTimeout(resolve, 200));
});
afterAll(() => sim?.stop());

describe('the demo through the API', () => {
  it('serves the four clusters plus the staging vcluster', () => {
    expect(sim.clusters.map(c => c.name)).toEqual([
      'prod-eu',
      'prod-us',
      'staging',
      'fed-host',
      'staging-search-dev-sandbox',
    ]);
  });

  it('runs payments-api with three Ready pods spread over three zones', async () => {
    const apps = admin('prod-eu').makeApiClient(k8s.AppsV1Api);
    const core = admin('prod-eu').makeApiClient(k8s.CoreV1Api);
    const deployment = await apps.readNamespacedDeployment({
      name: 'payments-api',
      namespace: 'payments-prod',
    });
    expect(deployment.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
    });
    const pods = await core.listNamespacedPod({
      namespace: 'payments-prod',
      labelSelector: 'backstage.io/kubernetes-id=payments-api',
    });
    expect(pods.items).toHaveLength(3);
    const nodes = await core.listNode();
    const zoneOf = new Map(
      nodes.items.map(n => [
        n.metadata!.name!,
        n.metadata!.labels!['topology.kubernetes.io/zone'],
      ]),
    );
    expect(
      new Set(pods.items.map(p => zoneOf.get(p.spec!.nodeName!))).size,
    ).toBe(3);
    expect(
      pods.items.every(p =>
        p.status!.conditions!.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      ),
    ).toBe(true);
  });

  it('shows ledger-worker crash-looping with more than ten restarts', async () => {
    const core = admin('prod-eu').makeApiClient(k8s.CoreV1Api);
    const pods = await core.listNamespacedPod({
      namespace: 'payments-prod',
      labelSelector: 'app.kubernetes.io/name=ledger-worker',
    });
    const container = pods.items[0].status!.containerStatuses![0];
    expect(container.state!.waiting!.reason).toBe('CrashLoopBackOff');
    expect(container.restartCount).toBeGreaterThan(10);
  });

  it('enforces RBAC for the demo users', async () => {
    const alice = client('prod-eu', 'demo-alice-token').makeApiClient(
      k8s.CoreV1Api,
    );
    const erin = client('prod-eu', 'demo-erin-token').makeApiClient(
      k8s.CoreV1Api,
    );
    expect(
      await status(alice.listNamespacedSecret({ namespace: 'payments-prod' })),
    ).toBe(200);
    expect(
      await status(alice.listNamespacedPod({ namespace: 'checkout-prod' })),
    ).toBe(403);
    expect(
      await status(erin.listNamespacedPod({ namespace: 'payments-prod' })),
    ).toBe(200);
    expect(
      await status(erin.listNamespacedSecret({ namespace: 'payments-prod' })),
    ).toBe(403);
  });

  it('serves pod metrics that follow the usage model', async () => {
    const metrics = new k8s.Metrics(admin('prod-eu'));
    const list = await metrics.getPodMetrics('checkout-prod');
    expect(list.items).toHaveLength(6);
    expect(
      list.items.every(p =>
        p.containers.every(c => c.usage.cpu !== '0' && c.usage.memory !== '0'),
      ),
    ).toBe(true);
  });

  it('hands out a working kubeconfig for the vcluster in Secret vc-sandbox', async () => {
    const core = admin('staging').makeApiClient(k8s.CoreV1Api);
    const secret = await core.readNamespacedSecret({
      name: 'vc-sandbox',
      namespace: 'search-dev',
    });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(Buffer.from(secret.data!.config, 'base64').toString());
    const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode();
    expect(nodes.items.length).toBeGreaterThan(0);
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.30.4');
  });

  it('runs Velero in simulated time and restores a backup into a new namespace', async () => {
    const objects = admin('prod-eu').makeApiClient(k8s.CustomObjectsApi);
    const before = (await objects.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
    })) as { items: any[] };
    const phases = new Set(before.items.map(b => b.status.phase));
    for (const phase of ['Completed', 'PartiallyFailed', 'Failed'])
      expect(phases).toContain(phase);

    await sim.clock.advance(2 * 3_600_000);
    const after = (await objects.listNamespacedCustomObject({
      ...velero,
      plural: 'backups',
      labelSelector: 'velero.io/schedule-name=payments-hourly',
    })) as { items: any[] };
    const fresh = after.items.filter(
      b => !before.items.some(o => o.metadata.name === b.metadata.name),
    );
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    const done = fresh.find(b => b.status.phase === 'Completed')!;
    expect(done.status).toMatchObject({
      startTimestamp: expect.any(String),
      completionTimestamp: expect.any(String),
      expiration: expect.any(String),
    });

    await objects.createNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      body: {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        metadata: { name: 'payments-drill' },
        spec: {
          backupName: done.metadata.name,
          namespaceMapping: { 'payments-prod': 'payments-prod-restored' },
        },
      },
    });
    await sim.clock.advance(2 * 60_000);
    const restore = (await objects.getNamespacedCustomObject({
      ...velero,
      plural: 'restores',
      name: 'payments-drill',
    })) as any;
    expect(restore.status).toMatchObject({
      phase: 'Completed',
      startTimestamp: expect.any(String),
      completionTimestamp: expect.any(String),
    });
    const apps = admin('prod-eu').makeApiClient(k8s.AppsV1Api);
    const restored = await apps.readNamespacedDeployment({
      name: 'payments-api',
      namespace: 'payments-prod-restored',
    });
    expect(restored.metadata!.labels!['velero.io/restore-name']).toBe(
      'payments-drill',
    );
    expect(restored.status!.readyReplicas).toBe(3);
  });
});
