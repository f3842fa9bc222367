import type { NodeInfo, PodInfo } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';
import { ClusterEvaluator, clusterSummary } from './clusterViews';

function node(name: string, zone: string): NodeInfo {
  return {
    name,
    zone,
    roles: ['worker'],
    ready: true,
    unschedulable: false,
    capacity: { cpuCores: 4, memoryBytes: 8 * 1024 ** 3, pods: 110 },
    allocatable: { cpuCores: 4, memoryBytes: 8 * 1024 ** 3, pods: 110 },
    conditions: [{ type: 'Ready', status: 'True' }],
    taints: [],
    labels: {},
  };
}

function pod(name: string, nodeName: string | undefined, phase: PodInfo['phase'], cpuCores: number): PodInfo {
  return {
    namespace: 'shop',
    name,
    nodeName,
    phase,
    ready: phase === 'Running',
    restarts: 0,
    labels: {},
    containers: [{ name: 'app', requests: { cpuCores, memoryBytes: 1024 }, limits: {}, livenessProbe: true, readinessProbe: true, startupProbe: false }],
  };
}

function snapshot(generation: number, pods: PodInfo[]): ClusterSnapshot {
  const data: Record<string, unknown[]> = { nodes: [node('a', 'z1'), node('b', 'z2')], pods, namespaces: [{ name: 'shop' }] };
  return {
    name: 'c1',
    version: 'v1.31.0',
    generation,
    sync: { state: 'synced' },
    list: <T>(key: string) => (data[key] ?? []) as T[],
    serves: () => true,
  };
}

describe('cluster views', () => {
  it('sums the requests of scheduled, unfinished pods only', () => {
    const summary = clusterSummary(
      snapshot(1, [pod('run', 'a', 'Running', 0.5), pod('pending', undefined, 'Pending', 2), pod('done', 'b', 'Succeeded', 3)]),
      new ClusterEvaluator(),
    );
    expect(summary.cpu).toEqual({ allocatableCores: 8, requestedCores: 0.5 });
    expect(summary.pods).toBe(2);
    expect(summary.zones).toEqual(['z1', 'z2']);
    expect(summary.nodes).toEqual({ ready: 2, total: 2 });
  });

  it('re-evaluates a cluster only when its generation moves', () => {
    const evaluator = new ClusterEvaluator();
    const first = evaluator.evaluate(snapshot(1, [pod('run', 'a', 'Running', 0.5)]));
    expect(evaluator.evaluate(snapshot(1, [pod('other', 'a', 'Running', 1)]))).toBe(first);
    const next = evaluator.evaluate(snapshot(2, [pod('other', 'a', 'Running', 1)]));
    expect(next).not.toBe(first);
    expect(next.requested.cpuCores).toBe(1);
  });
});
