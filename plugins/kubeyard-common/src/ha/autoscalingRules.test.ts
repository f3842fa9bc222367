import type { ContainerInfo, HpaInfo, PodInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { container, hpa, podsOn, withId, workload, workloadInput } from './testing/builders';

interface Case {
  target?: Partial<WorkloadInfo>;
  containers?: ContainerInfo[];
  hpas?: HpaInfo[];
  pods?: PodInfo[];
}

function findings(id: string, { target = {}, containers, hpas = [hpa()], pods }: Case) {
  const input = workloadInput({ workload: workload(target, containers ? { containers } : {}), hpas });
  return withId(evaluateWorkloadHa({ ...input, pods: pods ?? input.pods }), id);
}

describe('HPA missing', () => {
  it.each<[string, Case, boolean]>([
    ['an HPA for the Deployment', {}, false],
    ['no HPA', { hpas: [] }, true],
    ['an HPA for another Deployment', { hpas: [hpa({ target: { kind: 'Deployment', name: 'api' } })] }, true],
    ['an HPA for a StatefulSet of the same name', { hpas: [hpa({ target: { kind: 'StatefulSet', name: 'web' } })] }, true],
    ['an HPA in another namespace', { hpas: [hpa({ namespace: 'other' })] }, true],
    ['a StatefulSet with its HPA', { target: { kind: 'StatefulSet' }, hpas: [hpa({ target: { kind: 'StatefulSet', name: 'web' } })] }, false],
    ['a DaemonSet', { target: { kind: 'DaemonSet' }, hpas: [] }, false],
    ['a scaled-down Deployment', { target: { desiredReplicas: 0, readyReplicas: 0 }, hpas: [] }, false],
  ])('%s → %s', (_, testCase, expected) => {
    expect(findings('workload.hpa.missing', testCase).map(f => f.severity)).toEqual(expected ? ['info'] : []);
  });

  it('gives the kubectl autoscale command', () => {
    const [finding] = findings('workload.hpa.missing', { hpas: [] });
    expect(finding.fix).toBe(
      'kubectl -n shop autoscale deployment web --min=3 --max=10 --cpu-percent=70 (and set CPU requests, which utilization is measured against)',
    );
  });
});

describe('HPA without requests', () => {
  const noCpuRequest = [container('app', { requests: { memoryBytes: 512 * 1024 ** 2 } })];
  it.each<[string, Case, boolean]>([
    ['CPU requests set', {}, false],
    ['no CPU request on the template or pods', { containers: noCpuRequest, pods: podsOn(['w-a'], { containers: noCpuRequest }) }, true],
    ['no CPU request on the template, one defaulted by a LimitRange', { containers: noCpuRequest }, false],
    [
      'a memory utilization target without a memory request',
      {
        containers: [container('app', { requests: { cpuCores: 1 } })],
        pods: [],
        hpas: [hpa({ metrics: [{ resource: 'memory', averageUtilization: 80 }] })],
      },
      true,
    ],
    [
      'an averageValue target, which needs no request',
      { containers: noCpuRequest, pods: [], hpas: [hpa({ metrics: [{ resource: 'cpu' }] })] },
      false,
    ],
    ['no HPA', { containers: noCpuRequest, pods: [], hpas: [] }, false],
  ])('%s → %s', (_, testCase, expected) => {
    expect(findings('workload.hpa.missing-requests', testCase).map(f => f.severity)).toEqual(expected ? ['warning'] : []);
  });

  it('names the container and the resource', () => {
    const containers = [container('app'), container('sidecar', { requests: {} })];
    const [finding] = findings('workload.hpa.missing-requests', { containers, pods: [] });
    expect(finding.message).toBe(
      'HorizontalPodAutoscaler web-hpa scales Deployment web on cpu utilization, but there is no request for cpu on container sidecar: utilization cannot be computed, so it does not scale',
    );
    expect(finding.fix).toBe('Set resources.requests.cpu on container sidecar');
  });
});
