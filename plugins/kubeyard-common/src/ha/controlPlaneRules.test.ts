import type { NodeInfo } from '../fleet/types';
import { evaluateClusterHa } from './evaluateClusterHa';
import { clusterInput, controlPlane, node, worker } from './testing/builders';

const workers = ['a', 'b', 'c'].flatMap(zone => [worker(`w-${zone}1`, zone), worker(`w-${zone}2`, zone)]);
const zones = ['a', 'b', 'c'];

function controlPlaneFindings(controlPlanes: NodeInfo[]) {
  return evaluateClusterHa(clusterInput({ nodes: [...controlPlanes, ...workers], pods: [] })).findings.filter(f =>
    f.id.startsWith('cluster.control-plane.'),
  );
}

function spread(count: number): NodeInfo[] {
  return Array.from({ length: count }, (_, i) => controlPlane(`cp-${i}`, zones[i % zones.length]));
}

describe('control-plane count', () => {
  it.each<[number, string | undefined, string | undefined]>([
    [0, 'cluster.control-plane.hidden', 'info'],
    [1, 'cluster.control-plane.count', 'critical'],
    [2, 'cluster.control-plane.count', 'warning'],
    [3, undefined, undefined],
    [4, 'cluster.control-plane.even-count', 'warning'],
    [5, undefined, undefined],
    [6, 'cluster.control-plane.even-count', 'warning'],
    [7, undefined, undefined],
  ])('%d control-plane nodes → %s (%s)', (count, id, severity) => {
    const findings = controlPlaneFindings(spread(count));
    expect(findings.map(f => [f.id, f.severity])).toEqual(id ? [[id, severity]] : []);
  });

  it('explains the quorum of an even count', () => {
    const [finding] = controlPlaneFindings(spread(4));
    expect(finding.message).toBe(
      'Cluster prod-eu has 4 control-plane nodes: quorum of 4 is 3, so it tolerates 1 failure, no more than 3 nodes would',
    );
    expect(finding.fix).toBe('Run 3 or 5 control-plane nodes: an odd count gets the most failure tolerance per node');
  });

  it('names the single control-plane node', () => {
    const [finding] = controlPlaneFindings([controlPlane('cp-0', 'a')]);
    expect(finding.message).toContain('1 control-plane node (cp-0)');
    expect(finding.object).toEqual({ kind: 'Cluster', name: 'prod-eu', cluster: 'prod-eu' });
  });

  it.each<[string, NodeInfo]>([
    ['the master role', node('m-0', { roles: ['master'], zone: 'a' })],
    ['a control-plane label without a role', node('m-0', { roles: [], zone: 'a', labels: { 'node-role.kubernetes.io/control-plane': '' } })],
    ['a master label without a role', node('m-0', { roles: [], zone: 'a', labels: { 'node-role.kubernetes.io/master': '' } })],
  ])('recognises %s', (_, master) => {
    const findings = controlPlaneFindings([master]);
    expect(findings.map(f => f.id)).toEqual(['cluster.control-plane.count']);
  });
});

describe('control-plane zones', () => {
  it.each<[string, NodeInfo[], string | undefined]>([
    ['3 nodes in 3 zones', spread(3), undefined],
    ['3 nodes in 2 zones', [controlPlane('cp-0', 'a'), controlPlane('cp-1', 'a'), controlPlane('cp-2', 'b')], undefined],
    ['3 nodes in one zone', [controlPlane('cp-0', 'a'), controlPlane('cp-1', 'a'), controlPlane('cp-2', 'a')], 'are all in zone a'],
    ['3 nodes without zone labels', [controlPlane('cp-0'), controlPlane('cp-1'), controlPlane('cp-2')], 'have no topology.kubernetes.io/zone label'],
    ['1 node (the count rule covers it)', [controlPlane('cp-0', 'a')], undefined],
  ])('%s', (_, controlPlanes, message) => {
    const findings = controlPlaneFindings(controlPlanes).filter(f => f.id === 'cluster.control-plane.zones');
    if (!message) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain(message);
  });
});
