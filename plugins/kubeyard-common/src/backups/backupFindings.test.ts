import type { BackupFindingsInput } from './backupContext';
import { evaluateBackupFindings } from './backupFindings';
import { DAY_MS, HOUR_MS, MINUTE_MS, ago, backup, clusterInput, schedule, storageLocation, withId } from './testing/builders';

function ids(input: BackupFindingsInput, id: string): string[] {
  return withId(evaluateBackupFindings(input), id).map(f => `${f.object.kind}/${f.object.name}`);
}

describe('evaluateBackupFindings', () => {
  it('finds nothing on a healthy cluster: storage Available, nightly backups Completed, drilled last week', () => {
    expect(evaluateBackupFindings(clusterInput({ protectedNamespaces: ['shop'] }))).toEqual([]);
  });

  const failed = { phase: 'Failed' as const, failureReason: 'rpc error: code = Unavailable', errors: 1 };
  const partial = { phase: 'PartiallyFailed' as const, errors: 3, warnings: 2, progress: { totalItems: 120, itemsBackedUp: 117 } };

  it.each<[string, string, Partial<BackupFindingsInput>, string[]]>([
    ['backup.failed', 'a Failed backup no Completed one has followed', { backups: [backup(34 * HOUR_MS), backup(10 * HOUR_MS, { status: failed })] }, ['Backup/nightly-20250305020000']],
    ['backup.failed', 'a Failed backup a later Completed one has superseded', { backups: [backup(34 * HOUR_MS, { status: failed }), backup(10 * HOUR_MS)] }, []],
    ['backup.failed', 'a FailedValidation backup', { backups: [backup(10 * HOUR_MS, { status: { phase: 'FailedValidation', validationErrors: ['x'] } })] }, ['Backup/nightly-20250305020000']],
    ['backup.failed', 'a manual Failed backup with no later manual Completed one', { backups: [backup(10 * HOUR_MS), backup(HOUR_MS, { schedule: null, name: 'pre-upgrade', status: failed })] }, ['Backup/pre-upgrade']],
    [
      'backup.failed',
      'a manual Failed backup a later manual one has superseded',
      { backups: [backup(10 * HOUR_MS), backup(2 * HOUR_MS, { schedule: null, name: 'try-1', status: failed }), backup(HOUR_MS, { schedule: null, name: 'try-2' })] },
      [],
    ],
    ['backup.failed', 'an InProgress backup', { backups: [backup(10 * HOUR_MS), backup(MINUTE_MS, { status: { phase: 'InProgress', completionTimestamp: undefined } })] }, []],
    ['backup.partially-failed', 'a PartiallyFailed backup no Completed one has followed', { backups: [backup(34 * HOUR_MS), backup(10 * HOUR_MS, { status: partial })] }, ['Backup/nightly-20250305020000']],
    ['backup.partially-failed', 'a PartiallyFailed backup a later Completed one has superseded', { backups: [backup(34 * HOUR_MS, { status: partial }), backup(10 * HOUR_MS)] }, []],
    ['backup.location-unavailable', 'an Unavailable BackupStorageLocation', { storageLocations: [storageLocation({ status: { phase: 'Unavailable' } }), storageLocation({ name: 'dr' })] }, ['BackupStorageLocation/default']],
    ['backup.location-unavailable', 'an Available one', { storageLocations: [storageLocation()] }, []],
    ['backup.location-unavailable', 'one not validated yet (no phase)', { storageLocations: [storageLocation({ status: { phase: undefined } })] }, []],
    ['backup.schedule-paused', 'a paused Schedule', { schedules: [schedule({ spec: { paused: true } })] }, ['Schedule/nightly']],
    ['backup.schedule-paused', 'an unpaused one', { schedules: [schedule({ spec: { paused: false } })] }, []],
    ['backup.schedule-invalid', 'a FailedValidation Schedule', { schedules: [schedule({ status: { phase: 'FailedValidation', validationErrors: ['invalid schedule: expected exactly 5 fields, found 6: [0 0 2 * * *]'] } })] }, ['Schedule/nightly']],
    ['backup.schedule-invalid', 'an Enabled one', { schedules: [schedule()] }, []],
    ['backup.schedule-invalid', 'a New one Velero has not validated yet', { schedules: [schedule({ status: { phase: 'New' } })] }, []],
    ['backup.expiring-without-newer', 'the newest Completed backup of a schedule expiring in 5h', { backups: [backup(10 * HOUR_MS, { status: { expiration: ago(-5 * HOUR_MS) } })] }, ['Backup/nightly-20250305020000']],
    ['backup.expiring-without-newer', 'the newest one already expired but not yet collected', { backups: [backup(10 * HOUR_MS, { status: { expiration: ago(HOUR_MS) } })] }, ['Backup/nightly-20250305020000']],
    ['backup.expiring-without-newer', 'exactly 24h before expiry', { backups: [backup(10 * HOUR_MS, { status: { expiration: ago(-DAY_MS) } })] }, ['Backup/nightly-20250305020000']],
    ['backup.expiring-without-newer', '24h and a minute before expiry', { backups: [backup(10 * HOUR_MS, { status: { expiration: ago(-DAY_MS - MINUTE_MS) } })] }, []],
    ['backup.expiring-without-newer', 'an expiring backup with a newer Completed one', { backups: [backup(34 * HOUR_MS, { status: { expiration: ago(-HOUR_MS) } }), backup(10 * HOUR_MS)] }, []],
    ['backup.expiring-without-newer', 'an expiring manual backup', { backups: [backup(10 * HOUR_MS), backup(HOUR_MS, { schedule: null, name: 'manual', status: { expiration: ago(-HOUR_MS) } })] }, []],
    ['backup.none', 'a schedule with no backup at all', { backups: [] }, ['Schedule/nightly']],
    ['backup.none', 'a schedule whose backups all failed', { backups: [backup(34 * HOUR_MS, { status: failed }), backup(10 * HOUR_MS, { status: partial })] }, ['Schedule/nightly']],
    ['backup.none', 'a schedule created 30 minutes ago (its first backup may still run)', { backups: [], schedules: [schedule({ creationTimestamp: ago(30 * MINUTE_MS) })] }, []],
    ['backup.none', 'a schedule created 2h ago', { backups: [], schedules: [schedule({ creationTimestamp: ago(2 * HOUR_MS) })] }, ['Schedule/nightly']],
    ['backup.none', 'skipImmediately: no backup until the first run at 02:00', { backups: [], schedules: [schedule({ creationTimestamp: ago(2 * HOUR_MS), spec: { skipImmediately: true } })] }, []],
    ['backup.none', 'a paused schedule (backup.schedule-paused says it)', { backups: [], schedules: [schedule({ spec: { paused: true } })] }, []],
    ['backup.none', 'a protected namespace no Completed backup includes', { protectedNamespaces: ['shop', 'billing'] }, ['Namespace/billing']],
    ['backup.none', 'a protected namespace a Completed backup includes through ["*"]', { protectedNamespaces: ['billing'], backups: [backup(10 * HOUR_MS, { spec: { includedNamespaces: ['*'] } })] }, []],
    ['backup.none', 'a protected namespace only a Failed backup includes', { protectedNamespaces: ['billing'], backups: [backup(10 * HOUR_MS), backup(HOUR_MS, { schedule: null, spec: { includedNamespaces: ['billing'] }, status: failed })] }, ['Namespace/billing']],
    ['backup.stale', 'a daily schedule\'s newest Completed backup 30h old', { backups: [backup(30 * HOUR_MS + 10 * MINUTE_MS)] }, ['Schedule/nightly']],
    ['backup.stale', 'one 24h30m old: today\'s run may still be going', { backups: [backup(24 * HOUR_MS + 40 * MINUTE_MS)] }, []],
    ['backup.stale', 'a weekly schedule\'s backup 5 days old', { schedules: [schedule({ spec: { schedule: '0 1 * * 0' } })], backups: [backup(5 * DAY_MS)] }, []],
    ['backup.stale', 'a weekly schedule\'s backup 8 days old', { schedules: [schedule({ spec: { schedule: '0 1 * * 0' } })], backups: [backup(8 * DAY_MS)] }, ['Schedule/nightly']],
    ['backup.stale', 'a paused schedule (backup.schedule-paused says it)', { schedules: [schedule({ spec: { paused: true } })], backups: [backup(30 * HOUR_MS)] }, []],
    ['backup.too-small', 'a newest Completed backup of 12Ki', { backupSizes: { 'nightly-20250305020000': 12 * 1024 } }, ['Backup/nightly-20250305020000']],
    ['backup.too-small', 'one of 5Mi', { backupSizes: { 'nightly-20250305020000': 5 * 1024 * 1024 } }, []],
    ['backup.too-small', 'exactly 1Mi', { backupSizes: { 'nightly-20250305020000': 1024 * 1024 } }, []],
    ['backup.too-small', 'an older small backup', { backupSizes: { 'nightly-20250304020000': 1024 } }, []],
    ['backup.too-small', 'no size known', { backupSizes: undefined }, []],
  ])('%s: %s', (id, _, overrides, objects) => {
    expect(ids(clusterInput(overrides), id)).toEqual(objects);
  });

  it('reports a failure with the reason, and how to read the logs and rerun it', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backups: [backup(34 * HOUR_MS), backup(10 * HOUR_MS, { status: failed })] })), 'backup.failed');
    expect(finding).toEqual({
      id: 'backup.failed',
      severity: 'critical',
      object: { kind: 'Backup', name: 'nightly-20250305020000', namespace: 'velero', cluster: 'prod-eu-1' },
      message: 'Backup nightly-20250305020000 of Schedule nightly failed 9h 50m ago: rpc error: code = Unavailable; no Completed backup has followed it',
      fix: 'Read `velero backup logs nightly-20250305020000` and `velero backup describe nightly-20250305020000 --details`, fix the cause (often the storage location or a plugin), then run `velero backup create --from-schedule nightly`',
    });
  });

  it('reports validation errors of a FailedValidation backup', () => {
    const [finding] = withId(
      evaluateBackupFindings(clusterInput({ backups: [backup(HOUR_MS, { status: { phase: 'FailedValidation', validationErrors: ['backup can\'t be created because BackupStorageLocation default is in Unavailable status'] } })] })),
      'backup.failed',
    );
    expect(finding.message).toBe(
      "Backup nightly-20250305110000 of Schedule nightly failed validation and backed up nothing: backup can't be created because BackupStorageLocation default is in Unavailable status",
    );
  });

  it('reports a PartiallyFailed backup with its counts', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backups: [backup(10 * HOUR_MS, { status: partial })] })), 'backup.partially-failed');
    expect([finding.severity, finding.message]).toEqual([
      'warning',
      'Backup nightly-20250305020000 of Schedule nightly PartiallyFailed with 3 errors and 2 warnings, 117 of 120 items backed up: a restore from it misses those items',
    ]);
  });

  it('names the bucket, region, message and credentials of an Unavailable location', () => {
    const [finding] = withId(
      evaluateBackupFindings(clusterInput({ storageLocations: [storageLocation({ status: { phase: 'Unavailable', message: 'AccessDenied', lastValidationTime: ago(5 * MINUTE_MS) } })] })),
      'backup.location-unavailable',
    );
    expect(finding).toMatchObject({
      severity: 'critical',
      message: 'BackupStorageLocation default (aws bucket acme-velero/prod-eu-1, region eu-central-1) is Unavailable: AccessDenied; last validated 5m ago. Backups to it fail validation',
      fix: 'Check that bucket acme-velero exists and that the credentials in Secret cloud-credentials key cloud can list and write it, then watch `velero backup-location get` turn Available',
    });
  });

  it('says when a paused schedule last backed up', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ schedules: [schedule({ spec: { paused: true }, status: { lastBackup: ago(3 * DAY_MS) } })] })), 'backup.schedule-paused');
    expect([finding.severity, finding.message, finding.fix]).toEqual([
      'warning',
      'Schedule nightly ("0 2 * * *") is paused: it makes no backups; its last backup was 3d ago',
      'Run `velero schedule unpause nightly` (or set spec.paused to false), or delete the Schedule if it is no longer wanted',
    ]);
  });

  it('quotes the validation errors of an invalid schedule', () => {
    const [finding] = withId(
      evaluateBackupFindings(clusterInput({ schedules: [schedule({ status: { phase: 'FailedValidation', validationErrors: ['invalid schedule: bad'] } })] })),
      'backup.schedule-invalid',
    );
    expect([finding.severity, finding.message]).toEqual(['critical', 'Schedule nightly failed validation and never runs: invalid schedule: bad']);
  });

  it('says when the last good backup of a schedule expires', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backups: [backup(10 * HOUR_MS, { status: { expiration: ago(-5 * HOUR_MS) } })] })), 'backup.expiring-without-newer');
    expect([finding.severity, finding.message]).toEqual([
      'warning',
      'Backup nightly-20250305020000, the newest Completed backup of Schedule nightly, expires in 5h and no newer one has completed: once it is garbage-collected the schedule has nothing to restore',
    ]);
  });

  it('counts the phases of a schedule that never completed a backup', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backups: [backup(34 * HOUR_MS, { status: failed }), backup(10 * HOUR_MS, { status: failed })] })), 'backup.none');
    expect([finding.severity, finding.message]).toEqual(['critical', 'Schedule nightly has never produced a Completed backup: its 2 backups are 2 Failed']);
  });

  it('gives the age and the limit of a stale schedule', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backups: [backup(30 * HOUR_MS + 10 * MINUTE_MS)] })), 'backup.stale');
    expect(finding.message).toBe('The newest Completed backup of Schedule nightly, nightly-20250304055000, completed 30h ago; expected within 25h');
  });

  it('gives the size of a too-small backup', () => {
    const [finding] = withId(evaluateBackupFindings(clusterInput({ backupSizes: { 'nightly-20250305020000': 12 * 1024 } })), 'backup.too-small');
    expect([finding.severity, finding.message]).toEqual([
      'warning',
      'Backup nightly-20250305020000 of Schedule nightly is 12Ki, under 1Mi: its filters probably select next to nothing',
    ]);
  });
});
