import type { NodeInfo, PodInfo } from '../fleet/types';
import { evaluateClusterHa } from './evaluateClusterHa';
import { container, controlPlane, GiB, pod, worker } from './testing/builders';

/** A pod requesting cores (and 1Gi) on a node. */
function requesting(name: string, nodeName: string, cpuCores: number, overrides: Partial<PodInfo> = {}): PodInfo {
  return pod(name, {
    nodeName,
    containers: [container('app', { requests: { cpuCores, memoryBytes: GiB } })],
    ...overrides,
  });
}

/** Pods requesting the given cores on each node, round robin, in 1-core pods. */
function load(nodes: NodeInfo[], cores: number): PodInfo[] {
  return Array.from({ length: cores }, (_, i) => requesting(`p-${i}`, nodes[i % nodes.length].name, 1));
}

function findings(nodes: NodeInfo[], pods: PodInfo[], id: string) {
  return evaluateClusterHa({ cluster: 'prod-eu', nodes, pods }).findings.filter(f => f.id === id);
}

// 3 zones with 2 workers of 4 cores and 16Gi each: 24 cores, 8 per zone.
const sixWorkers = ['a', 'b', 'c'].flatMap(zone => [worker(`w-${zone}1`, zone), worker(`w-${zone}2`, zone)]);

describe('capacity reserve', () => {
  it.each<[string, number, string | undefined]>([
    ['requests at 50% of CPU', 12, undefined],
    ['requests at 70% of CPU (the limit itself)', 16.8, undefined],
    ['requests at 75% of CPU', 18, '75% of allocatable CPU (18 cores of 24 cores)'],
  ])('%s', (_, cores, message) => {
    const pods = [requesting('big', 'w-a1', cores)];
    const found = findings(sixWorkers, pods, 'cluster.capacity.reserve');
    if (!message) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map(f => f.severity)).toEqual(['warning']);
    expect(found[0].message).toContain(message);
    expect(found[0].fix).toBe(
      'Add about 1.71 cores of allocatable worker capacity, or lower requests that exceed observed usage, to bring requests back under 70%',
    );
  });

  it('checks memory as well as CPU', () => {
    const pods = [pod('hungry', { nodeName: 'w-a1', containers: [container('app', { requests: { cpuCores: 1, memoryBytes: 80 * GiB } })] })];
    const [finding] = findings(sixWorkers, pods, 'cluster.capacity.reserve');
    expect(finding.message).toContain('83% of allocatable memory (80Gi of 96Gi)');
    expect(finding.message).not.toContain('CPU');
  });

  it('ignores finished pods and pods on control-plane nodes', () => {
    const nodes = [controlPlane('cp-a', 'a'), ...sixWorkers];
    const pods = [
      requesting('done', 'w-a1', 20, { phase: 'Succeeded' }),
      requesting('failed', 'w-a1', 20, { phase: 'Failed' }),
      requesting('pending', 'w-a1', 20, { nodeName: undefined, phase: 'Pending' }),
      requesting('apiserver', 'cp-a', 20),
    ];
    expect(findings(nodes, pods, 'cluster.capacity.reserve')).toEqual([]);
  });
});

describe('failover headroom', () => {
  it('finds no shortfall when the other zones hold every request', () => {
    // 14 of 24 cores; losing a zone leaves 16.
    expect(findings(sixWorkers, load(sixWorkers, 14), 'cluster.capacity.failover-headroom')).toEqual([]);
  });

  it('warns when losing a zone leaves less allocatable than requested', () => {
    // Zone a has 16 cores, zone b 4: 10 cores of requests do not fit in b alone.
    const nodes = [
      ...Array.from({ length: 4 }, (_, i) => worker(`w-a${i}`, 'a')),
      worker('w-b0', 'b'),
      worker('w-b1', 'b', { allocatable: { cpuCores: 0, memoryBytes: 64 * GiB, pods: 110 } }),
    ];
    const [finding, ...rest] = findings(nodes, load(nodes.slice(0, 5), 10), 'cluster.capacity.failover-headroom');
    expect(rest).toEqual([]);
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      'Cluster prod-eu cannot absorb a zone failure: losing zone a would leave 4 cores of allocatable CPU for 10 cores of requests, so evicted pods would stay Pending',
    );
    expect(finding.fix).toBe(
      "Add at least 6 cores of allocatable worker capacity spread over the zones (for example one more node per zone), or lower requests, so the remaining workers can take the lost zone's pods",
    );
  });

  it('uses the largest node as the failure domain in a single zone', () => {
    const nodes = [worker('w-1', 'a'), worker('w-2', 'a', { allocatable: { cpuCores: 8, memoryBytes: 16 * GiB, pods: 110 } })];
    const [finding] = findings(nodes, [requesting('p', 'w-1', 3), requesting('q', 'w-2', 3)], 'cluster.capacity.failover-headroom');
    expect(finding.message).toContain('losing node w-2 would leave 4 cores of allocatable CPU for 6 cores of requests');
    expect(finding.fix).toContain('Add at least 2 cores of allocatable worker capacity, or lower requests');
  });

  it('does not count DaemonSet and static pods of the lost nodes, which die with them', () => {
    const nodes = [worker('w-1', 'a'), worker('w-2', 'a')];
    const pods = [
      requesting('app', 'w-1', 2),
      requesting('agent-1', 'w-1', 1.5, { owner: { kind: 'DaemonSet', name: 'agent' } }),
      requesting('agent-2', 'w-2', 1.5, { owner: { kind: 'DaemonSet', name: 'agent' } }),
      requesting('static-1', 'w-1', 0.5, { owner: { kind: 'Node', name: 'w-1' } }),
    ];
    // Losing w-1 leaves 4 cores for app (2) + agent-2 (1.5): it fits.
    expect(findings(nodes, pods, 'cluster.capacity.failover-headroom')).toEqual([]);
    // A Deployment pod instead of the DaemonSet pod must move: 2 + 1.5 + 1.5 > 4.
    const moved = pods.map(p => (p.name === 'agent-1' ? { ...p, owner: { kind: 'ReplicaSet', name: 'x' } } : p));
    expect(findings(nodes, moved, 'cluster.capacity.failover-headroom')).toHaveLength(1);
  });

  it('reports memory shortfalls with their own failure domain', () => {
    const nodes = [worker('w-1', 'a'), worker('w-2', 'b')];
    const pods = [pod('big', { nodeName: 'w-1', containers: [container('app', { requests: { cpuCores: 0.5, memoryBytes: 20 * GiB } })] })];
    const [finding] = findings(nodes, pods, 'cluster.capacity.failover-headroom');
    expect(finding.message).toContain('losing zone a would leave 16Gi of allocatable memory for 20Gi of requests');
    expect(finding.fix).toContain('Add at least 4Gi of allocatable worker capacity');
  });

  it('says nothing with fewer than 2 workers (cluster.workers.count does)', () => {
    const nodes = [worker('w-1', 'a')];
    expect(findings(nodes, [requesting('p', 'w-1', 3)], 'cluster.capacity.failover-headroom')).toEqual([]);
  });
});
