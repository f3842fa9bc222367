/*
 * Fixture builders for the backup tests. Every builder returns a healthy object; a test
 * overrides the field its rule is about. Times are relative to NOW.
 */
import type { Finding } from '../../findings/types';
import type { BackupFindingsInput } from '../backupContext';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../duration';
import type {
  BackupSpec,
  VeleroBackup,
  VeleroBackupStorageLocation,
  VeleroRestore,
  VeleroSchedule,
} from '../veleroTypes';

/** Wednesday 5 March 2025, 12:00 UTC. */
export const NOW = new Date('2025-03-05T12:00:00Z');
export { DAY_MS, HOUR_MS, MINUTE_MS };

/** The RFC 3339 time `ms` before NOW (negative: after). */
export function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString();
}

/** A Velero-style scheduled backup name: `<schedule>-<yyyyMMddHHmmss>`. */
export function scheduledName(scheduleName: string, startedAgoMs: number): string {
  return `${scheduleName}-${ago(startedAgoMs).replace(/[-:T]/g, '').slice(0, 14)}`;
}

/**
 * A Completed backup of Schedule `nightly` that started `startedAgoMs` ago and took 10 minutes;
 * pass schedule undefined for a manual backup.
 */
export function backup(
  startedAgoMs: number,
  overrides: { name?: string; schedule?: string | null; spec?: BackupSpec; status?: VeleroBackup['status'] } = {},
): VeleroBackup {
  const scheduleName = overrides.schedule === null ? undefined : (overrides.schedule ?? 'nightly');
  const name = overrides.name ?? (scheduleName ? scheduledName(scheduleName, startedAgoMs) : `manual-${startedAgoMs}`);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      namespace: 'velero',
      creationTimestamp: ago(startedAgoMs),
      labels: scheduleName ? { 'velero.io/schedule-name': scheduleName } : {},
    },
    spec: overrides.spec ?? { includedNamespaces: ['shop'], ttl: '720h0m0s', storageLocation: 'default' },
    status: {
      phase: 'Completed',
      startTimestamp: ago(startedAgoMs),
      completionTimestamp: ago(startedAgoMs - 10 * MINUTE_MS),
      expiration: ago(startedAgoMs - 30 * DAY_MS),
      errors: 0,
      warnings: 0,
      progress: { totalItems: 120, itemsBackedUp: 120 },
      ...overrides.status,
    },
  };
}

/** An Enabled Schedule `nightly` at 02:00 UTC for namespace shop, created 90 days ago. */
export function schedule(overrides: Partial<VeleroSchedule['metadata']> & { spec?: Partial<VeleroSchedule['spec']>; status?: VeleroSchedule['status'] } = {}): VeleroSchedule {
  const { spec, status, ...metadata } = overrides;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: { name: 'nightly', namespace: 'velero', creationTimestamp: ago(90 * DAY_MS), ...metadata },
    spec: {
      schedule: '0 2 * * *',
      template: { includedNamespaces: ['shop'], ttl: '720h0m0s', storageLocation: 'default' },
      ...spec,
    },
    status: { phase: 'Enabled', lastBackup: ago(10 * HOUR_MS), ...status },
  };
}

/** An Available BackupStorageLocation `default` on AWS. */
export function storageLocation(overrides: { name?: string; status?: VeleroBackupStorageLocation['status'] } = {}): VeleroBackupStorageLocation {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: overrides.name ?? 'default', namespace: 'velero' },
    spec: {
      provider: 'aws',
      objectStorage: { bucket: 'acme-velero', prefix: 'prod-eu-1' },
      config: { region: 'eu-central-1' },
      credential: { name: 'cloud-credentials', key: 'cloud' },
      default: true,
    },
    status: { phase: 'Available', lastValidationTime: ago(MINUTE_MS), ...overrides.status },
  };
}

/** A Completed restore drill of `backupName` into shop-restored, `completedAgoMs` ago, taking 12 minutes. */
export function restore(backupName: string, completedAgoMs: number, overrides: Partial<VeleroRestore['spec']> & { name?: string; labels?: Record<string, string>; status?: VeleroRestore['status'] } = {}): VeleroRestore {
  const { name, labels, status, ...spec } = overrides;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: { name: name ?? `${backupName}-drill`, namespace: 'velero', labels: labels ?? {} },
    spec: { backupName, namespaceMapping: { shop: 'shop-restored' }, ...spec },
    status: {
      phase: 'Completed',
      startTimestamp: ago(completedAgoMs + 12 * MINUTE_MS),
      completionTimestamp: ago(completedAgoMs),
      ...status,
    },
  };
}

/** A healthy cluster: one BSL, the nightly schedule, last night's backup, a drill a week ago. */
export function clusterInput(overrides: Partial<BackupFindingsInput> = {}): BackupFindingsInput {
  const last = backup(10 * HOUR_MS);
  return {
    cluster: 'prod-eu-1',
    now: NOW,
    storageLocations: [storageLocation()],
    schedules: [schedule()],
    backups: [backup(34 * HOUR_MS), last],
    restores: [restore(scheduledName('nightly', 8 * DAY_MS), 7 * DAY_MS)],
    backupSizes: {},
    ...overrides,
  };
}

/** The findings with an id. */
export function withId(findings: Finding[], id: string): Finding[] {
  return findings.filter(f => f.id === id);
}
