import type { NodeInfo } from '../fleet/types';
import { evaluateClusterHa } from './evaluateClusterHa';
import { clusterInput, controlPlane, withReadyCondition, worker } from './testing/builders';

function notReadyFindings(extra: NodeInfo) {
  const input = clusterInput();
  return withExtra(input.nodes, extra);
}

function withExtra(nodes: NodeInfo[], extra: NodeInfo) {
  return evaluateClusterHa(clusterInput({ nodes: [...nodes, extra] })).findings.filter(
    f => f.id === 'cluster.nodes.not-ready',
  );
}

describe('nodes not ready', () => {
  it.each<[string, NodeInfo, string | undefined]>([
    ['a Ready worker', worker('w-x', 'a'), undefined],
    // `kubectl get nodes | grep -v Ready` misses these: "NotReady" contains "Ready".
    ['a worker whose Ready condition is False, even with the ready flag set', withReadyCondition(worker('w-x', 'a'), 'False'), 'warning'],
    ['a worker whose Ready condition is Unknown', withReadyCondition(worker('w-x', 'a'), 'Unknown'), 'warning'],
    ['a NotReady control-plane node', withReadyCondition(controlPlane('cp-x', 'a'), 'False'), 'critical'],
    ['a node without a Ready condition and the ready flag unset', worker('w-x', 'a', { conditions: [], ready: false }), 'warning'],
    ['a node without a Ready condition but the ready flag set', worker('w-x', 'a', { conditions: [] }), undefined],
    [
      'a node whose ready flag is false but Ready condition True',
      worker('w-x', 'a', { ready: false }),
      undefined,
    ],
  ])('%s → %s', (_, extra, severity) => {
    expect(notReadyFindings(extra).map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the node and the condition', () => {
    const [finding] = notReadyFindings({
      ...worker('w-x', 'a'),
      conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'PLEG is not healthy' }],
    });
    expect(finding.object).toEqual({ kind: 'Node', name: 'w-x', cluster: 'prod-eu' });
    expect(finding.message).toBe('Node w-x is NotReady: Ready is False (KubeletNotReady: PLEG is not healthy)');
    expect(finding.fix).toContain('kubectl describe node w-x');
  });

  it('says when the kubelet stopped reporting', () => {
    const [finding] = notReadyFindings(withReadyCondition(worker('w-x', 'a'), 'Unknown'));
    expect(finding.message).toBe(
      'Node w-x is NotReady: Ready is Unknown, the kubelet stopped reporting (NodeStatusUnknown)',
    );
  });

  it('reports one finding per NotReady node', () => {
    const nodes = [withReadyCondition(worker('w-1', 'a'), 'False'), withReadyCondition(worker('w-2', 'b'), 'Unknown')];
    const findings = withExtra(nodes, worker('w-3', 'c'));
    expect(findings.map(f => f.object.name)).toEqual(['w-1', 'w-2']);
  });
});
