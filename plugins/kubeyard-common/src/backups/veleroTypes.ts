/*
 * The Velero objects (velero.io/v1) as Kubeyard reads them from every cluster: field names and
 * phases exactly as pkg/apis/velero/v1 serialises them, trimmed to what the backup views use.
 * Timestamps are RFC 3339 strings, durations Go duration strings (`720h0m0s`).
 */
import type { StructuredLabelSelector } from '../selectors/labelSelector';

/** The metadata Kubeyard keeps of a Velero object. */
export interface VeleroObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  uid?: string;
  /** Read from the cluster (not kept in the fleet index): guards a write against a concurrent one. */
  resourceVersion?: string;
}

/** The label Velero puts on every Backup a Schedule creates. */
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';

/** The namespace Velero is installed in by default. */
export const VELERO_NAMESPACE = 'velero';

/** BackupStorageLocation.status.phase. */
export type BackupStorageLocationPhase = 'Available' | 'Unavailable';

/** A BackupStorageLocation: the bucket (and prefix) a cluster's backups go to. */
export interface VeleroBackupStorageLocation {
  apiVersion?: 'velero.io/v1';
  kind?: 'BackupStorageLocation';
  metadata: VeleroObjectMeta;
  spec: {
    provider: string;
    objectStorage: { bucket: string; prefix?: string; caCert?: string };
    /** Provider settings, e.g. `region`, `s3Url`, `s3ForcePathStyle`. */
    config?: Record<string, string>;
    credential?: { name: string; key: string };
    default?: boolean;
    accessMode?: 'ReadOnly' | 'ReadWrite';
    backupSyncPeriod?: string;
    validationFrequency?: string;
  };
  status?: {
    phase?: BackupStorageLocationPhase;
    lastSyncedTime?: string;
    lastValidationTime?: string;
    message?: string;
    accessMode?: 'ReadOnly' | 'ReadWrite';
  };
}

/** A VolumeSnapshotLocation: where a provider's volume snapshots are taken. */
export interface VeleroVolumeSnapshotLocation {
  apiVersion?: 'velero.io/v1';
  kind?: 'VolumeSnapshotLocation';
  metadata: VeleroObjectMeta;
  spec: {
    provider: string;
    config?: Record<string, string>;
    credential?: { name: string; key: string };
  };
  status?: { phase?: BackupStorageLocationPhase };
}

/** One exec hook of a backup resource hook. */
export interface VeleroExecHook {
  container?: string;
  command: string[];
  onError?: 'Continue' | 'Fail';
  timeout?: string;
}

/** BackupSpec.hooks.resources[]: hooks run on the pods a filter selects. */
export interface VeleroBackupResourceHookSpec {
  name: string;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  includedResources?: string[];
  excludedResources?: string[];
  labelSelector?: StructuredLabelSelector;
  pre?: Array<{ exec: VeleroExecHook }>;
  post?: Array<{ exec: VeleroExecHook }>;
}

/** Backup.spec, also a Schedule's template. */
export interface BackupSpec {
  /** Labels Velero copies onto the Backups a Schedule creates. */
  metadata?: { labels?: Record<string, string> };
  /** Empty or `*`: every namespace. Entries may be globs (`team-*`). */
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  /** The old resource filters: `deployments`, `deployments.apps`, `*`. */
  includedResources?: string[];
  excludedResources?: string[];
  /** Old filter for cluster-scoped resources; unset means "only with a whole-cluster backup". */
  includeClusterResources?: boolean | null;
  /** The new (Velero 1.11+) scoped filters; they cannot be mixed with the old ones. */
  includedClusterScopedResources?: string[];
  excludedClusterScopedResources?: string[];
  includedNamespaceScopedResources?: string[];
  excludedNamespaceScopedResources?: string[];
  /** Unset or empty: every object. Set: only objects whose labels match. */
  labelSelector?: StructuredLabelSelector | null;
  /** Any of them matches; cannot be combined with labelSelector. */
  orLabelSelectors?: StructuredLabelSelector[] | null;
  snapshotVolumes?: boolean | null;
  defaultVolumesToFsBackup?: boolean | null;
  snapshotMoveData?: boolean | null;
  datamover?: string;
  /** How long the backup is kept, e.g. `720h0m0s`; Velero's default is 30 days. */
  ttl?: string;
  storageLocation?: string;
  volumeSnapshotLocations?: string[];
  hooks?: { resources?: VeleroBackupResourceHookSpec[] };
  orderedResources?: Record<string, string>;
  csiSnapshotTimeout?: string;
  itemOperationTimeout?: string;
  resourcePolicy?: { apiGroup?: string; kind: string; name: string };
}

/** Backup.status.phase: every phase of pkg/apis/velero/v1 BackupPhase. */
export type BackupPhase =
  | 'New'
  | 'FailedValidation'
  | 'InProgress'
  | 'WaitingForPluginOperations'
  | 'WaitingForPluginOperationsPartiallyFailed'
  | 'Finalizing'
  | 'FinalizingPartiallyFailed'
  | 'Completed'
  | 'PartiallyFailed'
  | 'Failed'
  | 'Deleting';

