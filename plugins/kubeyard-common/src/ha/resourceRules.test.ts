import type { ContainerInfo, PodInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { container, GiB, podsOn, withId, workload, workloadInput } from './testing/builders';

function findings(containers: ContainerInfo[], pods: PodInfo[] = [], target: Partial<WorkloadInfo> = {}) {
  return withId(
    evaluateWorkloadHa(workloadInput({ workload: workload(target, { containers }), pods })),
    'workload.resources.missing',
  );
}

describe('resources missing', () => {
  it.each<[string, Partial<ContainerInfo>, string | undefined, string | undefined]>([
    ['requests and limits', {}, undefined, undefined],
    ['no CPU request', { requests: { memoryBytes: GiB } }, 'warning', 'sets no resources.requests.cpu:'],
    ['no memory request', { requests: { cpuCores: 1 } }, 'warning', 'sets no resources.requests.memory:'],
    ['no limits', { limits: {} }, 'info', 'sets no resources.limits.cpu and resources.limits.memory:'],
    ['no CPU limit', { limits: { memoryBytes: GiB } }, 'info', 'it may take spare CPU up to the whole node'],
    [
      'nothing',
      { requests: {}, limits: {} },
      'warning',
      'sets no resources.requests.cpu, resources.requests.memory, resources.limits.cpu and resources.limits.memory: the scheduler cannot reserve room for it',
    ],
  ])('%s → %s', (_, resources, severity, message) => {
    const found = findings([container('api', resources)]);
    expect(found.map(f => f.severity)).toEqual(severity ? [severity] : []);
    if (message) expect(found[0].message).toContain(message);
  });

  it('counts requests and limits a LimitRange filled into the pods', () => {
    const bare = container('api', { requests: {}, limits: {} });
    expect(findings([bare], podsOn(['w-a'], { containers: [container('api')] }))).toEqual([]);
  });

  it('reports each container on its own, with example values', () => {
    const found = findings([container('api'), container('proxy', { requests: {} })]);
    expect(found).toHaveLength(1);
    expect(found[0].message.startsWith('Container proxy of Deployment web')).toBe(true);
    expect(found[0].fix).toBe(
      'Set resources.requests.cpu and resources.requests.memory from observed usage (kubectl top pod), e.g. requests.cpu 500m, requests.memory 512Mi',
    );
  });

  it('applies to DaemonSets', () => {
    expect(findings([container('agent', { requests: {} })], [], { kind: 'DaemonSet' })).toHaveLength(1);
  });
});
