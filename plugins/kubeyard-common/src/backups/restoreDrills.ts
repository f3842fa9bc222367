/*
 * Restore drills (seed 001:8350): a backup is only known to work once it has been restored,
 * into `<namespace>-restored` through namespaceMapping, with the time it took measured against
 * the RTO. For display, a drill is a Restore labelled kubeyard.io/restore-drill=true, or one
 * whose every namespace mapping targets `<namespace>-restored` (drills run with the velero CLI);
 * only Kubeyard's own drills (isKubeyardRestoreDrill) are ever followed or cleaned up.
 */
import type { Finding } from '../findings/types';
import { KUBEYARD_LABELS, KUBEYARD_MANAGER } from '../tenants/conventions';
import { BackupContext, BackupRule, isActiveSchedule, veleroObject } from './backupContext';
import { DAY_MS, describeDuration, parseGoDuration, timestampMs } from './duration';
import { RESTORE_DRILL_NAMESPACE_LABEL } from './restoreDrillRecord';
import { VeleroBackup, VeleroRestore, scheduleNameOf } from './veleroTypes';

/** The label that marks a Restore as a drill. */
export const RESTORE_DRILL_LABEL = 'kubeyard.io/restore-drill';
/** A Schedule annotation that sets its drill cadence as a Go duration, e.g. `2160h`. */
export const DRILL_CADENCE_ANNOTATION = 'kubeyard.io/restore-drill-cadence';
/** How often a schedule's backups must be drilled unless told otherwise. */
export const DEFAULT_DRILL_CADENCE_MS = 30 * DAY_MS;

/** Whether a Restore is a drill rather than a real recovery. */
export function isRestoreDrill(restore: VeleroRestore): boolean {
  if (restore.metadata.labels?.[RESTORE_DRILL_LABEL] === 'true') return true;
  const mapping = Object.entries(restore.spec.namespaceMapping ?? {});
  return mapping.length > 0 && mapping.every(([from, to]) => to === `${from}-restored`);
}

/**
 * Whether Kubeyard started this Restore as a drill (POST /backups/restore-drills): labelled
 * kubeyard.io/restore-drill=true, managed by kubeyard and naming the drilled namespace. Only
 * such Restores are followed, recorded and have their `<ns>-restored` namespace removed.
 */
export function isKubeyardRestoreDrill(restore: Pick<VeleroRestore, 'metadata'>): boolean {
  const labels = restore.metadata.labels ?? {};
  return labels[RESTORE_DRILL_LABEL] === 'true' && labels[KUBEYARD_LABELS.managedBy] === KUBEYARD_MANAGER && Boolean(labels[RESTORE_DRILL_NAMESPACE_LABEL]);
}

/** Velero names a schedule's backups `<schedule>-<yyyyMMddHHmmss>`. */
const SCHEDULED_BACKUP_NAME = /^(.+)-\d{14}$/;

/**
 * The Schedule whose backup a Restore used: spec.scheduleName, else the backup's
 * velero.io/schedule-name label, else the backup's name (the backup may have expired since).
 */
export function restoredScheduleOf(restore: VeleroRestore, backups: ReadonlyMap<string, VeleroBackup>): string | undefined {
  if (restore.spec.scheduleName) return restore.spec.scheduleName;
  const backupName = restore.spec.backupName;
  if (!backupName) return undefined;
  const backup = backups.get(backupName);
  if (backup) return scheduleNameOf(backup);
  return SCHEDULED_BACKUP_NAME.exec(backupName)?.[1];
}

function cadenceOf(annotations: Record<string, string> | undefined, fallback: number): number {
  const configured = parseGoDuration(annotations?.[DRILL_CADENCE_ANNOTATION] ?? '');
  return configured !== undefined && configured > 0 ? configured : fallback;
}

/** restore.drill-overdue: no Completed restore drill of an active schedule's backups within its cadence. */
export const restoreDrillOverdue: BackupRule = ({ groups, input, cluster, nowMs }: BackupContext) => {
  const backups = new Map(input.backups.map(b => [b.metadata.name, b]));
  const drills = new Map<string, VeleroRestore[]>();
  for (const restore of input.restores ?? []) {
    if (!isRestoreDrill(restore)) continue;
    const schedule = restoredScheduleOf(restore, backups);
    if (schedule) drills.set(schedule, [...(drills.get(schedule) ?? []), restore]);
  }
  const findings: Finding[] = [];
  for (const group of groups) {
    const schedule = group.schedule;
    if (!schedule || !isActiveSchedule(schedule) || !group.newestCompleted) continue;
    const cadence = cadenceOf(schedule.metadata.annotations, input.drillCadenceMs ?? DEFAULT_DRILL_CADENCE_MS);
    const done = (drills.get(schedule.metadata.name) ?? [])
      .filter(r => r.status?.phase === 'Completed' && timestampMs(r.status.completionTimestamp) !== undefined)
      .sort((a, b) => timestampMs(b.status!.completionTimestamp)! - timestampMs(a.status!.completionTimestamp)!);
    const last = done[0];
    let message: string;
    if (last) {
      const at = timestampMs(last.status!.completionTimestamp)!;
      if (nowMs - at <= cadence) continue;
      const started = timestampMs(last.status!.startTimestamp);
      const took = started !== undefined ? ` and took ${describeDuration(at - started)}` : '';
      message = `The last restore drill of Schedule ${schedule.metadata.name}, ${last.metadata.name}, completed ${describeDuration(nowMs - at)} ago${took}; drills are due every ${describeDuration(cadence)}`;
    } else {
      // A schedule younger than its cadence is not overdue for its first drill yet.
      const completions = group.backups
        .filter(b => b.status?.phase === 'Completed')
        .map(b => timestampMs(b.status?.completionTimestamp))
        .filter((t): t is number => t !== undefined);
      const since = timestampMs(schedule.metadata.creationTimestamp) ?? (completions.length > 0 ? Math.min(...completions) : nowMs);
      if (nowMs - since <= cadence) continue;
      message = `No restore drill of Schedule ${schedule.metadata.name}'s backups has completed, in ${describeDuration(nowMs - since)}; drills are due every ${describeDuration(cadence)}`;
    }
    const backup = group.newestCompleted.metadata.name;
    const namespace = group.newestCompleted.spec.includedNamespaces?.find(ns => ns !== '*' && !/[*?[{]/.test(ns)) ?? '<namespace>';
    findings.push({
      id: 'restore.drill-overdue',
      severity: 'warning',
      object: veleroObject('Schedule', schedule.metadata, cluster),
      message,
      fix: `Restore ${backup} beside the original and time it against the RTO: \`velero restore create --from-backup ${backup} --namespace-mappings ${namespace}:${namespace}-restored --labels ${RESTORE_DRILL_LABEL}=true\`, check the workloads start, then delete ${namespace}-restored`,
    });
  }
  return findings;
};
