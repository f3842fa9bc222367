import type { HpaInfo, NodeInfo, PodInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { hpa, podsOn, withId, worker, workload, workloadInput } from './testing/builders';

interface Case {
  target?: Partial<WorkloadInfo>;
  template?: Partial<WorkloadInfo['template']>;
  hpas?: HpaInfo[];
  nodes?: NodeInfo[];
  pods?: PodInfo[];
}

function findings(id: string, { target = {}, template = {}, hpas = [hpa()], nodes, pods }: Case) {
  const input = workloadInput({ workload: workload(target, template), hpas });
  return withId(evaluateWorkloadHa({ ...input, nodes: nodes ?? input.nodes, pods: pods ?? input.pods }), id);
}

const noSpread = { topologySpread: [] };

describe('zone spread missing', () => {
  it.each<[string, Case, string | undefined]>([
    ['a zone constraint with maxSkew 1', {}, undefined],
    ['no constraint, pods in 3 zones', { template: noSpread }, 'info'],
    ['no constraint, every pod in zone a', { template: noSpread, pods: podsOn(['w-a', 'w-a2']), nodes: [worker('w-a', 'a'), worker('w-a2', 'a'), worker('w-b', 'b')] }, 'warning'],
    ['no constraint, one zone', { template: noSpread, nodes: [worker('w-1', 'a'), worker('w-2', 'a')] }, undefined],
    ['no constraint, no zone labels', { template: noSpread, nodes: [worker('w-1'), worker('w-2')] }, undefined],
    ['no constraint, 1 replica without HPA', { template: noSpread, target: { desiredReplicas: 1, readyReplicas: 1 }, hpas: [] }, undefined],
    [
      'the legacy failure-domain zone key',
      { template: { topologySpread: [{ topologyKey: 'failure-domain.beta.kubernetes.io/zone', maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' }] } },
      undefined,
    ],
    [
      'a nodeSelector that keeps the workload in one zone',
      {
        template: { ...noSpread, nodeSelector: { 'topology.kubernetes.io/zone': 'a' } },
        nodes: [worker('w-a', 'a', { labels: { 'topology.kubernetes.io/zone': 'a' } }), worker('w-b', 'b', { labels: { 'topology.kubernetes.io/zone': 'b' } })],
      },
      undefined,
    ],
    ['a DaemonSet', { template: noSpread, target: { kind: 'DaemonSet' } }, undefined],
  ])('%s → %s', (_, testCase, severity) => {
    expect(findings('workload.spread.zone-missing', testCase).map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the zones and the fix', () => {
    const [finding] = findings('workload.spread.zone-missing', { template: noSpread });
    expect(finding.message).toBe(
      'Deployment web runs up to 6 replicas with no topologySpreadConstraint on topology.kubernetes.io/zone, though its nodes span 3 zones (a, b and c): one zone outage can take every replica',
    );
    expect(finding.fix).toBe(
      'Add a topologySpreadConstraint with maxSkew 1, topologyKey topology.kubernetes.io/zone, whenUnsatisfiable ScheduleAnyway and a labelSelector matching app=web',
    );
  });
});

describe('zone skew', () => {
  it.each<[number, boolean]>([
    [1, false],
    [2, true],
    [5, true],
  ])('maxSkew %d → %s', (maxSkew, expected) => {
    const found = findings('workload.spread.zone-skew', {
      template: { topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew, whenUnsatisfiable: 'DoNotSchedule' }] },
    });
    expect(found.map(f => [f.severity, f.fix])).toEqual(
      expected ? [['info', 'Set maxSkew to 1 on the topology.kubernetes.io/zone topologySpreadConstraint']] : [],
    );
  });
});
