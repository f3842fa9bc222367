import type { PodInfo } from '../fleet/types';
import { evaluateWorkloadHa } from './evaluateWorkloadHa';
import { pod, withId, workloadInput } from './testing/builders';

function findings(id: string, overrides: Partial<PodInfo>) {
  const pods = [pod('web-5d4f-0', { nodeName: 'w-a', ...overrides }), pod('web-5d4f-1', { nodeName: 'w-b' })];
  return withId(evaluateWorkloadHa(workloadInput({ pods })), id);
}

describe('restarts', () => {
  it.each<[number, string | undefined]>([
    [0, undefined],
    [5, undefined],
    [6, 'warning'],
    [10, 'warning'],
    [11, 'critical'],
    [250, 'critical'],
  ])('%d restarts → %s', (restarts, severity) => {
    expect(findings('workload.restarts.high', { restarts }).map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('names the pod and says where to look', () => {
    const [finding] = findings('workload.restarts.high', { restarts: 7 });
    expect(finding.object).toEqual({ kind: 'Pod', name: 'web-5d4f-0', namespace: 'shop', cluster: 'prod-eu' });
    expect(finding.message).toBe('Pod web-5d4f-0 of Deployment web has restarted 7 times');
    expect(finding.fix).toContain('kubectl -n shop logs web-5d4f-0 --previous');
  });
});

describe('CrashLoopBackOff', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['ContainerCreating', false],
    ['ImagePullBackOff', false],
    ['CrashLoopBackOff', true],
  ])('waiting reason %s → %s', (waitingReason, expected) => {
    const found = findings('workload.crashloop', { waitingReason, restarts: 3, ready: !expected });
    expect(found.map(f => f.severity)).toEqual(expected ? ['critical'] : []);
  });

  it('gives the restart count', () => {
    const [finding] = findings('workload.crashloop', { waitingReason: 'CrashLoopBackOff', restarts: 4 });
    expect(finding.message).toContain('Pod web-5d4f-0 of Deployment web is in CrashLoopBackOff after 4 restarts');
  });
});

describe('unschedulable pods', () => {
  it.each<[string, Partial<PodInfo>, boolean]>([
    ['a Running pod', {}, false],
    ['a Pending pod that is scheduled (pulling images)', { phase: 'Pending', ready: false }, false],
    ['a Pending pod with PodScheduled=False', { phase: 'Pending', ready: false, nodeName: undefined, unschedulableReason: 'Unschedulable' }, true],
  ])('%s → %s', (_, overrides, expected) => {
    expect(findings('workload.pods.unschedulable', overrides).map(f => f.severity)).toEqual(expected ? ['warning'] : []);
  });

  it('gives the scheduler reason', () => {
    const [finding] = findings('workload.pods.unschedulable', {
      phase: 'Pending',
      nodeName: undefined,
      unschedulableReason: 'Unschedulable',
    });
    expect(finding.message).toBe(
      'Pod web-5d4f-0 of Deployment web is Pending: PodScheduled is False (Unschedulable), so Deployment web runs a replica short',
    );
    expect(finding.fix).toContain('kubectl -n shop describe pod web-5d4f-0');
  });
});
