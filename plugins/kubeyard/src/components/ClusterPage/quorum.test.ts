import { describeQuorum } from './quorum';

describe('describeQuorum', () => {
  it('explains the tolerance of three members', () => {
    expect(describeQuorum(3, 3, 1)).toEqual([
      '3 etcd members: a quorum is 2, so the cluster tolerates ⌊(3−1)/2⌋ = 1 member failure.',
    ]);
  });

  it('warns that an even count adds nothing and that one member down stops writes', () => {
    const lines = describeQuorum(2, 2, 0);
    expect(lines[0]).toBe(
      '2 etcd members: a quorum is 2, so the cluster tolerates ⌊(2−1)/2⌋ = 0 member failures.',
    );
    expect(lines[1]).toBe(
      'An even count adds no tolerance over 1; run 3 members to tolerate one more failure.',
    );
    expect(lines[2]).toMatch(/Losing any one member stops all writes/);
  });

  it('says how many more failures are tolerated while members are down', () => {
    expect(describeQuorum(5, 4, 2)).toContain(
      '1 member not ready now: 1 more failure can be tolerated.',
    );
    expect(describeQuorum(3, 1, 1)).toContain(
      '2 members not ready now: quorum needs 2 of 3 and is lost.',
    );
  });

  it('explains when no etcd member is visible', () => {
    expect(describeQuorum(0, 0, 0)[0]).toMatch(/No etcd members are visible/);
  });
});
