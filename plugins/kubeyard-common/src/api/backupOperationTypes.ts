/*
 * The backup write API: tenant Schedules, on-demand Backups and restore drills. Phases are
 * Velero's own (Backup.status.phase, Restore.status.phase).
 */
import type { RestoreDrillRecord } from '../backups/restoreDrillRecord';
import type { SchedulePresetName } from '../backups/schedulePresets';
import type { BackupPhase, RestorePhase } from '../backups/veleroTypes';
import type { Finding } from '../findings/types';
import type { ObjectAction, PlannedObject } from './tenantTypes';

/** What applying one tenant Schedule did (or, in a dry run, would do). */
export interface ScheduleChange {
  namespace: string;
  name: string;
  /** The preset it follows; absent for a Kubeyard Schedule of the tenant that is no longer wanted (`delete`). */
  preset?: SchedulePresetName;
  cron?: string;
  ttl?: string;
  action: ObjectAction;
  /** Changed fields of an update. */
  diff?: PlannedObject['diff'];
  error?: string;
}

/** One cluster's part of a schedule request. */
export interface ClusterScheduleResult {
  cluster: string;
  /** The namespaces the Schedules back up. */
  namespaces: string[];
  /** created, updated, unchanged: the cluster's overall outcome; error when any Schedule failed. */
  result: 'created' | 'updated' | 'unchanged' | 'error';
  schedules: ScheduleChange[];
  error?: string;
}

/** POST /backups/tenants/:tenant/schedule response. */
export interface TenantScheduleResult {
  tenant: string;
  tier: number;
  dryRun: boolean;
  clusters: ClusterScheduleResult[];
  /** What the tier needs beyond the Schedules (tier 1 needs replication, …). */
  findings: Finding[];
}

/** POST /backups/tenants/:tenant/backups body. */
export interface TenantBackupRequest {
  /** One of the tenant's clusters; all of them when absent. */
  cluster?: string;
}

/** One cluster's Backup of an on-demand backup operation. */
export interface ClusterBackupStatus {
  cluster: string;
  namespace: string;
  name: string;
  phase?: BackupPhase;
  progress?: { totalItems?: number; itemsBackedUp?: number };
  errors?: number;
  warnings?: number;
  failureReason?: string;
  validationErrors?: string[];
  startTimestamp?: string;
  completionTimestamp?: string;
  expiration?: string;
}

/** An on-demand backup of a tenant: one Backup of the same name on each of its clusters. */
export interface TenantBackupOperation {
  /** The Backup name, the same on every cluster. */
  id: string;
  tenant: string;
  namespaces: string[];
  clusters: ClusterBackupStatus[];
  /** Every cluster's Backup is in a final phase (Completed, PartiallyFailed, Failed, FailedValidation). */
  done: boolean;
  /** When done, the worst final phase: FailedValidation, Failed, PartiallyFailed, then Completed. */
  outcome?: BackupPhase;
  /** Items backed up and total, summed over the clusters. */
  progress: { itemsBackedUp: number; totalItems: number };
}

/** POST /backups/restore-drills body. */
export interface RestoreDrillRequest {
  cluster: string;
  namespace: string;
  /** Keep `<namespace>-restored` after the drill (default false: it is deleted). */
  keep?: boolean;
  /** The Backup to restore; the newest Completed backup covering the namespace when absent. */
  backupName?: string;
}

/** Where a drill is. */
export type RestoreDrillStage = 'restoring' | 'verifying' | 'done';

/** A restore drill as it runs and once recorded, read from its Restore. */
export interface RestoreDrillOperation {
  /** `<cluster>/<restore name>`. */
  id: string;
  /** The tenant whose namespace is drilled. */
  tenant: string;
  cluster: string;
  veleroNamespace: string;
  restoreName: string;
  backupName?: string;
  namespace: string;
  restoredNamespace: string;
  keep: boolean;
  stage: RestoreDrillStage;
  phase?: RestorePhase;
  progress?: { totalItems?: number; itemsRestored?: number };
  errors?: number;
  warnings?: number;
  failureReason?: string;
  validationErrors?: string[];
  /** The Restore's creation (cluster clock). */
  createdAt?: string;
  completionTimestamp?: string;
  /** Restored pods Ready now (while verifying) or when measured. */
  podsReady?: { ready: number; total: number };
  tier?: number;
  tierRtoMs?: number;
  /** The recorded result, once the drill is done. */
  record?: RestoreDrillRecord;
}
