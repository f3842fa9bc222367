import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from '../../server/startSimulator';
import { eventually, kubeConfigFor, namespace, startTestSimulator, statusOf, testScenario } from '../../__testUtils__/testSimulator';
import type { KubeObject } from '../../types';

const quota: KubeObject = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute', namespace: 'quota' },
  spec: {
    hard: {
      pods: '4',
      'requests.cpu': '5',
      'requests.memory': '8Gi',
      'limits.cpu': '10',
      'limits.memory': '16Gi',
      'count/configmaps': '3',
      services: '2',
      'services.loadbalancers': '1',
    },
  },
};

function pod(name: string, cpuLimit?: string, cpuRequest?: string): k8s.V1Pod {
  const resources = cpuLimit ? { limits: { cpu: cpuLimit, memory: '1Gi' }, requests: { cpu: cpuRequest ?? cpuLimit, memory: '512Mi' } } : undefined;
  return { metadata: { name }, spec: { containers: [{ name: 'app', image: 'app:1', ...(resources ? { resources } : {}) }] } };
}

describe('ResourceQuota admission and accounting', () => {
  let sim: RunningSimulator;
  let core: k8s.CoreV1Api;
  const used = async () => (await core.readNamespacedResourceQuota({ namespace: 'quota', name: 'compute' })).status?.used ?? {};

  beforeAll(async () => {
    sim = await startTestSimulator(testScenario([namespace('quota'), quota]));
    core = kubeConfigFor(sim).makeApiClient(k8s.CoreV1Api);
  });

  afterAll(() => sim.stop());

  it('mirrors spec.hard into status.hard and counts existing objects', async () => {
    const q = await core.readNamespacedResourceQuota({ namespace: 'quota', name: 'compute' });
    expect(q.status?.hard).toEqual(quota.spec && (quota.spec as any).hard);
    // kube-root-ca.crt is a ConfigMap like any other.
    expect(q.status?.used).toMatchObject({ pods: '0', 'limits.cpu': '0', 'count/configmaps': '1', services: '0' });
  });

  it('keeps status.used current as pods come and go', async () => {
    await core.createNamespacedPod({ namespace: 'quota', body: pod('a', '4', '1500m') });
    await core.createNamespacedPod({ namespace: 'quota', body: pod('b', '5', '2') });
    expect(await used()).toMatchObject({ pods: '2', 'limits.cpu': '9', 'requests.cpu': '3500m', 'limits.memory': '2Gi', 'requests.memory': '1Gi' });
    await core.deleteNamespacedPod({ namespace: 'quota', name: 'a' });
    expect(await used()).toMatchObject({ pods: '1', 'limits.cpu': '5', 'requests.cpu': '2' });
    await core.createNamespacedPod({ namespace: 'quota', body: pod('a', '4', '1500m') });
  });

  it('rejects what would exceed the quota with the real message', async () => {
    const err = await statusOf(core.createNamespacedPod({ namespace: 'quota', body: pod('c', '2', '1') }));
    expect(err).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "c" is forbidden: exceeded quota: compute, requested: limits.cpu=2, used: limits.cpu=9, limited: limits.cpu=10',
    });
    const two = await statusOf(core.createNamespacedPod({ namespace: 'quota', body: pod('d', '2', '2') }));
    expect(two.message).toBe(
      'pods "d" is forbidden: exceeded quota: compute, requested: limits.cpu=2,requests.cpu=2, used: limits.cpu=9,requests.cpu=3500m, limited: limits.cpu=10,requests.cpu=5',
    );
  });

  it('requires compute resources the quota tracks', async () => {
    const err = await statusOf(core.createNamespacedPod({ namespace: 'quota', body: pod('bare') }));
    expect(err.code).toBe(403);
    expect(err.message).toBe(
      'pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    );
  });

  it('counts services, load balancers and object counts', async () => {
    await core.createNamespacedService({ namespace: 'quota', body: { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } } });
    const lb2 = await statusOf(core.createNamespacedService({ namespace: 'quota', body: { metadata: { name: 'lb2' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } } }));
    expect(lb2.message).toBe('services "lb2" is forbidden: exceeded quota: compute, requested: services.loadbalancers=1, used: services.loadbalancers=1, limited: services.loadbalancers=1');
    await core.createNamespacedConfigMap({ namespace: 'quota', body: { metadata: { name: 'one' } } });
    await core.createNamespacedConfigMap({ namespace: 'quota', body: { metadata: { name: 'two' } } });
    const three = await statusOf(core.createNamespacedConfigMap({ namespace: 'quota', body: { metadata: { name: 'three' } } }));
    expect(three.message).toBe('configmaps "three" is forbidden: exceeded quota: compute, requested: count/configmaps=1, used: count/configmaps=3, limited: count/configmaps=3');
    expect(await used()).toMatchObject({ services: '1', 'services.loadbalancers': '1', 'count/configmaps': '3' });
  });

  it('applies to pods created by controllers: a Deployment over quota stays short', async () => {
    const apps = kubeConfigFor(sim).makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'quota',
      body: {
        metadata: { name: 'greedy' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'greedy' } },
          template: {
            metadata: { labels: { app: 'greedy' } },
            spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '500m', memory: '256Mi' } } }] },
          },
        },
      },
    });
    // Two pods fit under pods=4 (a and b exist); the third is refused by admission.
    await eventually(async () => (await core.listNamespacedPod({ namespace: 'quota', labelSelector: 'app=greedy' })).items.length === 2);
    await new Promise(r => setTimeout(r, 100));
    expect((await core.listNamespacedPod({ namespace: 'quota', labelSelector: 'app=greedy' })).items).toHaveLength(2);
    expect(await used()).toMatchObject({ pods: '4' });
  });
});
