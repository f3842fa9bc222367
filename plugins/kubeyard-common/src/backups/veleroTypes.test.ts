import {
  BACKUP_PHASES,
  BackupPhase,
  RESTORE_PHASES,
  RestorePhase,
  isFinalBackupPhase,
  isFinalRestorePhase,
  isSuccessfulPhase,
  scheduleNameOf,
} from './veleroTypes';

describe('Velero phases', () => {
  it('lists every BackupPhase of velero.io/v1, and the restore phases are the same minus Deleting', () => {
    expect(BACKUP_PHASES).toEqual([
      'New',
      'FailedValidation',
      'InProgress',
      'WaitingForPluginOperations',
      'WaitingForPluginOperationsPartiallyFailed',
      'Finalizing',
      'FinalizingPartiallyFailed',
      'Completed',
      'PartiallyFailed',
      'Failed',
      'Deleting',
    ]);
    expect(RESTORE_PHASES).toEqual(BACKUP_PHASES.filter(p => p !== 'Deleting'));
  });

  it.each<[BackupPhase | undefined, boolean, boolean, string]>([
    [undefined, false, false, 'no phase yet: the controller has not seen it'],
    ['New', false, false, 'created, not yet processed'],
    ['FailedValidation', true, false, 'refused before running: final, nothing backed up'],
    ['InProgress', false, false, 'running'],
    ['WaitingForPluginOperations', false, false, 'snapshot data still uploading: not usable yet'],
    ['WaitingForPluginOperationsPartiallyFailed', false, false, 'uploading, will end PartiallyFailed: not usable yet'],
    ['Finalizing', false, false, 'awaiting the final update: not usable yet'],
    ['FinalizingPartiallyFailed', false, false, 'awaiting the final update, will end PartiallyFailed'],
    ['Completed', true, true, 'ran without errors'],
    ['PartiallyFailed', true, false, 'ran to completion with item errors: final but not a good backup'],
    ['Failed', true, false, 'an error stopped it'],
    ['Deleting', false, false, 'being deleted: no result to show'],
  ])('backup phase %s: final %p, successful %p (%s)', (phase, final, successful) => {
    expect(isFinalBackupPhase(phase)).toBe(final);
    expect(isSuccessfulPhase(phase)).toBe(successful);
  });

  it.each<[RestorePhase, boolean]>(RESTORE_PHASES.map(p => [p, ['FailedValidation', 'Completed', 'PartiallyFailed', 'Failed'].includes(p)]))(
    'restore phase %s is final: %p',
    (phase, final) => {
      expect(isFinalRestorePhase(phase)).toBe(final);
    },
  );
});

describe('scheduleNameOf', () => {
  it.each<[Record<string, string> | undefined, string | undefined]>([
    [{ 'velero.io/schedule-name': 'nightly' }, 'nightly'],
    [{ 'velero.io/schedule-name': '' }, undefined],
    [{ 'velero.io/storage-location': 'default' }, undefined],
    [undefined, undefined],
  ])('reads the velero.io/schedule-name label Velero puts on scheduled backups: %j → %p', (labels, name) => {
    expect(scheduleNameOf({ metadata: { name: 'b', labels } })).toBe(name);
  });
});
