import type { BackupFindingsInput } from './backupContext';
import { evaluateBackupFindings } from './backupFindings';
import { restoreDrillAnnotations, restoreDrillRecordOf } from './restoreDrillRecord';
import { isKubeyardRestoreDrill, isRestoreDrill, restoredScheduleOf } from './restoreDrills';
import { DAY_MS, HOUR_MS, backup, clusterInput, restore, schedule, scheduledName, withId } from './testing/builders';

const drill = (completedAgoMs: number, overrides: Parameters<typeof restore>[2] = {}) => restore(scheduledName('nightly', completedAgoMs + DAY_MS), completedAgoMs, overrides);

describe('isRestoreDrill', () => {
  it.each<[string, Parameters<typeof restore>[2], boolean]>([
    ['a restore into <namespace>-restored (seed 001:8350)', {}, true],
    ['several namespaces, each into <namespace>-restored', { namespaceMapping: { shop: 'shop-restored', cart: 'cart-restored' } }, true],
    ['a restore labelled kubeyard.io/restore-drill=true', { namespaceMapping: undefined, labels: { 'kubeyard.io/restore-drill': 'true' } }, true],
    ['an in-place restore (a real recovery)', { namespaceMapping: undefined }, false],
    ['a mapping to another name', { namespaceMapping: { shop: 'shop-v2' } }, false],
    ['a mix of drill and other mappings', { namespaceMapping: { shop: 'shop-restored', cart: 'cart' } }, false],
  ])('%s: %p', (_, overrides, expected) => {
    expect(isRestoreDrill(restore('b', DAY_MS, overrides))).toBe(expected);
  });
});

describe('isKubeyardRestoreDrill', () => {
  const kubeyard = { 'kubeyard.io/restore-drill': 'true', 'app.kubernetes.io/managed-by': 'kubeyard', 'kubeyard.io/restore-drill-namespace': 'shop' };
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['a drill Kubeyard started', kubeyard, true],
    ['a velero CLI drill with the drill label only', { 'kubeyard.io/restore-drill': 'true' }, false],
    ['a restore into <namespace>-restored without labels', undefined, false],
    ['a drill label of another manager', { ...kubeyard, 'app.kubernetes.io/managed-by': 'helm' }, false],
  ])('%s: %p', (_, labels, expected) => {
    expect(isKubeyardRestoreDrill(restore('b', DAY_MS, { labels }))).toBe(expected);
  });
});

describe('restore drill records', () => {
  it('round-trip a timed-out drill', () => {
    const record = { compliant: false, timedOut: true, cleanup: 'pending', recordedAt: '2025-06-01T00:00:00.000Z' };
    expect(restoreDrillRecordOf({ metadata: { name: 'r', annotations: restoreDrillAnnotations(record) } })).toEqual(record);
  });
});

describe('restoredScheduleOf', () => {
  const kept = backup(DAY_MS, { name: 'renamed', schedule: 'weekly' });
  const backups = new Map([[kept.metadata.name, kept]]);
  it.each<[string, Parameters<typeof restore>[2] & { backupName?: string }, string | undefined]>([
    ['spec.scheduleName', { scheduleName: 'nightly' }, 'nightly'],
    ['the backup\'s velero.io/schedule-name label', { backupName: 'renamed' }, 'weekly'],
    ['the name of an expired scheduled backup', { backupName: 'nightly-20250101020000' }, 'nightly'],
    ['a manual backup that has expired', { backupName: 'pre-upgrade' }, undefined],
  ])('reads %s', (_, { backupName, ...overrides }, expected) => {
    expect(restoredScheduleOf(restore(backupName ?? '', DAY_MS, overrides), backups)).toBe(expected);
  });
});

describe('restore.drill-overdue', () => {
  function overdue(overrides: Partial<BackupFindingsInput>) {
    return withId(evaluateBackupFindings(clusterInput(overrides)), 'restore.drill-overdue');
  }

  it.each<[string, Partial<BackupFindingsInput>, boolean]>([
    ['a drill 7 days ago', {}, false],
    ['a drill 29 days ago', { restores: [drill(29 * DAY_MS)] }, false],
    ['a drill 31 days ago (default cadence 30 days)', { restores: [drill(31 * DAY_MS)] }, true],
    ['no drill, schedule 90 days old', { restores: [] }, true],
    ['no drill, schedule 10 days old', { restores: [], schedules: [schedule({ creationTimestamp: new Date(Date.parse('2025-03-05T12:00:00Z') - 10 * DAY_MS).toISOString() })] }, false],
    ['a Failed drill does not count', { restores: [drill(DAY_MS, { status: { phase: 'Failed' } }), drill(40 * DAY_MS, { name: 'old' })] }, true],
    ['a PartiallyFailed drill does not count', { restores: [drill(DAY_MS, { status: { phase: 'PartiallyFailed' } })] }, true],
    ['an in-place restore is not a drill', { restores: [drill(DAY_MS, { namespaceMapping: undefined })] }, true],
    ['a drill of another schedule does not count', { restores: [drill(DAY_MS, { scheduleName: 'weekly' })] }, true],
    ['a drill through spec.scheduleName', { restores: [drill(DAY_MS, { backupName: undefined, scheduleName: 'nightly' })] }, false],
    ['drillCadenceMs of 7 days and a drill 8 days ago', { drillCadenceMs: 7 * DAY_MS, restores: [drill(8 * DAY_MS)] }, true],
    [
      'the kubeyard.io/restore-drill-cadence annotation of 90 days and a drill 40 days ago',
      { schedules: [schedule({ annotations: { 'kubeyard.io/restore-drill-cadence': '2160h' } })], restores: [drill(40 * DAY_MS)] },
      false,
    ],
    ['a paused schedule', { schedules: [schedule({ spec: { paused: true } })], restores: [] }, false],
    ['a schedule without a Completed backup (backup.none says it)', { backups: [], restores: [] }, false],
  ])('%s: overdue %p', (_, overrides, expected) => {
    expect(overdue(overrides).length).toBe(expected ? 1 : 0);
  });

  it('says when the last drill ran, how long it took, and how to run the next', () => {
    const [finding] = overdue({ restores: [drill(40 * DAY_MS, { name: 'drill-jan' })] });
    expect(finding).toEqual({
      id: 'restore.drill-overdue',
      severity: 'warning',
      object: { kind: 'Schedule', name: 'nightly', namespace: 'velero', cluster: 'prod-eu-1' },
      message: 'The last restore drill of Schedule nightly, drill-jan, completed 40d ago and took 12m; drills are due every 30d',
      fix: 'Restore nightly-20250305020000 beside the original and time it against the RTO: `velero restore create --from-backup nightly-20250305020000 --namespace-mappings shop:shop-restored --labels kubeyard.io/restore-drill=true`, check the workloads start, then delete shop-restored',
    });
  });

  it('says how long a schedule has gone without any drill', () => {
    const [finding] = overdue({ restores: [] });
    expect(finding.message).toBe("No restore drill of Schedule nightly's backups has completed, in 90d; drills are due every 30d");
  });

  it('counts from the oldest Completed backup when the schedule has no creationTimestamp', () => {
    const undated = schedule({ creationTimestamp: undefined });
    expect(overdue({ schedules: [undated], restores: [], backups: [backup(20 * DAY_MS), backup(10 * HOUR_MS)] })).toHaveLength(0);
    expect(overdue({ schedules: [undated], restores: [], backups: [backup(40 * DAY_MS), backup(10 * HOUR_MS)] })).toHaveLength(1);
  });
});
