import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';
import { RECOVERY_TIERS, RecoveryTier, recoveryTier } from './recoveryTiers';
import { RpoBackup, RpoSchedule, evaluateRpo } from './rpo';
import { NOW, ago } from './testing/builders';

describe('recovery tiers (seed 001:7601–7641)', () => {
  it.each<[RecoveryTier, number, number]>([
    [1, 0, HOUR_MS],
    [2, 5 * MINUTE_MS, 4 * HOUR_MS],
    [3, HOUR_MS, DAY_MS],
    [4, DAY_MS, 3 * DAY_MS],
  ])('tier %d: RPO %d ms, RTO %d ms', (tier, rpoMs, rtoMs) => {
    expect(RECOVERY_TIERS[tier]).toMatchObject({ tier, rpoMs, rtoMs });
    expect(recoveryTier(tier)).toBe(RECOVERY_TIERS[tier]);
  });

  it.each([0, 5, 2.5])('tier %p does not exist', tier => {
    expect(() => recoveryTier(tier)).toThrow('does not exist');
  });
});

const hourly: RpoSchedule = { name: 'hourly', cron: '0 * * * *', phase: 'Enabled' };
const every5: RpoSchedule = { name: 'frequent', cron: '*/5 * * * *', phase: 'Enabled' };
const daily: RpoSchedule = { name: 'nightly', cron: '0 2 * * *', phase: 'Enabled' };
const weekly: RpoSchedule = { name: 'weekly', cron: '0 1 * * 0', phase: 'Enabled' };

function completed(ageMs: number, name = `b-${ageMs}`): RpoBackup {
  return { name, phase: 'Completed', completionTimestamp: ago(ageMs) };
}

function rpo(tier: RecoveryTier, coveringSchedules: RpoSchedule[], backups: RpoBackup[], toleranceMs?: number) {
  return evaluateRpo({ tier, now: NOW, object: { kind: 'Namespace', name: 'shop', cluster: 'prod' }, coveringSchedules, backups, toleranceMs });
}

