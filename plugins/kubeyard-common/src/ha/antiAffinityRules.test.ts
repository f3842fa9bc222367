import type { HpaInfo, NodeInfo, PodInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import {
  controlPlane,
  hpa,
  podsOn,
  threeZoneWorkers,
  withId,
  withReadyCondition,
  worker,
  workload,
  workloadInput,
} from './testing/builders';

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

const none = { antiAffinity: 'none' as const };
const required = { antiAffinity: 'required' as const };

describe('anti-affinity missing', () => {
  it.each<[string, Case, string | undefined]>([
    ['preferred anti-affinity', {}, undefined],
    ['required anti-affinity', { template: required, hpas: [hpa({ maxReplicas: 3 })] }, undefined],
    ['none, pods on different nodes', { template: none }, 'info'],
    ['none, 2 pods on one node', { template: none, pods: podsOn(['w-a', 'w-a', 'w-b']) }, 'warning'],
    [
      'none, but a topology spread on kubernetes.io/hostname',
      {
        template: {
          ...none,
          topologySpread: [{ topologyKey: 'kubernetes.io/hostname', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }],
        },
      },
      undefined,
    ],
    ['none with 1 replica and no HPA', { target: { desiredReplicas: 1, readyReplicas: 1 }, template: none, hpas: [] }, undefined],
    [
      'none with 1 replica and an HPA up to 4',
      { target: { desiredReplicas: 1, readyReplicas: 1 }, template: none, hpas: [hpa({ minReplicas: 1, maxReplicas: 4 })] },
      'info',
    ],
    ['none on a DaemonSet', { target: { kind: 'DaemonSet' }, template: none }, undefined],
  ])('%s → %s', (_, testCase, severity) => {
    expect(findings('workload.anti-affinity.missing', testCase).map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('shows the node the pods share', () => {
    const [finding] = findings('workload.anti-affinity.missing', { template: none, pods: podsOn(['w-b', 'w-b', 'w-b']) });
    expect(finding.message).toBe(
      'Deployment web runs up to 6 replicas with no pod anti-affinity or topology spread on kubernetes.io/hostname: the scheduler may put them on one node, whose failure takes them all (3 of its pods already share node w-b)',
    );
    expect(finding.fix).toContain('labelSelector matching app=web');
  });
});

describe('required anti-affinity exceeds nodes', () => {
  const fourWorkers = [...threeZoneWorkers(), worker('w-d', 'a')];
  it.each<[string, Case, string | undefined]>([
    ['3 replicas, HPA max 3, 3 nodes', { template: required, hpas: [hpa({ maxReplicas: 3 })] }, undefined],
    ['4 replicas on 3 nodes', { target: { desiredReplicas: 4 }, template: required, hpas: [] }, 'critical'],
    ['HPA max 6 on 3 nodes', { template: required }, 'warning'],
    ['HPA max 4 on 4 nodes', { template: required, hpas: [hpa({ maxReplicas: 4 })], nodes: fourWorkers }, undefined],
    [
      'HPA max 4 on 4 nodes, one cordoned',
      {
        template: required,
        hpas: [hpa({ maxReplicas: 4 })],
        nodes: [...threeZoneWorkers(), worker('w-d', 'a', { unschedulable: true })],
      },
      'warning',
    ],
    [
      'HPA max 4 on 4 nodes, one NotReady',
      { template: required, hpas: [hpa({ maxReplicas: 4 })], nodes: [...threeZoneWorkers(), withReadyCondition(worker('w-d', 'a'), 'False')] },
      'warning',
    ],
    [
      'HPA max 4 on 3 workers and a tainted control-plane node',
      { template: required, hpas: [hpa({ maxReplicas: 4 })], nodes: [...threeZoneWorkers(), controlPlane('cp-a', 'a')] },
      'warning',
    ],
    [
      'HPA max 4 on 3 workers and a control-plane node whose taint it tolerates',
      {
        template: { ...required, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] },
        hpas: [hpa({ maxReplicas: 4 })],
        nodes: [...threeZoneWorkers(), controlPlane('cp-a', 'a')],
      },
      undefined,
    ],
    [
      '3 replicas with a nodeSelector that matches 2 nodes',
      {
        template: { ...required, nodeSelector: { pool: 'web' } },
        hpas: [],
        nodes: [
          worker('w-a', 'a', { labels: { pool: 'web' } }),
          worker('w-b', 'b', { labels: { pool: 'web' } }),
          worker('w-c', 'c', { labels: { pool: 'batch' } }),
        ],
      },
      'critical',
    ],
    ['no nodes known (not synced)', { target: { desiredReplicas: 4 }, template: required, nodes: [] }, undefined],
    ['preferred anti-affinity with 4 replicas on 3 nodes', { target: { desiredReplicas: 4 }, hpas: [] }, undefined],
  ])('%s → %s', (_, testCase, severity) => {
    const found = findings('workload.anti-affinity.required-exceeds-nodes', testCase);
    expect(found.map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('counts the pods that stay Pending', () => {
    const [finding] = findings('workload.anti-affinity.required-exceeds-nodes', {
      target: { desiredReplicas: 5 },
      template: required,
      hpas: [],
    });
    expect(finding.message).toBe(
      'Deployment web requires one pod per node (required anti-affinity on kubernetes.io/hostname) but wants 5 replicas on 3 schedulable nodes: 2 pods will stay Pending',
    );
    expect(finding.fix).toBe(
      'Use preferredDuringSchedulingIgnoredDuringExecution anti-affinity on kubernetes.io/hostname, set spec.replicas to 3, or add nodes',
    );
  });

  it('names the HPA whose maximum cannot be placed', () => {
    const [finding] = findings('workload.anti-affinity.required-exceeds-nodes', { template: required, hpas: [hpa({ maxReplicas: 10 })] });
    expect(finding.message).toBe(
      'HorizontalPodAutoscaler web-hpa may scale Deployment web to 10 replicas, but its required anti-affinity on kubernetes.io/hostname allows one pod per node and 3 nodes are schedulable: replicas above 3 will be Pending when load peaks',
    );
    expect(finding.fix).toContain('set maxReplicas to 3 on HorizontalPodAutoscaler web-hpa');
  });
});

describe('required anti-affinity blocks rollouts', () => {
  const full = { template: required, hpas: [hpa({ maxReplicas: 3 })] };
  it.each<[string, Case, boolean]>([
    ['3 replicas on 3 nodes with maxUnavailable 0', full, true],
    ['3 replicas on 3 nodes with maxUnavailable 1', { ...full, target: { strategy: { type: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0 } } }, false],
    ['2 replicas on 3 nodes', { ...full, target: { desiredReplicas: 2, readyReplicas: 2 }, hpas: [] }, false],
    ['a StatefulSet, which does not surge', { ...full, target: { kind: 'StatefulSet' }, hpas: [] }, false],
    ['preferred anti-affinity', { hpas: [hpa({ maxReplicas: 3 })] }, false],
  ])('%s → %s', (_, testCase, expected) => {
    const found = findings('workload.anti-affinity.blocks-rollout', testCase);
    expect(found.map(f => f.severity)).toEqual(expected ? ['warning'] : []);
  });
});
