import type { NamespaceCoverage, IgnoredSchedule } from '../backups/coverage';
import type { RestoreDrillRecord } from '../backups/restoreDrillRecord';
import type { BackupPhase, RestorePhase } from '../backups/veleroTypes';
import type { Finding, FindingCounts } from '../findings/types';
import type { ClusterSync } from './types';

/** A BackupStorageLocation as the backups page shows it. */
export interface StorageLocationView {
  cluster: string;
  name: string;
  provider?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
  default: boolean;
  phase?: 'Available' | 'Unavailable';
  lastValidationTime?: string;
  message?: string;
}

/** A Velero Schedule with its next run computed. */
export interface ScheduleView {
  cluster: string;
  namespace: string;
  name: string;
  cron: string;
  paused: boolean;
  phase?: string;
  lastBackup?: string;
  /** Next run by the cron, in UTC; absent when paused or the cron is invalid. */
  nextRun?: string;
  /** Longest gap between runs over the next 7 days, in ms. */
  intervalMs?: number;
  includedNamespaces: string[];
  excludedNamespaces: string[];
  /** The template's labelSelector, in string form (`backup=true`), when it has one. */
  labelSelector?: string;
  ttl?: string;
  validationErrors?: string[];
}

/** A Velero Backup, trimmed. */
export interface BackupView {
  cluster: string;
  namespace: string;
  name: string;
  phase?: BackupPhase;
  scheduleName?: string;
  storageLocation?: string;
  includedNamespaces: string[];
  startTimestamp?: string;
  completionTimestamp?: string;
  expiration?: string;
  errors?: number;
  warnings?: number;
  progress?: { totalItems?: number; itemsBackedUp?: number };
}

/** A Velero Restore, trimmed; `drill` when it is a restore drill (into `<ns>-restored`). */
export interface RestoreView {
  cluster: string;
  namespace: string;
  name: string;
  backupName?: string;
  phase?: RestorePhase;
  namespaceMapping?: Record<string, string>;
  startTimestamp?: string;
  completionTimestamp?: string;
  /** completion − start: the measured RTO of a drill. */
  durationMs?: number;
  drill: boolean;
  /** A Kubeyard drill's recorded result: measured RTO (pods Ready included), tier RTO, compliance. */
  record?: RestoreDrillRecord;
}

/** One cluster's row of the backups fleet summary. */
export interface ClusterBackupSummary {
  cluster: string;
  sync: ClusterSync;
  /** False when the cluster serves no velero.io types. */
  veleroInstalled: boolean;
  locations: { total: number; available: number };
  schedules: { total: number; active: number; paused: number; invalid: number };
  /** Backups that finished in the last 24 h, by outcome; successRate = completed / finished. */
  last24h: { completed: number; partiallyFailed: number; failed: number; successRate?: number };
  newestCompleted?: string;
  findings: FindingCounts;
}

/** GET /backups response. */
export interface BackupsResponse {
  clusters: ClusterBackupSummary[];
  /** Backups of the last 7 days on every cluster, for the timeline plot. */
  timeline: BackupView[];
  coverage: { covered: number; partial: number; uncovered: number };
  findings: Finding[];
}

/** GET /backups/clusters/:name response. */
export interface ClusterBackupsResponse {
  cluster: string;
  sync: ClusterSync;
  locations: StorageLocationView[];
  schedules: ScheduleView[];
  backups: BackupView[];
  restores: RestoreView[];
  findings: Finding[];
}

/** The RPO verdict for an entity or tenant with a backup tier. */
export interface RpoStatus {
  tier: number;
  rpoMs: number;
  rtoMs: number;
  compliant: boolean;
  newestCompletedAt?: string;
  ageMs?: number;
  intervalMs?: number;
  findings: Finding[];
}

/** GET /backups/coverage?entityRef=|tenant= (or no filter: every namespace). */
export interface CoverageResponse {
  namespaces: NamespaceCoverage[];
  ignoredSchedules: IgnoredSchedule[];
  /** Present when the entity or tenant has a backup tier (annotation kubeyard.io/backup-tier or tenant spec). */
  rpo?: RpoStatus;
  /** The newest restore drill of the covered namespaces, with its measured RTO. */
  lastDrill?: RestoreView;
}

/** GET /backups/restore-drills response. */
export interface RestoreDrillsResponse {
  drills: RestoreView[];
}