/** Every backup phase, in lifecycle order. */
export const BACKUP_PHASES: readonly BackupPhase[] = [
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
];

/** A Velero Backup. */
export interface VeleroBackup {
  apiVersion?: 'velero.io/v1';
  kind?: 'Backup';
  metadata: VeleroObjectMeta;
  spec: BackupSpec;
  status?: {
    phase?: BackupPhase;
    validationErrors?: string[];
    formatVersion?: string;
    startTimestamp?: string;
    completionTimestamp?: string;
    /** When the garbage collector deletes the backup (creation + ttl). */
    expiration?: string;
    failureReason?: string;
    /** Counts; the messages themselves are in the backup's log in object storage. */
    errors?: number;
    warnings?: number;
    progress?: { totalItems?: number; itemsBackedUp?: number };
    volumeSnapshotsAttempted?: number;
    volumeSnapshotsCompleted?: number;
    csiVolumeSnapshotsAttempted?: number;
    csiVolumeSnapshotsCompleted?: number;
    backupItemOperationsAttempted?: number;
    backupItemOperationsCompleted?: number;
    backupItemOperationsFailed?: number;
  };
}

/** Schedule.status.phase. */
export type SchedulePhase = 'New' | 'Enabled' | 'FailedValidation';

/** Schedule.spec. */
export interface ScheduleSpec {
  /** A robfig/cron standard expression: 5 fields, `@daily`-style descriptors, `@every 6h`, optional `CRON_TZ=`. */
  schedule: string;
  template: BackupSpec;
  useOwnerReferencesInBackup?: boolean;
  paused?: boolean;
  /** Velero 1.15+: do not back up right after creation or unpausing. */
  skipImmediately?: boolean;
}

/** A Velero Schedule. */
export interface VeleroSchedule {
  apiVersion?: 'velero.io/v1';
  kind?: 'Schedule';
  metadata: VeleroObjectMeta;
  spec: ScheduleSpec;
  status?: {
    phase?: SchedulePhase;
    lastBackup?: string;
    lastSkipped?: string;
    validationErrors?: string[];
  };
}

/** Restore.status.phase: the backup phases without Deleting. */
export type RestorePhase = Exclude<BackupPhase, 'Deleting'>;

/** Every restore phase, in lifecycle order. */
export const RESTORE_PHASES: readonly RestorePhase[] = BACKUP_PHASES.filter(
  (phase): phase is RestorePhase => phase !== 'Deleting',
);

/** Restore.spec. */
export interface RestoreSpec {
  /** The backup to restore; empty when scheduleName is set (Velero picks its newest Completed backup). */
  backupName?: string;
  scheduleName?: string;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  includedResources?: string[];
  excludedResources?: string[];
  includeClusterResources?: boolean | null;
  /** Restores a namespace under another name, e.g. `{ shop: 'shop-restored' }` for a drill. */
  namespaceMapping?: Record<string, string>;
  labelSelector?: StructuredLabelSelector | null;
  orLabelSelectors?: StructuredLabelSelector[] | null;
  restorePVs?: boolean | null;
  preserveNodePorts?: boolean | null;
  existingResourcePolicy?: 'none' | 'update';
  itemOperationTimeout?: string;
}

/** A Velero Restore. */
export interface VeleroRestore {
  apiVersion?: 'velero.io/v1';
  kind?: 'Restore';
  metadata: VeleroObjectMeta;
  spec: RestoreSpec;
  status?: {
    phase?: RestorePhase;
    validationErrors?: string[];
    startTimestamp?: string;
    completionTimestamp?: string;
    failureReason?: string;
    errors?: number;
    warnings?: number;
    progress?: { totalItems?: number; itemsRestored?: number };
  };
}

const FINAL_PHASES: ReadonlySet<string> = new Set(['FailedValidation', 'Completed', 'PartiallyFailed', 'Failed']);

/**
 * Whether a backup (or restore) has finished running: Completed, PartiallyFailed, Failed or
 * FailedValidation. Deleting is not final: the backup is being removed, it has no result to show.
 */
export function isFinalBackupPhase(phase: BackupPhase | RestorePhase | undefined): boolean {
  return phase !== undefined && FINAL_PHASES.has(phase);
}

/** Whether a restore has finished running; the same phases as isFinalBackupPhase. */
export function isFinalRestorePhase(phase: RestorePhase | undefined): boolean {
  return isFinalBackupPhase(phase);
}

/**
 * Whether a backup or restore succeeded: Completed only. PartiallyFailed ran to the end but
 * missed items, so a restore from it is incomplete.
 */
export function isSuccessfulPhase(phase: BackupPhase | RestorePhase | undefined): boolean {
  return phase === 'Completed';
}

/** The Schedule a Backup came from (label velero.io/schedule-name), if any. */
export function scheduleNameOf(backup: Pick<VeleroBackup, 'metadata'>): string | undefined {
  return backup.metadata.labels?.[SCHEDULE_NAME_LABEL] || undefined;
}
