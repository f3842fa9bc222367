/*
 * Velero Backup lifecycle as pure functions: validation (as velero's backup controller does
 * before running), and the phase progression New → InProgress → Finalizing[PartiallyFailed] →
 * Completed | PartiallyFailed, or InProgress → Failed.
 */
import type { ClusterBehaviour, KubeObject } from '../types';
import { hashToUnit } from './hash';
import { toKubeTime } from './objects';

/** The final phase a backup ends in. */
export type BackupOutcome = 'Completed' | 'PartiallyFailed' | 'Failed';

/** velero.io/v1 BackupSpec fields the simulator reads. */
export interface BackupSpec {
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  includedResources?: string[];
  excludedResources?: string[];
  includeClusterResources?: boolean | null;
  labelSelector?: {
    matchLabels?: Record<string, string>;
    matchExpressions?: unknown[];
  } | null;
  orLabelSelectors?: unknown[] | null;
  storageLocation?: string;
  snapshotVolumes?: boolean | null;
  ttl?: string;
}

/** velero.io/v1 BackupStatus fields the simulator writes. */
export interface BackupStatus {
  phase?: string;
  version?: number;
  formatVersion?: string;
  expiration?: string;
  startTimestamp?: string;
  completionTimestamp?: string;
  validationErrors?: string[];
  errors?: number;
  warnings?: number;
  failureReason?: string;
  progress?: { totalItems?: number; itemsBackedUp?: number };
  volumeSnapshotsAttempted?: number;
  volumeSnapshotsCompleted?: number;
}

/** The label Velero puts on Backups created by a Schedule. */
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';
/** The label Velero puts on Backups with their storage location. */
export const STORAGE_LOCATION_LABEL = 'velero.io/storage-location';

/** The phases in which a backup is still running. */
export const RUNNING_PHASES = [
  'New',
  'InProgress',
  'WaitingForPluginOperations',
  'WaitingForPluginOperationsPartiallyFailed',
  'Finalizing',
  'FinalizingPartiallyFailed',
];

function overlap(
  included: string[] | undefined,
  excluded: string[] | undefined,
): string | undefined {
  return (excluded ?? []).find(item => (included ?? []).includes(item));
}

/** The validation errors Velero reports for a backup (empty when it can run). */
export function backupValidationErrors(
  spec: BackupSpec,
  locationName: string,
  location: KubeObject | undefined,
): string[] {
  const errors: string[] = [];
  const ns = overlap(spec.includedNamespaces, spec.excludedNamespaces);
  if (ns)
    errors.push(
      `Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: ${ns}`,
    );
  const resource = overlap(spec.includedResources, spec.excludedResources);
  if (resource)
    errors.push(
      `Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: ${resource}`,
    );
  if (spec.labelSelector && spec.orLabelSelectors?.length) {
    errors.push(
      'encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified',
    );
  }
  if (!location) {
    errors.push(
      `an existing backup storage location wasn't specified at backup creation time and the default '${locationName}' wasn't found. Please address this issue (see \`velero backup-location -h\` for options) and create a new backup.`,
    );
  } else {
    const phase = (location.status as { phase?: string } | undefined)?.phase;
    const accessMode = (location.spec as { accessMode?: string } | undefined)
      ?.accessMode;
    if (accessMode === 'ReadOnly') {
      errors.push(
        `backup can't be created because backup storage location ${locationName} is currently in read-only mode`,
      );
    } else if (phase === 'Unavailable') {
      errors.push(
        `backup can't be created because BackupStorageLocation ${locationName} is in Unavailable status.`,
      );
    }
  }
  return errors;
}

/** The outcome a scenario wants for a backup: by backup name, then by schedule name; Completed by default. */
export function backupOutcome(
  backup: KubeObject,
  behaviour: ClusterBehaviour,
): BackupOutcome {
  const outcomes = behaviour.backupOutcomes ?? {};
  const schedule = backup.metadata.labels?.[SCHEDULE_NAME_LABEL];
  return (
    outcomes[backup.metadata.name ?? ''] ??
    (schedule ? outcomes[schedule] : undefined) ??
    'Completed'
  );
}

/** Inputs of one progression step. */
export interface BackupStep {
  status: BackupStatus;
  now: Date;
  durationMs: number;
  outcome: BackupOutcome;
  /** Items the backup covers (known once it starts). */
  totalItems: number;
  /** A stable identity for deterministic error/warning counts. */
  identity: string;
}

/** The next status of a running backup at `now`, or undefined when nothing changes. */
export function advanceBackup(step: BackupStep): BackupStatus | undefined {
  const { status, now, durationMs, outcome, totalItems, identity } = step;
  const started = Date.parse(status.startTimestamp ?? toKubeTime(now));
  const elapsed = now.getTime() - started;
  const errors = 1 + Math.floor(hashToUnit(identity, 'errors') * 3);
  const warnings = Math.floor(hashToUnit(identity, 'warnings') * 4);
  switch (status.phase) {
    case 'InProgress': {
      if (elapsed < durationMs) {
        const itemsBackedUp = Math.min(
          totalItems,
          Math.floor((totalItems * Math.max(0, elapsed)) / durationMs),
        );
        if (itemsBackedUp === status.progress?.itemsBackedUp) return undefined;
        return { ...status, progress: { totalItems, itemsBackedUp } };
      }
      if (outcome === 'Failed') {
        return {
          ...status,
          phase: 'Failed',
          completionTimestamp: toKubeTime(now),
          failureReason:
            'rpc error: code = Unknown desc = error putting object: AccessDenied: Access Denied\n\tstatus code: 403',
          progress: { totalItems, itemsBackedUp: Math.floor(totalItems * 0.4) },
        };
      }
      return {
        ...status,
        phase:
          outcome === 'PartiallyFailed'
            ? 'FinalizingPartiallyFailed'
            : 'Finalizing',
        progress: {
          totalItems,
          itemsBackedUp:
            outcome === 'PartiallyFailed' ? totalItems - errors : totalItems,
        },
      };
    }
    case 'Finalizing':
      return {
        ...status,
        phase: 'Completed',
        completionTimestamp: toKubeTime(now),
        ...(warnings ? { warnings } : {}),
      };
    case 'FinalizingPartiallyFailed':
      return {
        ...status,
        phase: 'PartiallyFailed',
        completionTimestamp: toKubeTime(now),
        errors,
        warnings: warnings + 1,
      };
    default:
      return undefined;
  }
}
