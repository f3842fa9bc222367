import type { KubeObject } from '../types';
import {
  startTestCluster,
  type TestCluster,
  testNodes,
} from './__testing__/clusterHarness';
import { GVRS } from './gvr';
import { findCondition } from './objects';

const ns = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

function deployment(
  name: string,
  replicas: number,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27',
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: {
                requests: { cpu: '500m', memory: '256Mi' },
                limits: { cpu: '1', memory: '512Mi' },
              },
            },
          ],
        },
      },
      ...extra,
    },
  };
}

const ready = (pod: KubeObject) =>
  findCondition((pod.status as any)?.conditions, 'Ready')?.status === 'True';

describe('workload controllers (real store, simulated clock)', () => {
  let cluster: TestCluster;
  afterEach(() => cluster?.stop());

  it('runs a Deployment: ReplicaSet with pod-template-hash, Running Ready pods spread across zones, status', async () => {
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(6),
      deployment('web', 3),
    ]);
    const [rs] = cluster.list(GVRS.replicasets, 'shop');
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'web',
        controller: true,
      }),
    ]);
    const pods = cluster.list(GVRS.pods, 'shop');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: rs.metadata.name,
        uid: rs.metadata.uid,
      });
      expect(pod.metadata.labels).toMatchObject({
        app: 'web',
        'pod-template-hash': hash,
      });
      expect((pod.spec as any).containers[0].resources.requests).toEqual({
        cpu: '500m',
        memory: '256Mi',
      });
      expect(pod.status).toMatchObject({
        phase: 'Running',
        podIP: expect.stringMatching(/^10\.244\./),
        hostIP: expect.any(String),
        startTime: expect.any(String),
      });
      expect((pod.status as any).containerStatuses[0]).toMatchObject({
        ready: true,
        restartCount: 0,
      });
      expect(ready(pod)).toBe(true);
    }
    const nodes = new Map(
      cluster
        .list(GVRS.nodes)
        .map(n => [
          n.metadata.name,
          n.metadata.labels!['topology.kubernetes.io/zone'],
        ]),
    );
    expect(
      new Set(pods.map(p => nodes.get((p.spec as any).nodeName))).size,
    ).toBe(3);
    const status = cluster.get(GVRS.deployments, 'shop', 'web')!.status as any;
    expect(status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
    expect(findCondition(status.conditions, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    expect(findCondition(status.conditions, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
  });

  it('scales up and down when spec.replicas changes', async () => {
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(3),
      deployment('web', 2),
    ]);
    const patch = (replicas: number) =>
      cluster.store.patch(
        GVRS.deployments,
        'shop',
        'web',
        'application/merge-patch+json',
        { spec: { replicas } },
      );
    patch(5);
    await cluster.settle();
    expect(cluster.list(GVRS.pods, 'shop').filter(ready)).toHaveLength(5);
    patch(1);
    await cluster.settle();
    expect(cluster.list(GVRS.pods, 'shop')).toHaveLength(1);
    expect(cluster.get(GVRS.deployments, 'shop', 'web')!.status).toMatchObject({
      replicas: 1,
      availableReplicas: 1,
      observedGeneration: 3,
    });
  });

  it('rolls out a new template to a new ReplicaSet and drains the old one', async () => {
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(3),
      deployment('web', 3, {
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
        },
      }),
    ]);
    const before = cluster.list(GVRS.replicasets, 'shop')[0];
    cluster.store.patch(
      GVRS.deployments,
      'shop',
      'web',
      'application/json-patch+json',
      [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'nginx:1.28',
        },
      ],
    );
    await cluster.settle();
    const sets = cluster.list(GVRS.replicasets, 'shop');
    expect(sets).toHaveLength(2);
    const current = sets.find(rs => rs.metadata.uid !== before.metadata.uid)!;
    expect((current.spec as any).replicas).toBe(3);
    expect(
      (
        cluster.get(GVRS.replicasets, 'shop', before.metadata.name!)!
          .spec as any
      ).replicas,
    ).toBe(0);
    expect(
      current.metadata.annotations?.['deployment.kubernetes.io/revision'],
    ).toBe('2');
    const pods = cluster.list(GVRS.pods, 'shop');
    expect(pods).toHaveLength(3);
    expect(
      pods.every(p => (p.spec as any).containers[0].image === 'nginx:1.28'),
    ).toBe(true);
    expect(
      cluster.get(GVRS.deployments, 'shop', 'web')!.metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('2');
  });

  it('reports quota rejections as ReplicaFailure FailedCreate with an Event, and recovers when quota grows', async () => {
    const quota: KubeObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q', namespace: 'shop' },
      spec: { hard: { pods: '2' } },
    };
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(3),
      quota,
      deployment('web', 3),
    ]);
    expect(cluster.list(GVRS.pods, 'shop')).toHaveLength(2);
    const rs = cluster.list(GVRS.replicasets, 'shop')[0];
    const failure = findCondition(
      (rs.status as any).conditions,
      'ReplicaFailure',
    );
    expect(failure).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(failure!.message).toMatch(/forbidden: exceeded quota: q/);
    const d = cluster.get(GVRS.deployments, 'shop', 'web')!;
    expect(
      findCondition((d.status as any).conditions, 'ReplicaFailure'),
    ).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    const events = cluster
      .list(GVRS.events, 'shop')
      .filter(e => e.reason === 'FailedCreate');
    expect(events[0]).toMatchObject({
      type: 'Warning',
      involvedObject: { kind: 'ReplicaSet', name: rs.metadata.name },
    });
    expect(events[0].message).toMatch(
      /^Error creating: pods "web-.*" is forbidden: exceeded quota: q/,
    );

    cluster.store.patch(
      GVRS.resourcequotas,
      'shop',
      'q',
      'application/merge-patch+json',
      { spec: { hard: { pods: '5' } } },
    );
    await cluster.settle();
    expect(cluster.list(GVRS.pods, 'shop')).toHaveLength(3);
    const after = cluster.get(GVRS.replicasets, 'shop', rs.metadata.name!)!;
    expect(
      findCondition((after.status as any).conditions, 'ReplicaFailure'),
    ).toBeUndefined();
  });

  it('keeps pods that fit nowhere Pending with PodScheduled=False Unschedulable', async () => {
    const big = deployment('big', 1);
    (big.spec as any).template.spec.containers[0].resources = {
      requests: { cpu: '64' },
    };
    cluster = await startTestCluster([ns('shop'), ...testNodes(2), big]);
    const [pod] = cluster.list(GVRS.pods, 'shop');
    expect((pod.spec as any).nodeName).toBeUndefined();
    expect((pod.status as any).phase).toBe('Pending');
    expect(
      findCondition((pod.status as any).conditions, 'PodScheduled'),
    ).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: expect.stringMatching(
        /^0\/2 nodes are available: 2 Insufficient cpu\./,
      ),
    });
    expect(
      cluster
        .list(GVRS.events, 'shop')
        .some(e => e.reason === 'FailedScheduling'),
    ).toBe(true);
  });

  it('marks a NotReady node with taints and its pods not Ready; new pods avoid it', async () => {
    cluster = await startTestCluster(
      [ns('shop'), ...testNodes(2), deployment('web', 4)],
      { behaviour: { notReadyNodes: ['node-2'] } },
    );
    const node = cluster.get(GVRS.nodes, undefined, 'node-2')!;
    expect(
      findCondition((node.status as any).conditions, 'Ready'),
    ).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    expect(
      (node.spec as any).taints.map((t: any) => `${t.key}:${t.effect}`),
    ).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(
      cluster
        .list(GVRS.pods, 'shop')
        .every(p => (p.spec as any).nodeName === 'node-1'),
    ).toBe(true);
  });

  it('reports pods on a node that becomes NotReady as not Ready, and Endpoints follow', async () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 'http' }],
      },
    };
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(1),
      deployment('web', 2),
      service,
    ]);
    let endpoints = cluster.get(GVRS.endpoints, 'shop', 'web')!;
    expect((endpoints.subsets as any)[0].addresses).toHaveLength(2);
    expect((endpoints.subsets as any)[0].ports).toEqual([
      { port: 8080, protocol: 'TCP' },
    ]);
    const node = cluster.get(GVRS.nodes, undefined, 'node-1')!;
    const conditions = (node.status as any).conditions.map((c: any) =>
      c.type === 'Ready'
        ? { ...c, status: 'False', reason: 'KubeletNotReady' }
        : c,
    );
    cluster.store.updateStatus(GVRS.nodes, undefined, {
      ...node,
      status: { ...(node.status as any), conditions },
    });
    await cluster.settle();
    expect(cluster.list(GVRS.pods, 'shop').some(ready)).toBe(false);
    endpoints = cluster.get(GVRS.endpoints, 'shop', 'web')!;
    expect((endpoints.subsets as any)[0].addresses).toBeUndefined();
    expect((endpoints.subsets as any)[0].notReadyAddresses).toHaveLength(2);
  });

  it('applies podStates: CrashLoopBackOff with growing restarts', async () => {
    cluster = await startTestCluster(
      [ns('shop'), ...testNodes(1), deployment('worker', 1)],
      {
        behaviour: {
          podStates: [
            {
              selector: 'app=worker',
              reason: 'CrashLoopBackOff',
              restarts: 11,
            },
          ],
        },
      },
    );
    let [pod] = cluster.list(GVRS.pods, 'shop');
    expect((pod.status as any).containerStatuses[0]).toMatchObject({
      restartCount: 11,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
    await cluster.advance(20 * 60_000);
    [pod] = cluster.list(GVRS.pods, 'shop');
    expect((pod.status as any).containerStatuses[0].restartCount).toBe(15);
    expect(
      cluster.get(GVRS.deployments, 'shop', 'worker')!.status,
    ).toMatchObject({ replicas: 1 });
    expect(
      (cluster.get(GVRS.deployments, 'shop', 'worker')!.status as any)
        .availableReplicas,
    ).toBeUndefined();
    expect(
      cluster.list(GVRS.events, 'shop').some(e => e.reason === 'BackOff'),
    ).toBe(true);
  });

  it('runs a StatefulSet: ordinal pods, one Bound PVC per claim template and ordinal', async () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'shop' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'postgres:16' }] },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '10Gi' } },
            },
          },
        ],
      },
    };
    cluster = await startTestCluster([ns('shop'), ...testNodes(3), sts]);
    expect(
      cluster
        .list(GVRS.pods, 'shop')
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['db-0', 'db-1', 'db-2']);
    const claims = cluster.list(GVRS.persistentvolumeclaims, 'shop');
    expect(claims.map(c => c.metadata.name).sort()).toEqual([
      'data-db-0',
      'data-db-1',
      'data-db-2',
    ]);
    for (const claim of claims) {
      expect(claim.status).toMatchObject({
        phase: 'Bound',
        capacity: { storage: '10Gi' },
      });
      expect(
        cluster.get(
          GVRS.persistentvolumes,
          undefined,
          (claim.spec as any).volumeName,
        ),
      ).toBeDefined();
    }
    expect(cluster.get(GVRS.statefulsets, 'shop', 'db')!.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
    });
    cluster.store.patch(
      GVRS.statefulsets,
      'shop',
      'db',
      'application/merge-patch+json',
      { spec: { replicas: 1 } },
    );
    await cluster.settle();
    expect(cluster.list(GVRS.pods, 'shop').map(p => p.metadata.name)).toEqual([
      'db-0',
    ]);
    expect(cluster.list(GVRS.persistentvolumeclaims, 'shop')).toHaveLength(3);
  });

  it('runs a DaemonSet pod on every schedulable node, not on tainted control planes', async () => {
    const nodes = testNodes(3);
    (nodes[0].spec as any).taints = [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ];
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'shop' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'a', image: 'agent:1' }] },
        },
      },
    };
    cluster = await startTestCluster([ns('shop'), ...nodes, ds]);
    expect(
      cluster
        .list(GVRS.pods, 'shop')
        .map(p => (p.spec as any).nodeName)
        .sort(),
    ).toEqual(['node-2', 'node-3']);
    expect(cluster.get(GVRS.daemonsets, 'shop', 'agent')!.status).toMatchObject(
      { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 },
    );
  });

  it('runs a Job to completion in simulated time', async () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'report', namespace: 'shop' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'r', image: 'python:3.12' }],
          },
        },
      },
    };
    cluster = await startTestCluster([ns('shop'), ...testNodes(1), job]);
    expect(cluster.get(GVRS.jobs, 'shop', 'report')!.status).toMatchObject({
      active: 1,
    });
    await cluster.advance(2 * 60_000);
    const status = cluster.get(GVRS.jobs, 'shop', 'report')!.status as any;
    expect(status).toMatchObject({
      succeeded: 1,
      completionTime: expect.any(String),
    });
    expect(findCondition(status.conditions, 'Complete')).toMatchObject({
      status: 'True',
    });
    expect((cluster.list(GVRS.pods, 'shop')[0].status as any).phase).toBe(
      'Succeeded',
    );
  });

  it('reports PDB disruptionsAllowed, zero when minAvailable equals replicas', async () => {
    const pdb = (name: string, minAvailable: number): KubeObject => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace: 'shop' },
      spec: { minAvailable, selector: { matchLabels: { app: 'web' } } },
    });
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(3),
      deployment('web', 3),
      pdb('strict', 3),
      pdb('sane', 2),
    ]);
    expect(
      cluster.get(GVRS.poddisruptionbudgets, 'shop', 'strict')!.status,
    ).toMatchObject({
      expectedPods: 3,
      currentHealthy: 3,
      desiredHealthy: 3,
      disruptionsAllowed: 0,
    });
    expect(
      cluster.get(GVRS.poddisruptionbudgets, 'shop', 'sane')!.status,
    ).toMatchObject({ disruptionsAllowed: 1 });
  });

  it('expires Events after an hour, like --event-ttl', async () => {
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(1),
      deployment('web', 1),
    ]);
    expect(cluster.list(GVRS.events, 'shop').length).toBeGreaterThan(0);
    await cluster.advance(71 * 60_000);
    expect(cluster.list(GVRS.events, 'shop')).toEqual([]);
  });

  it('reports HorizontalPodAutoscaler status from simulated usage', async () => {
    const hpa: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
        },
        minReplicas: 3,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
    };
    cluster = await startTestCluster([
      ns('shop'),
      ...testNodes(3),
      deployment('web', 3),
      hpa,
    ]);
    await cluster.advance(5 * 60_000);
    const status = cluster.get(GVRS.horizontalpodautoscalers, 'shop', 'web')!
      .status as any;
    expect(status).toMatchObject({ currentReplicas: 3, desiredReplicas: 3 });
    expect(status.currentMetrics[0].resource).toMatchObject({
      name: 'cpu',
      current: { averageUtilization: expect.any(Number) },
    });
    expect(findCondition(status.conditions, 'ScalingActive')).toMatchObject({
      status: 'True',
      reason: 'ValidMetricFound',
    });
  });
});
