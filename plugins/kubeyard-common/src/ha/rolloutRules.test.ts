import type { WorkloadInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { hpa, withId, workload, workloadInput } from './testing/builders';

function findings(id: string, target: Partial<WorkloadInfo>, template: Partial<WorkloadInfo['template']> = {}) {
  return withId(evaluateWorkloadHa(workloadInput({ workload: workload(target, template), hpas: [hpa({ maxReplicas: 3 })] })), id);
}

describe('Recreate strategy', () => {
  it.each<[string, Partial<WorkloadInfo>, boolean]>([
    ['a Deployment with Recreate', { strategy: { type: 'Recreate' } }, true],
    ['a Deployment with RollingUpdate', {}, false],
    ['a scaled-down Deployment with Recreate', { strategy: { type: 'Recreate' }, desiredReplicas: 0, readyReplicas: 0 }, false],
  ])('%s → %s', (_, target, expected) => {
    const found = findings('workload.rollout.recreate', target);
    expect(found.map(f => f.severity)).toEqual(expected ? ['warning'] : []);
  });

  it('says every deploy is an outage', () => {
    const [finding] = findings('workload.rollout.recreate', { strategy: { type: 'Recreate' } });
    expect(finding.message).toBe(
      'Deployment web uses the Recreate strategy: every rollout stops the 3 running replicas before starting new ones, so each deploy is an outage',
    );
  });
});

describe('RollingUpdate maxUnavailable', () => {
  it.each<[string, Partial<WorkloadInfo>, string | undefined]>([
    ['maxUnavailable 0, maxSurge 1', {}, undefined],
    ['maxUnavailable 1', { strategy: { type: 'RollingUpdate', maxUnavailable: 1, maxSurge: 1 } }, 'maxUnavailable 1: a rollout takes 1 of 3 replicas'],
    ['the 25% default with 4 replicas', { strategy: undefined, desiredReplicas: 4, readyReplicas: 4 }, 'maxUnavailable 25%: a rollout takes 1 of 4 replicas'],
    ['the 25% default with 3 replicas (rounds down to 0)', { strategy: undefined }, undefined],
    ['maxUnavailable 10% and maxSurge 0 (Kubernetes makes it 1)', { strategy: { type: 'RollingUpdate', maxUnavailable: '10%', maxSurge: 0 } }, 'maxUnavailable 10%: a rollout takes 1 of 3 replicas'],
    ['50% of 4', { strategy: { type: 'RollingUpdate', maxUnavailable: '50%', maxSurge: 0 }, desiredReplicas: 4, readyReplicas: 4 }, 'takes 2 of 4 replicas'],
    ['a malformed value', { strategy: { type: 'RollingUpdate', maxUnavailable: 'one', maxSurge: 1 } }, undefined],
    ['a StatefulSet, which cannot surge', { kind: 'StatefulSet', strategy: { type: 'RollingUpdate', maxUnavailable: 1 } }, undefined],
    ['a DaemonSet', { kind: 'DaemonSet', strategy: { type: 'RollingUpdate', maxUnavailable: 1 } }, undefined],
  ])('%s', (_, target, message) => {
    const found = findings('workload.rollout.max-unavailable', target);
    expect(found.map(f => f.severity)).toEqual(message ? ['info'] : []);
    if (message) {
      expect(found[0].message).toContain(message);
      expect(found[0].fix).toBe('Set maxUnavailable to 0 and maxSurge to 1 (or 25%), so new pods become ready before old ones stop');
    }
  });

  it('stays quiet where required anti-affinity fills every node, since maxUnavailable 0 would stall rollouts', () => {
    const target = { strategy: { type: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0 } };
    expect(findings('workload.rollout.max-unavailable', target, { antiAffinity: 'required' })).toEqual([]);
  });
});
