import { pluralize } from '../../format';

/**
 * Explains etcd quorum for `members` members of which `ready` are ready: a majority,
 * ⌊n/2⌋+1, must be up for writes, so n members tolerate ⌊(n−1)/2⌋ failures.
 * `tolerance` is the backend's ⌊(n−1)/2⌋.
 */
export function describeQuorum(
  members: number,
  ready: number,
  tolerance: number,
): string[] {
  if (members === 0) {
    return [
      'No etcd members are visible as pods (component=etcd) in the cluster. Managed control planes (EKS, GKE, AKS) run etcd out of sight; otherwise check that kube-system is readable.',
    ];
  }
  const majority = Math.floor(members / 2) + 1;
  const lines = [
    `${pluralize(
      members,
      'etcd member',
    )}: a quorum is ${majority}, so the cluster tolerates ⌊(${members}−1)/2⌋ = ${pluralize(
      tolerance,
      'member failure',
    )}.`,
  ];
  if (members % 2 === 0) {
    lines.push(
      `An even count adds no tolerance over ${members - 1}; run ${
        members + 1
      } members to tolerate one more failure.`,
    );
  }
  if (tolerance === 0) {
    lines.push('Losing any one member stops all writes to the Kubernetes API.');
  }
  const down = members - ready;
  if (down > 0) {
    const left = tolerance - down;
    lines.push(
      left >= 0
        ? `${pluralize(down, 'member')} not ready now: ${pluralize(
            left,
            'more failure',
          )} can be tolerated.`
        : `${pluralize(
            down,
            'member',
          )} not ready now: quorum needs ${majority} of ${members} and is lost.`,
    );
  }
  return lines;
}
