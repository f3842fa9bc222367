import type { ContainerInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { container, withId, workload, workloadInput } from './testing/builders';

function findings(containers: ContainerInfo[], target: Partial<WorkloadInfo> = {}) {
  return withId(evaluateWorkloadHa(workloadInput({ workload: workload(target, { containers }) })), 'workload.probes.missing');
}

describe('probes missing', () => {
  it.each<[string, Partial<ContainerInfo>, string | undefined, string | undefined]>([
    ['both probes', {}, undefined, undefined],
    ['no readinessProbe', { readinessProbe: false }, 'warning', 'has no readinessProbe: it gets traffic before it can serve'],
    ['no livenessProbe', { livenessProbe: false }, 'info', 'has no livenessProbe: a hung process is never restarted'],
    ['neither', { readinessProbe: false, livenessProbe: false }, 'warning', 'has no readinessProbe or livenessProbe'],
    ['a startupProbe only', { readinessProbe: false, livenessProbe: false, startupProbe: true }, 'warning', 'has no readinessProbe or livenessProbe'],
  ])('%s → %s', (_, probes, severity, message) => {
    const found = findings([container('api', probes)]);
    expect(found.map(f => f.severity)).toEqual(severity ? [severity] : []);
    if (message) expect(found[0].message).toContain(`Container api of Deployment web ${message}`);
  });

  it('reports each container on its own', () => {
    const found = findings([container('api'), container('proxy', { readinessProbe: false }), container('log', { livenessProbe: false })]);
    expect(found.map(f => f.message.split(' ')[1])).toEqual(['proxy', 'log']);
  });

  it('says which probes to add', () => {
    const [finding] = findings([container('api', { readinessProbe: false, livenessProbe: false })]);
    expect(finding.fix).toBe(
      'Add a readinessProbe that checks the container can serve (e.g. httpGet on a /ready endpoint), and add a livenessProbe that fails only when a restart helps (a cheap /healthz), with a startupProbe if it starts slowly',
    );
  });

  it('applies to DaemonSets', () => {
    expect(findings([container('agent', { readinessProbe: false })], { kind: 'DaemonSet' })).toHaveLength(1);
  });
});
