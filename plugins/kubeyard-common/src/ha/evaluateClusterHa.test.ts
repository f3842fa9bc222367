import { evaluateClusterHa } from './evaluateClusterHa';
import { clusterInput, controlPlane, etcdPod, withReadyCondition, worker } from './testing/builders';

describe('evaluateClusterHa', () => {
  it('finds nothing wrong with 3 control-plane nodes, 3 etcd members and 6 workers over 3 zones', () => {
    const { findings } = evaluateClusterHa(clusterInput());
    expect(findings).toEqual([]);
  });

  it('summarises the control plane', () => {
    const nodes = [controlPlane('cp-b', 'b'), withReadyCondition(controlPlane('cp-a', 'a'), 'False'), controlPlane('cp-c', 'a')];
    const { controlPlane: summary } = evaluateClusterHa(
      clusterInput({ nodes: [...nodes, worker('w-1')], pods: [etcdPod('cp-a', false), etcdPod('cp-b'), etcdPod('cp-c')] }),
    );
    expect(summary).toEqual({
      nodes: [
        { name: 'cp-a', zone: 'a', ready: false },
        { name: 'cp-b', zone: 'b', ready: true },
        { name: 'cp-c', zone: 'a', ready: true },
      ],
      etcdMembers: [
        { name: 'etcd-cp-a', node: 'cp-a', ready: false },
        { name: 'etcd-cp-b', node: 'cp-b', ready: true },
        { name: 'etcd-cp-c', node: 'cp-c', ready: true },
      ],
      quorumTolerance: 1,
      zones: ['a', 'b'],
    });
  });

  it('reports nothing for a cluster without nodes, which is not synced yet', () => {
    expect(evaluateClusterHa({ cluster: 'new', nodes: [], pods: [] })).toEqual({
      findings: [],
      controlPlane: { nodes: [], etcdMembers: [], quorumTolerance: 0, zones: [] },
    });
  });

  it('names the cluster in every finding object', () => {
    const { findings } = evaluateClusterHa({ cluster: 'edge-1', nodes: [worker('only')], pods: [] });
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.object.cluster).toBe('edge-1');
  });
});
