/*
 * The facts the backup rules of one cluster share, derived once: backups grouped by the
 * Schedule that created them, each group's newest Completed backup, and the input.
 */
import type { Finding, FindingObject } from '../findings/types';
import { tryScheduleInterval } from './cron';
import { timestampMs } from './duration';
import {
  VELERO_NAMESPACE,
  VeleroBackup,
  VeleroBackupStorageLocation,
  VeleroRestore,
  VeleroSchedule,
  scheduleNameOf,
} from './veleroTypes';

/** What evaluateBackupFindings reads: one cluster's Velero objects. */
export interface BackupFindingsInput {
  cluster: string;
  now: Date;
  backups: VeleroBackup[];
  schedules: VeleroSchedule[];
  storageLocations: VeleroBackupStorageLocation[];
  restores?: VeleroRestore[];
  /** Namespaces that must have a Completed backup, e.g. every tenant namespace. */
  protectedNamespaces?: string[];
  /** Backup sizes in bytes by backup name, where the index knows them (Velero's status does not say). */
  backupSizes?: Record<string, number>;
  /** How often a schedule's backups must be restored in a drill; 30 days by default. */
  drillCadenceMs?: number;
}

/** The backups of one Schedule (or, with schedule undefined, the manual ones), newest first. */
export interface BackupGroup {
  scheduleName?: string;
  schedule?: VeleroSchedule;
  /** Every backup, newest first by start time. */
  backups: VeleroBackup[];
  /** The newest Completed backup. */
  newestCompleted?: VeleroBackup;
}

/** The facts the backup rules share. */
export interface BackupContext {
  input: BackupFindingsInput;
  cluster: string;
  nowMs: number;
  groups: BackupGroup[];
  groupOf(scheduleName: string | undefined): BackupGroup | undefined;
}

/** A backup rule: zero or more findings from the cluster's facts. */
export type BackupRule = (context: BackupContext) => Finding[];

/** When a backup happened: started, else created, else completed (ms since the epoch, 0 if unknown). */
export function backupTime(backup: VeleroBackup): number {
  return (
    timestampMs(backup.status?.startTimestamp) ??
    timestampMs(backup.metadata.creationTimestamp) ??
    timestampMs(backup.status?.completionTimestamp) ??
    0
  );
}

/** Whether a Schedule makes backups: not paused and not FailedValidation. */
export function isActiveSchedule(schedule: VeleroSchedule): boolean {
  return !schedule.spec.paused && schedule.status?.phase !== 'FailedValidation';
}

/** The longest gap between a Schedule's runs, or undefined for a schedule Velero refuses. */
export function intervalOf(schedule: VeleroSchedule, nowMs: number): number | undefined {
  return tryScheduleInterval(schedule.spec.schedule, new Date(nowMs));
}

/** Derives the shared facts. */
export function backupContext(input: BackupFindingsInput): BackupContext {
  const byName = new Map<string, BackupGroup>();
  const group = (scheduleName: string | undefined) => {
    const k = scheduleName ?? '';
    let found = byName.get(k);
    if (!found) {
      found = { scheduleName, backups: [] };
      byName.set(k, found);
    }
    return found;
  };
  for (const schedule of input.schedules) group(schedule.metadata.name).schedule = schedule;
  for (const backup of input.backups) group(scheduleNameOf(backup)).backups.push(backup);
  for (const g of byName.values()) {
    g.backups.sort((a, b) => backupTime(b) - backupTime(a) || a.metadata.name.localeCompare(b.metadata.name));
    g.newestCompleted = g.backups.find(b => b.status?.phase === 'Completed');
  }
  const groups = [...byName.values()].sort((a, b) => (a.scheduleName ?? '').localeCompare(b.scheduleName ?? ''));
  return {
    input,
    cluster: input.cluster,
    nowMs: input.now.getTime(),
    groups,
    groupOf: scheduleName => byName.get(scheduleName ?? ''),
  };
}

/** The finding object of a Velero object. */
export function veleroObject(kind: string, metadata: { name: string; namespace?: string }, cluster: string): FindingObject {
  return { kind, name: metadata.name, namespace: metadata.namespace ?? VELERO_NAMESPACE, cluster };
}

/** ` of schedule nightly`, or `` for a manual backup. */
export function ofSchedule(backup: VeleroBackup): string {
  const name = scheduleNameOf(backup);
  return name ? ` of Schedule ${name}` : '';
}
