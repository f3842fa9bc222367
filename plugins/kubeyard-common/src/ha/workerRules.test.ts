import type { NodeInfo } from '../fleet/types';
import { evaluateClusterHa } from './evaluateClusterHa';
import { controlPlane, etcdPod, worker } from './testing/builders';

const controlPlanes = [controlPlane('cp-a', 'a'), controlPlane('cp-b', 'b'), controlPlane('cp-c', 'c')];

function findings(nodes: NodeInfo[], id: string) {
  const pods = nodes.filter(n => n.name.startsWith('cp-')).map(n => etcdPod(n.name));
  return evaluateClusterHa({ cluster: 'prod-eu', nodes, pods }).findings.filter(f => f.id === id);
}

function workersIn(...zones: Array<string | undefined>): NodeInfo[] {
  return zones.map((zone, i) => worker(`w-${i}`, zone));
}

describe('worker count', () => {
  it.each<[string, NodeInfo[], string | undefined]>([
    ['no workers and tainted control-plane nodes', controlPlanes, 'critical'],
    ['1 worker', [...controlPlanes, ...workersIn('a')], 'critical'],
    ['2 workers', [...controlPlanes, ...workersIn('a', 'b')], 'warning'],
    ['3 workers', [...controlPlanes, ...workersIn('a', 'b', 'c')], undefined],
    [
      'no workers but 3 untainted control-plane nodes (k3s servers)',
      controlPlanes.map(cp => ({ ...cp, taints: [] })),
      undefined,
    ],
    ['a single untainted node that is its own control plane', [{ ...controlPlane('cp-a', 'a'), taints: [] }], 'critical'],
  ])('%s → %s', (_, nodes, severity) => {
    expect(findings(nodes, 'cluster.workers.count').map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the only worker', () => {
    const [finding] = findings([...controlPlanes, ...workersIn('a')], 'cluster.workers.count');
    expect(finding.message).toBe(
      'Cluster prod-eu runs its workloads on 1 node (w-0): when it fails or is drained, every pod goes down with it',
    );
  });
});

describe('worker zones', () => {
  it.each<[string, NodeInfo[], string | undefined]>([
    ['workers in 3 zones', workersIn('a', 'b', 'c', 'a', 'b', 'c'), undefined],
    ['workers in 2 zones', workersIn('a', 'b', 'a', 'b'), undefined],
    ['all workers in one zone', workersIn('a', 'a', 'a', 'a'), 'All 4 worker nodes of cluster prod-eu are in zone a'],
    ['no zone labels', workersIn(undefined, undefined, undefined), 'None of the 3 worker nodes of cluster prod-eu has a topology.kubernetes.io/zone label'],
    ['1 worker (the count rule covers it)', workersIn('a'), undefined],
  ])('%s', (_, workers, message) => {
    const found = findings([...controlPlanes, ...workers], 'cluster.zones.count');
    if (!message) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map(f => f.severity)).toEqual(['warning']);
    expect(found[0].message).toContain(message);
  });
});

describe('workers per zone', () => {
  it.each<[string, NodeInfo[], string | undefined]>([
    ['2 workers in each of 2 zones', workersIn('a', 'a', 'b', 'b'), undefined],
    ['2, 2 and 2', workersIn('a', 'a', 'b', 'b', 'c', 'c'), undefined],
    ['3 in a, 1 in b', workersIn('a', 'a', 'a', 'b'), 'Zone b of cluster prod-eu has 1 worker node (a: 3, b: 1)'],
    ['1 in each of 3 zones', workersIn('a', 'b', 'c'), 'Zones a, b and c of cluster prod-eu have 1 worker node (a: 1, b: 1, c: 1)'],
    ['one zone (the zone count rule covers it)', workersIn('a', 'a', 'a'), undefined],
  ])('%s', (_, workers, message) => {
    const found = findings([...controlPlanes, ...workers], 'cluster.zones.workers-per-zone');
    if (!message) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map(f => f.severity)).toEqual(['warning']);
    expect(found[0].message).toContain(message);
  });

  it('says which zone needs a node', () => {
    const [finding] = findings([...controlPlanes, ...workersIn('a', 'a', 'b')], 'cluster.zones.workers-per-zone');
    expect(finding.fix).toBe('Add a worker node to b so that every zone has at least 2');
  });
});

describe('worker zone wording', () => {
  it('says "Both" for two workers in one zone', () => {
    const [finding] = findings([...controlPlanes, ...workersIn('a', 'a')], 'cluster.zones.count');
    expect(finding.message).toBe('Both worker nodes of cluster prod-eu are in zone a: a zone outage takes down every workload');
  });
});
