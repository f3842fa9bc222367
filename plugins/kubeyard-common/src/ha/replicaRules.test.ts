import type { HpaInfo, WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { hpa, withId, workload, workloadInput } from './testing/builders';

function findings(target: Partial<WorkloadInfo>, hpas: HpaInfo[], id: string, critical = false) {
  return withId(evaluateWorkloadHa(workloadInput({ workload: workload(target), hpas, critical })), id);
}

describe('single replica', () => {
  it.each<[string, Partial<WorkloadInfo>, HpaInfo[], string | undefined]>([
    ['1 replica, no HPA', { desiredReplicas: 1, readyReplicas: 1 }, [], 'warning'],
    ['2 replicas', { desiredReplicas: 2, readyReplicas: 2 }, [], undefined],
    ['scaled to 0 on purpose', { desiredReplicas: 0, readyReplicas: 0 }, [], undefined],
    ['3 replicas but an HPA minimum of 1', {}, [hpa({ minReplicas: 1 })], 'warning'],
    ['1 replica now, HPA minimum of 2', { desiredReplicas: 1, readyReplicas: 1 }, [hpa({ minReplicas: 2 })], undefined],
    ['a DaemonSet with 1 node', { kind: 'DaemonSet', desiredReplicas: 1, readyReplicas: 1 }, [], undefined],
  ])('%s → %s', (_, target, hpas, severity) => {
    expect(findings(target, hpas, 'workload.replicas.single').map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the replica count and says what to set', () => {
    const [finding] = findings({ desiredReplicas: 1, readyReplicas: 1 }, [], 'workload.replicas.single');
    expect(finding.message).toBe('Deployment web runs 1 replica: a node drain, eviction or crash takes it offline');
    expect(finding.fix).toContain('Set spec.replicas to 2 or more');
  });

  it('points at the HPA when its minimum is the problem', () => {
    const [finding] = findings({}, [hpa({ minReplicas: 1 })], 'workload.replicas.single');
    expect(finding.message).toContain('HorizontalPodAutoscaler web-hpa lets Deployment web scale down to 1 replica');
    expect(finding.fix).toBe('Set minReplicas to 2 or more on HorizontalPodAutoscaler web-hpa (3 for critical services)');
  });
});

describe('critical service minimum', () => {
  it.each<[string, Partial<WorkloadInfo>, HpaInfo[], boolean, string | undefined]>([
    ['critical with 2 replicas', { desiredReplicas: 2, readyReplicas: 2 }, [], true, 'Set spec.replicas to 3'],
    ['critical with an HPA minimum of 2', {}, [hpa({ minReplicas: 2 })], true, 'Set minReplicas to 3 on HorizontalPodAutoscaler web-hpa'],
    ['critical with 3 replicas', {}, [], true, undefined],
    ['not critical with 2 replicas', { desiredReplicas: 2, readyReplicas: 2 }, [], false, undefined],
    ['critical with 1 replica (the single-replica rule covers it)', { desiredReplicas: 1, readyReplicas: 1 }, [], true, undefined],
  ])('%s', (_, target, hpas, critical, fix) => {
    const found = findings(target, hpas, 'workload.replicas.critical-minimum', critical);
    expect(found.map(f => [f.severity, f.fix])).toEqual(fix ? [['info', fix]] : []);
  });
});

describe('replicas not ready', () => {
  it.each<[string, Partial<WorkloadInfo>, string | undefined]>([
    ['3 of 3 ready', {}, undefined],
    ['2 of 3 ready', { readyReplicas: 2 }, 'warning'],
    ['0 of 3 ready', { readyReplicas: 0 }, 'critical'],
    ['0 of 0', { desiredReplicas: 0, readyReplicas: 0 }, undefined],
    ['a DaemonSet with 4 of 5 ready', { kind: 'DaemonSet', desiredReplicas: 5, readyReplicas: 4 }, 'warning'],
  ])('%s → %s', (_, target, severity) => {
    expect(findings(target, [], 'workload.replicas.not-ready').map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('gives the numbers and the command to find out why', () => {
    const [finding] = findings({ readyReplicas: 0 }, [], 'workload.replicas.not-ready');
    expect(finding.message).toBe('Deployment web has 0 of 3 replicas ready: it is down');
    expect(finding.fix).toContain('kubectl -n shop describe pods -l app=web');
  });
});
