import type { PodInfo } from '../fleet/types';
import { evaluateClusterHa } from './evaluateClusterHa';
import { quorumSize, quorumTolerance } from './etcdRules';
import { clusterInput, etcdPod, pod } from './testing/builders';

function etcdFindings(members: PodInfo[]) {
  return evaluateClusterHa(clusterInput({ pods: members })).findings.filter(f => f.id.startsWith('cluster.etcd.'));
}

function members(count: number, unready = 0): PodInfo[] {
  return Array.from({ length: count }, (_, i) => etcdPod(`cp-${i}`, i >= unready));
}

describe('quorum arithmetic', () => {
  it.each([
    [0, 0, 1],
    [1, 0, 1],
    [2, 0, 2],
    [3, 1, 2],
    [4, 1, 3],
    [5, 2, 3],
    [6, 2, 4],
    [7, 3, 4],
  ])('%d members tolerate %d failures with quorum %d', (count, tolerance, quorum) => {
    expect(quorumTolerance(count)).toBe(tolerance);
    expect(quorumSize(count)).toBe(quorum);
  });
});

describe('etcd member count', () => {
  it.each<[number, string | undefined, string | undefined]>([
    [0, undefined, undefined],
    [1, 'cluster.etcd.member-count', 'critical'],
    [2, 'cluster.etcd.even-members', 'warning'],
    [3, undefined, undefined],
    [4, 'cluster.etcd.even-members', 'warning'],
    [5, undefined, undefined],
    [6, 'cluster.etcd.even-members', 'warning'],
  ])('%d members → %s (%s)', (count, id, severity) => {
    expect(etcdFindings(members(count)).map(f => [f.id, f.severity])).toEqual(id ? [[id, severity]] : []);
  });

  it('says what an even count tolerates', () => {
    const [finding] = etcdFindings(members(4));
    expect(finding.message).toBe(
      'etcd in cluster prod-eu has 4 members: quorum is 3, so it tolerates 1 failure, no more than 3 members would',
    );
    expect(finding.fix).toBe('Run 3 or 5 members: an odd count gets the most failure tolerance per member');
  });

  it('tells a 2-member cluster to add a third member', () => {
    expect(etcdFindings(members(2))[0].fix).toBe('Add a third member: 3 members tolerate 1 failure');
  });

  it('counts k8s-app=etcd pods, and only in kube-system', () => {
    const other = pod('etcd-0', { namespace: 'kube-system', labels: { 'k8s-app': 'etcd' }, nodeName: 'cp-0' });
    const app = pod('etcd-app', { namespace: 'shop', labels: { component: 'etcd' }, nodeName: 'w-a1' });
    expect(etcdFindings([other, app]).map(f => f.id)).toEqual(['cluster.etcd.member-count']);
  });
});

describe('etcd members not ready', () => {
  it.each<[number, number, string | undefined]>([
    [3, 0, undefined],
    [3, 1, 'warning'],
    [3, 2, 'critical'],
    [5, 2, 'warning'],
    [5, 3, 'critical'],
    [1, 1, 'critical'],
  ])('%d members with %d not ready → %s', (count, unready, severity) => {
    const findings = etcdFindings(members(count, unready)).filter(f => f.id === 'cluster.etcd.members-not-ready');
    expect(findings.map(f => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('says quorum is lost', () => {
    const [finding] = etcdFindings(members(3, 2));
    expect(finding.message).toBe(
      'etcd in cluster prod-eu has lost quorum: 2 of 3 members are not ready (etcd-cp-0 and etcd-cp-1) and quorum needs 2, so the API server cannot write',
    );
    expect(finding.fix).toContain('etcdutl snapshot restore');
  });

  it('says how many more failures are tolerated', () => {
    const [finding] = etcdFindings(members(5, 1));
    expect(finding.message).toBe(
      '1 of 5 etcd members of cluster prod-eu is not ready (etcd-cp-0): quorum holds, but only 1 more failure can be tolerated',
    );
  });

  it('counts a Running pod that is not Ready, and a Pending one, as not ready', () => {
    const pending = { ...etcdPod('cp-2'), phase: 'Pending' as const };
    const findings = etcdFindings([etcdPod('cp-0'), etcdPod('cp-1', false), pending]);
    expect(findings.map(f => [f.id, f.severity])).toEqual([['cluster.etcd.members-not-ready', 'critical']]);
  });
});

describe('etcd quorum wording', () => {
  it('says "is" for a single unready member of a lost quorum', () => {
    const findings = evaluateClusterHa(clusterInput({ pods: [etcdPod('cp-0'), etcdPod('cp-1', false)] })).findings;
    expect(findings.find(f => f.id === 'cluster.etcd.members-not-ready')?.message).toContain('1 of 2 members is not ready');
  });
});
