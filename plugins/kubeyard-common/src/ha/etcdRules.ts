import { isPodReady } from './pods';
import { listNames, plural } from './text';
import type { ClusterContext, ClusterRule } from './types';

/** Failures an etcd cluster of n members survives: ⌊(n−1)/2⌋. */
export function quorumTolerance(members: number): number {
  return members > 0 ? Math.floor((members - 1) / 2) : 0;
}

/** Members an etcd cluster of n members needs to keep quorum: ⌊n/2⌋+1. */
export function quorumSize(members: number): number {
  return Math.floor(members / 2) + 1;
}

/** cluster.etcd.member-count / even-members: 3, 5 or 7 members. No members: external or managed etcd. */
export const etcdMemberCount: ClusterRule = ({ cluster, object, etcdMembers }: ClusterContext) => {
  const count = etcdMembers.length;
  if (count === 1) {
    return [
      {
        id: 'cluster.etcd.member-count',
        severity: 'critical',
        object,
        message: `etcd in cluster ${cluster} has 1 member (${etcdMembers[0].name}): it tolerates no failure, and losing its disk loses the cluster state since the last snapshot`,
        fix: 'Grow etcd to 3 members (tolerates 1 failure) on separate nodes, and take daily snapshots kept off-site for 7 days',
      },
    ];
  }
  if (count > 0 && count % 2 === 0) {
    const tolerance = quorumTolerance(count);
    return [
      {
        id: 'cluster.etcd.even-members',
        severity: 'warning',
        object,
        message: `etcd in cluster ${cluster} has ${count} members: quorum is ${quorumSize(count)}, so it tolerates ${plural(tolerance, 'failure')}, no more than ${plural(count - 1, 'member')} would`,
        fix:
          count === 2
            ? 'Add a third member: 3 members tolerate 1 failure'
            : `Run ${count - 1} or ${count + 1} members: an odd count gets the most failure tolerance per member`,
      },
    ];
  }
  return [];
};

/** cluster.etcd.members-not-ready: unready members, critical once quorum is lost. */
export const etcdMembersReady: ClusterRule = ({ cluster, object, etcdMembers }: ClusterContext) => {
  const unready = etcdMembers.filter(member => !isPodReady(member));
  if (unready.length === 0) return [];
  const count = etcdMembers.length;
  const tolerance = quorumTolerance(count);
  const names = listNames(unready.map(member => member.name));
  const nodes = listNames(unready.map(member => member.nodeName ?? member.name));
  if (unready.length > tolerance) {
    return [
      {
        id: 'cluster.etcd.members-not-ready',
        severity: 'critical',
        object,
        message: `etcd in cluster ${cluster} has lost quorum: ${unready.length} of ${count} members ${unready.length === 1 ? 'is' : 'are'} not ready (${names}) and quorum needs ${quorumSize(count)}, so the API server cannot write`,
        fix: `Bring the members back (kubectl -n kube-system logs ${unready[0].name}; check the disks and clocks of ${nodes}); if they cannot return, restore the latest snapshot with etcdutl snapshot restore`,
      },
    ];
  }
  const left = tolerance - unready.length;
  return [
    {
      id: 'cluster.etcd.members-not-ready',
      severity: 'warning',
      object,
      message: `${unready.length} of ${count} etcd members of cluster ${cluster} ${unready.length === 1 ? 'is' : 'are'} not ready (${names}): quorum holds, but only ${plural(left, 'more failure')} can be tolerated`,
      fix: `Bring ${names} back before any node maintenance (kubectl -n kube-system logs ${unready[0].name}; check the disk and network of ${nodes})`,
    },
  ];
};

/** etcd rules, in report order. */
export const etcdRules: ClusterRule[] = [etcdMemberCount, etcdMembersReady];