describe('evaluateRpo', () => {
  it.each<[string, RecoveryTier, RpoSchedule[], RpoBackup[], boolean, string[]]>([
    ['tier 3, hourly schedule, backup 30m old', 3, [hourly], [completed(30 * MINUTE_MS)], true, []],
    ['tier 3, backup exactly 1h old: the RPO bound is inclusive', 3, [hourly], [completed(HOUR_MS)], true, []],
    ['tier 3, backup 1h and 1 ms old', 3, [hourly], [completed(HOUR_MS + 1)], false, ['backup.rpo.exceeded']],
    ['tier 3, a daily schedule cannot meet 1h even while its backup is fresh', 3, [daily], [completed(MINUTE_MS)], false, ['backup.rpo.schedule-too-sparse']],
    ['tier 2, every 5 minutes, backup 5m old', 2, [every5], [completed(5 * MINUTE_MS)], true, []],
    ['tier 2, backup 5m and 1 ms old', 2, [every5], [completed(5 * MINUTE_MS + 1)], false, ['backup.rpo.exceeded']],
    ['tier 2, an hourly schedule does not fit 5 minutes', 2, [hourly], [completed(MINUTE_MS)], false, ['backup.rpo.schedule-too-sparse']],
    ['tier 2 served by a daily job: the seed\'s defect', 2, [daily], [completed(2 * HOUR_MS)], false, ['backup.rpo.schedule-too-sparse', 'backup.rpo.exceeded']],
    ['tier 4, daily schedule, backup 24h old', 4, [daily], [completed(DAY_MS)], true, []],
    ['tier 4, backup 24h and 1 ms old', 4, [daily], [completed(DAY_MS + 1)], false, ['backup.rpo.exceeded']],
    ['tier 4, weekly only', 4, [weekly], [completed(HOUR_MS)], false, ['backup.rpo.schedule-too-sparse']],
    ['tier 4, weekly and daily: the daily one carries the RPO', 4, [weekly, daily], [completed(HOUR_MS)], true, []],
    ['tier 1: no schedule meets RPO 0', 1, [every5], [completed(MINUTE_MS)], false, ['backup.rpo.needs-replication']],
    ['tier 1 without any schedule', 1, [], [], false, ['backup.rpo.needs-replication', 'backup.rpo.no-schedule', 'backup.rpo.no-backup']],
    ['a paused schedule does not count', 3, [{ ...hourly, paused: true }], [completed(MINUTE_MS)], false, ['backup.rpo.no-schedule']],
    ['a FailedValidation schedule does not count', 3, [{ ...hourly, phase: 'FailedValidation' }], [completed(MINUTE_MS)], false, ['backup.rpo.no-schedule']],
    ['a schedule Velero will refuse does not count', 3, [{ ...hourly, cron: '0 0 * * * *' }], [completed(MINUTE_MS)], false, ['backup.rpo.no-schedule']],
    ['no Completed backup', 3, [hourly], [], false, ['backup.rpo.no-backup']],
    ['Failed backups do not count', 3, [hourly], [{ name: 'f', phase: 'Failed', completionTimestamp: ago(MINUTE_MS) }], false, ['backup.rpo.no-backup']],
    [
      'a newer PartiallyFailed backup does not count, and says so',
      3,
      [hourly],
      [completed(2 * HOUR_MS), { name: 'partial', phase: 'PartiallyFailed', completionTimestamp: ago(MINUTE_MS) }],
      false,
      ['backup.rpo.partially-failed-ignored', 'backup.rpo.exceeded'],
    ],
    [
      'an older PartiallyFailed backup is not mentioned',
      3,
      [hourly],
      [completed(MINUTE_MS), { name: 'partial', phase: 'PartiallyFailed', completionTimestamp: ago(2 * HOUR_MS) }],
      true,
      [],
    ],
    ['a backup with no completionTimestamp does not count', 3, [hourly], [{ name: 'x', phase: 'Completed' }], false, ['backup.rpo.no-backup']],
  ])('%s', (_, tier, schedules, backups, compliant, ids) => {
    const result = rpo(tier, schedules, backups);
    expect(result.findings.map(f => f.id)).toEqual(ids);
    expect(result.compliant).toBe(compliant);
  });

  it('reports the newest Completed backup, its age, the RPO and the best interval', () => {
    expect(rpo(3, [daily, hourly], [completed(3 * HOUR_MS, 'old'), completed(20 * MINUTE_MS, 'new')])).toMatchObject({
      compliant: true,
      rpoMs: HOUR_MS,
      newestCompletedAt: ago(20 * MINUTE_MS),
      ageMs: 20 * MINUTE_MS,
      intervalMs: HOUR_MS,
    });
  });

  it('toleranceMs allows for the time the next backup takes', () => {
    expect(rpo(3, [hourly], [completed(HOUR_MS + 5 * MINUTE_MS)], 10 * MINUTE_MS).compliant).toBe(true);
    expect(rpo(3, [hourly], [completed(HOUR_MS + 11 * MINUTE_MS)], 10 * MINUTE_MS).compliant).toBe(false);
  });

  it('names the schedules, their gaps and the cron that would fit', () => {
    const [finding] = rpo(2, [daily], [completed(MINUTE_MS)]).findings;
    expect(finding).toEqual({
      id: 'backup.rpo.schedule-too-sparse',
      severity: 'critical',
      object: { kind: 'Namespace', name: 'shop', cluster: 'prod' },
      message:
        'Namespace shop is tier 2 (RPO 5m), but its schedules run too rarely: nightly ("0 2 * * *", up to 24h apart); a failure just before the next run loses up to 24h of data',
      fix: 'Add or change a Schedule to run at least every 5m: schedule "*/5 * * * *" (every-5-minutes, ttl 24h0m0s)',
    });
  });

  it('says which schedules were left out when none is active', () => {
    const [finding] = rpo(3, [{ ...hourly, paused: true }, { ...daily, phase: 'FailedValidation' }], [completed(MINUTE_MS)]).findings;
    expect(finding.message).toBe('No active Velero Schedule backs up Namespace shop (hourly is paused and nightly failed validation); it is tier 3 (RPO 1h)');
  });

  it('names the stale backup and the numbers', () => {
    const [finding] = rpo(4, [daily], [completed(30 * HOUR_MS, 'nightly-20250304020000')]).findings;
    expect(finding.message).toBe('The newest Completed backup of Namespace shop, nightly-20250304020000, is 30h old; tier 4 (RPO 24h) allows 24h');
  });
});
