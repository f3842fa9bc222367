import type { ClusterSnapshot, KubeObject } from '../fleet';
import { projectNode, projectPod } from '../fleet/projections';
import { modelSample } from './modelSample';

function node(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    kind: 'Node',
    metadata: { name, labels },
    spec: {},
    status: {
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

function pod(namespace: string, name: string, nodeName: string): KubeObject {
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels: { 'backstage.io/kubernetes-id': 'search' } },
    spec: { nodeName, containers: [{ name: 'app', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function snapshot(name: string, nodes: KubeObject[], pods: KubeObject[]): ClusterSnapshot {
  const lists: Record<string, unknown[]> = {
    nodes: nodes.map(projectNode),
    pods: pods.map(projectPod),
    persistentvolumeclaims: [],
  };
  return {
    name,
    sync: { state: 'synced' } as ClusterSnapshot['sync'],
    generation: 1,
    list: <T,>(key: string) => (lists[key] ?? []) as T[],
    serves: () => true,
  };
}

const noMetrics = { pods: new Map() };
const at = '2026-11-22T12:00:00.000Z';

describe('modelSample', () => {
  it('charges the pods and capacity of a real cluster', () => {
    const host = snapshot('staging', [node('worker-1'), node('worker-2')], [pod('search-dev', 'api-1', 'worker-1')]);
    const sample = modelSample(host, noMetrics, at);
    expect(sample.pods).toEqual([
      { namespace: 'search-dev', pod: 'api-1', workload: 'search', cpuRequestCores: 0.5, ramRequestBytes: 2 ** 30 },
    ]);
    expect(sample.allocatableCpuCores).toBe(8);
    expect(sample.allocatableRamBytes).toBe(32 * 2 ** 30);
  });

  it('charges nothing on a virtual cluster: its pods run, and are charged, on the host', () => {
    const fake = { 'vcluster.loft.sh/fake-node': 'true' };
    const virtual = snapshot('staging-search-dev-sandbox', [node('worker-1', fake)], [pod('default', 'api-1', 'worker-1')]);
    const sample = modelSample(virtual, noMetrics, at);
    expect(sample.pods).toEqual([]);
    expect(sample.allocatableCpuCores).toBe(0);
    expect(sample.allocatableRamBytes).toBe(0);
  });

  it('keeps the capacity of cordoned and NotReady nodes: they are paid for, so it is idle', () => {
    const cordoned = { ...node('cordoned'), spec: { unschedulable: true } };
    const notReady = node('not-ready');
    notReady.status.conditions = [{ type: 'Ready', status: 'False' }];
    const sample = modelSample(snapshot('prod-us', [node('worker'), cordoned, notReady], []), noMetrics, at);
    expect(sample.allocatableCpuCores).toBe(12);
  });

  it('skips only pods on fake nodes when a cluster mixes both', () => {
    const fake = { 'vcluster.loft.sh/fake-node': 'true' };
    const mixed = snapshot('mixed', [node('real'), node('virtual', fake)], [pod('a', 'on-real', 'real'), pod('a', 'on-virtual', 'virtual')]);
    const sample = modelSample(mixed, noMetrics, at);
    expect(sample.pods.map(p => p.pod)).toEqual(['on-real']);
    expect(sample.allocatableCpuCores).toBe(4);
  });
});
