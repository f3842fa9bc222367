import type { KubeObject } from '../types';
import {
  advanceBackup,
  type BackupOutcome,
  backupOutcome,
  type BackupStatus,
  backupValidationErrors,
} from './backupPhase';

const bsl = (phase: string, accessMode?: string): KubeObject => ({
  apiVersion: 'velero.io/v1',
  kind: 'BackupStorageLocation',
  metadata: { name: 'default', namespace: 'velero' },
  spec: { provider: 'aws', ...(accessMode ? { accessMode } : {}) },
  status: { phase },
});

describe('backupValidationErrors', () => {
  it.each([
    ['a valid backup', {}, bsl('Available'), []],
    [
      'an Unavailable location',
      {},
      bsl('Unavailable'),
      [
        "backup can't be created because BackupStorageLocation default is in Unavailable status.",
      ],
    ],
    [
      'a read-only location',
      {},
      bsl('Available', 'ReadOnly'),
      [
        "backup can't be created because backup storage location default is currently in read-only mode",
      ],
    ],
    [
      'overlapping namespaces',
      { includedNamespaces: ['shop'], excludedNamespaces: ['shop'] },
      bsl('Available'),
      [
        'Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: shop',
      ],
    ],
    [
      'both label selectors',
      {
        labelSelector: { matchLabels: { a: 'b' } },
        orLabelSelectors: [{ matchLabels: { c: 'd' } }],
      },
      bsl('Available'),
      [
        'encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified',
      ],
    ],
  ])('%s', (_name, spec, location, errors) => {
    expect(backupValidationErrors(spec, 'default', location)).toEqual(errors);
  });

  it('explains a missing location', () => {
    expect(backupValidationErrors({}, 'default', undefined)[0]).toMatch(
      /the default 'default' wasn't found/,
    );
  });
});

describe('backupOutcome', () => {
  const backup = (name: string, schedule?: string): KubeObject => ({
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      labels: schedule ? { 'velero.io/schedule-name': schedule } : {},
    },
  });
  it.each([
    ['by backup name', backup('b1'), { b1: 'Failed' }, 'Failed'],
    [
      'by schedule name',
      backup('daily-20250101020000', 'daily'),
      { daily: 'PartiallyFailed' },
      'PartiallyFailed',
    ],
    [
      'backup name wins',
      backup('daily-1', 'daily'),
      { daily: 'Failed', 'daily-1': 'Completed' },
      'Completed',
    ],
    ['default', backup('x'), {}, 'Completed'],
  ])('%s', (_name, b, outcomes, expected) => {
    expect(
      backupOutcome(b, {
        backupOutcomes: outcomes as Record<string, BackupOutcome>,
      }),
    ).toBe(expected);
  });
});

describe('advanceBackup', () => {
  const start = new Date('2025-03-12T02:00:00Z');
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
  const running: BackupStatus = {
    phase: 'InProgress',
    startTimestamp: '2025-03-12T02:00:00Z',
    progress: { totalItems: 100, itemsBackedUp: 0 },
  };
  const step = (status: BackupStatus, now: Date, outcome: BackupOutcome) =>
    advanceBackup({
      status,
      now,
      durationMs: 5 * 60_000,
      outcome,
      totalItems: 100,
      identity: 'b',
    });

  it.each<[BackupOutcome, string[]]>([
    ['Completed', ['InProgress', 'Finalizing', 'Completed']],
    [
      'PartiallyFailed',
      ['InProgress', 'FinalizingPartiallyFailed', 'PartiallyFailed'],
    ],
    ['Failed', ['InProgress', 'Failed']],
  ])('%s goes through %j', (outcome, phases) => {
    const seen = [running.phase!];
    let status: BackupStatus | undefined = running;
    for (let minute = 1; minute <= 10 && status; minute++) {
      const next = step(status, minutes(minute), outcome);
      if (next && next.phase !== status.phase) seen.push(next.phase!);
      status = next ?? status;
      if (['Completed', 'PartiallyFailed', 'Failed'].includes(status.phase!))
        break;
    }
    expect(seen).toEqual(phases);
    expect(status!.completionTimestamp).toBeDefined();
  });

  it('reports progress while running', () => {
    expect(step(running, minutes(2), 'Completed')?.progress).toEqual({
      totalItems: 100,
      itemsBackedUp: 40,
    });
    expect(
      step(
        { ...running, progress: { totalItems: 100, itemsBackedUp: 40 } },
        minutes(2),
        'Completed',
      ),
    ).toBeUndefined();
  });

  it('counts errors for a partially failed backup', () => {
    const finalizing = step(running, minutes(5), 'PartiallyFailed')!;
    const done = step(finalizing, minutes(6), 'PartiallyFailed')!;
    expect(done.errors).toBeGreaterThan(0);
    expect(done.progress!.itemsBackedUp).toBeLessThan(100);
  });

  it('leaves finished backups alone', () => {
    expect(
      step({ phase: 'Completed' }, minutes(60), 'Completed'),
    ).toBeUndefined();
  });
});
