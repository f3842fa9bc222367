import { deepEqual } from '../controllers/objects';
import { desiredPodStatus } from '../controllers/podStatus';
import { podRequests } from '../controllers/podTemplate';
import { quantityValue } from '../apiserver/quantity';
import type { KubeObject } from '../types';
import { scaleScenario } from './scaleScenario';
import { scenarioProblems } from './validateScenario';

const small = { clusters: 3, namespaces: 4, pods: 300, seed: 5 };

describe('scaleScenario', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = scaleScenario(small);
    const b = scaleScenario(small);
    expect(JSON.stringify(a.clusters[1].objects)).toBe(
      JSON.stringify(b.clusters[1].objects),
    );
    expect(a.clusters.map(c => c.token)).toEqual(b.clusters.map(c => c.token));
    const c = scaleScenario({ ...small, seed: 6 });
    expect(c.clusters[0].token).not.toBe(a.clusters[0].token);
  });

  it('generates the requested fleet, valid as a scenario', () => {
    const fleet = scaleScenario(small);
    expect(fleet.clusters.map(c => c.name)).toEqual([
      'scale-001',
      'scale-002',
      'scale-003',
    ]);
    expect(scenarioProblems(fleet)).toEqual([]);
    for (const cluster of fleet.clusters) {
      const objects = cluster.objects;
      const appPods = objects.filter(
        o => o.kind === 'Pod' && o.metadata.namespace !== 'kube-system',
      );
      expect(appPods).toHaveLength(300);
      expect(new Set(appPods.map(p => p.metadata.namespace)).size).toBe(4);
    }
  });

  it('owns pods through ReplicaSets and Deployments by uid', () => {
    const objects = scaleScenario(small).clusters[0].objects;
    const uids = new Map(
      objects.filter(o => o.metadata.uid).map(o => [o.metadata.uid!, o]),
    );
    for (const pod of objects.filter(
      o => o.kind === 'Pod' && o.metadata.ownerReferences,
    )) {
      const rs = uids.get(pod.metadata.ownerReferences![0].uid)!;
      expect(rs.kind).toBe('ReplicaSet');
      expect(uids.get(rs.metadata.ownerReferences![0].uid)!.kind).toBe(
        'Deployment',
      );
      expect(pod.metadata.labels?.['pod-template-hash']).toBe(
        rs.metadata.labels?.['pod-template-hash'],
      );
    }
  });

  it('binds pods to workers within their capacity, with the status the kubelet would report', () => {
    const objects = scaleScenario(small).clusters[2].objects;
    const nodes = new Map(
      objects.filter(o => o.kind === 'Node').map(n => [n.metadata.name!, n]),
    );
    const used = new Map<string, { cpu: number; pods: number }>();
    for (const pod of objects.filter(
      o => o.kind === 'Pod' && o.metadata.ownerReferences,
    )) {
      const nodeName = (pod.spec as { nodeName: string }).nodeName;
      const node = nodes.get(nodeName)!;
      expect(node.metadata.labels).not.toHaveProperty(
        'node-role.kubernetes.io/control-plane',
      );
      const u = used.get(nodeName) ?? { cpu: 0, pods: 0 };
      u.cpu += podRequests(pod).cpu;
      u.pods++;
      used.set(nodeName, u);
      const again = desiredPodStatus({
        pod,
        node,
        now: new Date('2030-01-01T00:00:00Z'),
        jobDurationMs: 60_000,
      });
      expect(deepEqual(again, pod.status)).toBe(true);
      expect((pod.status as { phase: string }).phase).toBe('Running');
    }
    for (const [name, u] of used) {
      const allocatable = (
        nodes.get(name)!.status as { allocatable: Record<string, string> }
      ).allocatable;
      expect(u.cpu).toBeLessThanOrEqual(quantityValue(allocatable.cpu)!);
      expect(u.pods).toBeLessThanOrEqual(Number(allocatable.pods));
    }
  });

  it('generates a default-size cluster (4,000 pods) quickly', () => {
    const fleet = scaleScenario({ clusters: 50 });
    expect(fleet.clusters).toHaveLength(50);
    const started = Date.now();
    const objects: KubeObject[] = fleet.clusters[49].objects;
    const elapsed = Date.now() - started;
    expect(
      objects.filter(o => o.kind === 'Pod' && o.metadata.ownerReferences),
    ).toHaveLength(4000);
    expect(elapsed).toBeLessThan(5000);
  });
});
