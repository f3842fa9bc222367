/*
 * Findings on one cluster's Velero objects: the backup validator of the seed (001:8811–9116),
 * reading Backup, Schedule and BackupStorageLocation objects rather than Velero's pod status
 * (the seed's defect). The seed's "error" (no backups) is `critical` on Kubeyard's scale.
 */
import type { Finding } from '../findings/types';
import { describeBytes, listNames } from '../ha/text';
import {
  BackupContext,
  BackupFindingsInput,
  BackupGroup,
  BackupRule,
  backupContext,
  backupTime,
  intervalOf,
  isActiveSchedule,
  ofSchedule,
  veleroObject,
} from './backupContext';
import { compileBackupFilter } from './backupFilter';
import { nextRun } from './cron';
import { DAY_MS, HOUR_MS, describeDuration, timestampMs } from './duration';
import { restoreDrillOverdue } from './restoreDrills';
import { VeleroBackup, scheduleNameOf } from './veleroTypes';

/** A Completed backup expiring sooner than this with no newer one is about to leave nothing. */
export const EXPIRY_WARNING_MS = DAY_MS;
/** The seed's validator: the newest backup should be at most a day old. */
export const STALE_AFTER_MS = DAY_MS;
/** The seed's validator: a backup under 1 MiB has most likely selected next to nothing. */
export const MIN_BACKUP_BYTES = 1024 * 1024;
/** Time a schedule's first backup may take before its absence is a finding. */
export const FIRST_BACKUP_GRACE_MS = HOUR_MS;

function ago(ms: number): string {
  return `${describeDuration(ms)} ago`;
}

/** Failed and PartiallyFailed backups that no newer Completed backup of the same schedule has superseded. */
function unresolved(group: BackupGroup, phases: string[]): VeleroBackup[] {
  const newestOk = group.newestCompleted ? backupTime(group.newestCompleted) : -Infinity;
  return group.backups.filter(b => phases.includes(b.status?.phase ?? '') && backupTime(b) > newestOk);
}

function rerun(backup: VeleroBackup): string {
  const schedule = scheduleNameOf(backup);
  return schedule ? `\`velero backup create --from-schedule ${schedule}\`` : 'the backup again';
}

/** backup.failed: a Failed or FailedValidation backup, not yet followed by a Completed one. */
export const backupFailed: BackupRule = ({ groups, cluster, nowMs }: BackupContext) =>
  groups.flatMap(group =>
    unresolved(group, ['Failed', 'FailedValidation']).map(backup => {
      const name = backup.metadata.name;
      const status = backup.status ?? {};
      if (status.phase === 'FailedValidation') {
        return {
          id: 'backup.failed',
          severity: 'critical' as const,
          object: veleroObject('Backup', backup.metadata, cluster),
          message: `Backup ${name}${ofSchedule(backup)} failed validation and backed up nothing: ${(status.validationErrors ?? []).join('; ') || 'no reason recorded'}`,
          fix: `Correct the ${ofSchedule(backup) ? 'Schedule\'s template' : 'Backup spec'} as the errors say (\`velero backup describe ${name}\`), then run ${rerun(backup)}`,
        };
      }
      const when = timestampMs(status.completionTimestamp);
      const reason = status.failureReason || `${status.errors ?? 0} errors`;
      return {
        id: 'backup.failed',
        severity: 'critical' as const,
        object: veleroObject('Backup', backup.metadata, cluster),
        message: `Backup ${name}${ofSchedule(backup)} failed${when !== undefined ? ` ${ago(nowMs - when)}` : ''}: ${reason}; no Completed backup has followed it`,
        fix: `Read \`velero backup logs ${name}\` and \`velero backup describe ${name} --details\`, fix the cause (often the storage location or a plugin), then run ${rerun(backup)}`,
      };
    }),
  );

/** backup.partially-failed: a PartiallyFailed backup, not yet followed by a Completed one: items are missing. */
export const backupPartiallyFailed: BackupRule = ({ groups, cluster }: BackupContext) =>
  groups.flatMap(group =>
    unresolved(group, ['PartiallyFailed']).map(backup => {
      const name = backup.metadata.name;
      const { errors = 0, warnings = 0, progress } = backup.status ?? {};
      const items = progress?.totalItems !== undefined ? `, ${progress.itemsBackedUp ?? 0} of ${progress.totalItems} items backed up` : '';
      return {
        id: 'backup.partially-failed',
        severity: 'warning' as const,
        object: veleroObject('Backup', backup.metadata, cluster),
        message: `Backup ${name}${ofSchedule(backup)} PartiallyFailed with ${errors} errors and ${warnings} warnings${items}: a restore from it misses those items`,
        fix: `Find the failed items with \`velero backup describe ${name} --details\` and \`velero backup logs ${name}\` (volume snapshots and file-system backups are the usual ones), fix them, then run ${rerun(backup)}`,
      };
    }),
  );

/** backup.location-unavailable: Velero cannot reach a BackupStorageLocation, so backups to it fail. */
export const locationUnavailable: BackupRule = ({ input, cluster, nowMs }: BackupContext) =>
  input.storageLocations
    .filter(location => location.status?.phase === 'Unavailable')
    .map(location => {
      const { provider, objectStorage, config, credential } = location.spec;
      const bucket = `${objectStorage.bucket}${objectStorage.prefix ? `/${objectStorage.prefix}` : ''}`;
      const region = config?.region ? `, region ${config.region}` : '';
      const validated = timestampMs(location.status?.lastValidationTime);
      const why = location.status?.message ? `: ${location.status.message}` : '';
      return {
        id: 'backup.location-unavailable',
        severity: 'critical' as const,
        object: veleroObject('BackupStorageLocation', location.metadata, cluster),
        message: `BackupStorageLocation ${location.metadata.name} (${provider} bucket ${bucket}${region}) is Unavailable${why}${
          validated !== undefined ? `; last validated ${ago(nowMs - validated)}` : ''
        }. Backups to it fail validation`,
        fix: `Check that bucket ${objectStorage.bucket} exists and that the credentials${
          credential ? ` in Secret ${credential.name} key ${credential.key}` : ''
        } can list and write it, then watch \`velero backup-location get\` turn Available`,
      };
    });

/** backup.schedule-paused: a paused Schedule makes no backups. */
export const schedulePaused: BackupRule = ({ input, cluster, nowMs }: BackupContext) =>
  input.schedules
    .filter(schedule => schedule.spec.paused)
    .map(schedule => {
      const last = timestampMs(schedule.status?.lastBackup);
      return {
        id: 'backup.schedule-paused',
        severity: 'warning' as const,
        object: veleroObject('Schedule', schedule.metadata, cluster),
        message: `Schedule ${schedule.metadata.name} ("${schedule.spec.schedule}") is paused: it makes no backups${
          last !== undefined ? `; its last backup was ${ago(nowMs - last)}` : ' and has never made one'
        }`,
        fix: `Run \`velero schedule unpause ${schedule.metadata.name}\` (or set spec.paused to false), or delete the Schedule if it is no longer wanted`,
      };
    });

/** backup.schedule-invalid: Velero refused the Schedule (FailedValidation) and never runs it. */
export const scheduleInvalid: BackupRule = ({ input, cluster }: BackupContext) =>
  input.schedules
    .filter(schedule => schedule.status?.phase === 'FailedValidation')
    .map(schedule => ({
      id: 'backup.schedule-invalid',
      severity: 'critical' as const,
      object: veleroObject('Schedule', schedule.metadata, cluster),
      message: `Schedule ${schedule.metadata.name} failed validation and never runs: ${
        (schedule.status?.validationErrors ?? []).join('; ') || 'no reason recorded'
      }`,
      fix: `Correct the Schedule as the errors say; spec.schedule takes 5 cron fields in UTC (e.g. "0 2 * * *"), a descriptor such as @daily, or "@every 6h"`,
    }));

/** backup.expiring-without-newer: a schedule's newest Completed backup expires within 24 h. */
export const expiringWithoutNewer: BackupRule = ({ groups, cluster, nowMs }: BackupContext) =>
  groups
    .filter(group => group.scheduleName && group.newestCompleted)
    .flatMap(group => {
      const backup = group.newestCompleted!;
      const expiration = timestampMs(backup.status?.expiration);
      if (expiration === undefined || expiration - nowMs > EXPIRY_WARNING_MS) return [];
      const when = expiration > nowMs ? `expires in ${describeDuration(expiration - nowMs)}` : `expired ${ago(nowMs - expiration)}`;
      const ttl = group.schedule?.spec.template.ttl;
      return [
        {
          id: 'backup.expiring-without-newer',
          severity: 'warning' as const,
          object: veleroObject('Backup', backup.metadata, cluster),
          message: `Backup ${backup.metadata.name}, the newest Completed backup of Schedule ${group.scheduleName}, ${when} and no newer one has completed: once it is garbage-collected the schedule has nothing to restore`,
          fix: `Find why Schedule ${group.scheduleName}'s later backups did not complete, run \`velero backup create --from-schedule ${group.scheduleName}\`, and keep backups longer than the time to notice a failure${
            ttl ? ` (ttl is ${ttl}; e.g. 720h0m0s)` : ''
          }`,
        },
      ];
    });

function phaseCounts(backups: VeleroBackup[]): string {
  const counts = new Map<string, number>();
  for (const b of backups) counts.set(b.status?.phase ?? 'New', (counts.get(b.status?.phase ?? 'New') ?? 0) + 1);
  return listNames([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([phase, n]) => `${n} ${phase}`));
}

/** When a schedule's first backup was due: at creation, or its first run with skipImmediately. */
function firstDue(group: BackupGroup): number | undefined {
  const schedule = group.schedule!;
  const created = timestampMs(schedule.metadata.creationTimestamp);
  if (created === undefined) return undefined;
  if (!schedule.spec.skipImmediately) return created;
  try {
    return nextRun(schedule.spec.schedule, new Date(created)).getTime();
  } catch {
    return undefined;
  }
}

/** backup.none: an active schedule with no Completed backup once one was due, or a protected namespace with none. */
export const backupNone: BackupRule = ({ groups, input, cluster, nowMs }: BackupContext) => {
  const findings: Finding[] = [];
  for (const group of groups) {
    if (!group.schedule || !isActiveSchedule(group.schedule) || group.newestCompleted) continue;
    const due = firstDue(group);
    if (due !== undefined && nowMs <= due + FIRST_BACKUP_GRACE_MS) continue;
    const name = group.scheduleName!;
    const made = group.backups.length > 0 ? `its ${group.backups.length} backups are ${phaseCounts(group.backups)}` : 'it has made no backup at all';
    findings.push({
      id: 'backup.none',
      severity: 'critical',
      object: veleroObject('Schedule', group.schedule.metadata, cluster),
      message: `Schedule ${name} has never produced a Completed backup: ${made}`,
      fix:
        group.backups.length > 0
          ? `Read \`velero backup logs ${group.backups[0].metadata.name}\` for why the backups fail, fix it, then run \`velero backup create --from-schedule ${name}\``
          : `Check that the Velero deployment runs and its BackupStorageLocation is Available (\`velero backup-location get\`), then run \`velero backup create --from-schedule ${name}\``,
    });
  }
  const completed = input.backups.filter(b => b.status?.phase === 'Completed').map(b => compileBackupFilter(b.spec ?? {}));
  for (const namespace of [...new Set(input.protectedNamespaces ?? [])].sort()) {
    if (completed.some(filter => filter.includesNamespace(namespace))) continue;
    findings.push({
      id: 'backup.none',
      severity: 'critical',
      object: { kind: 'Namespace', name: namespace, cluster },
      message: `Namespace ${namespace} in cluster ${cluster} has no Completed Velero backup`,
      fix: `Include ${namespace} in a Schedule's includedNamespaces (or create one, e.g. "0 2 * * *" with ttl 720h0m0s), then check its first backup completes`,
    });
  }
  return findings;
};

/** backup.stale: an active schedule's newest Completed backup is older than a day (or than its own interval). */
export const backupStale: BackupRule = ({ groups, cluster, nowMs }: BackupContext) =>
  groups.flatMap(group => {
    if (!group.schedule || !isActiveSchedule(group.schedule) || !group.newestCompleted) return [];
    const completed = timestampMs(group.newestCompleted.status?.completionTimestamp);
    if (completed === undefined) return [];
    // A weekly schedule is not stale on day 3, and a daily one not while today's run is still going.
    const interval = intervalOf(group.schedule, nowMs);
    const limit = Math.max(STALE_AFTER_MS, interval !== undefined ? interval + HOUR_MS : 0);
    const age = nowMs - completed;
    if (age <= limit) return [];
    return [
      {
        id: 'backup.stale',
        severity: 'warning' as const,
        object: veleroObject('Schedule', group.schedule.metadata, cluster),
        message: `The newest Completed backup of Schedule ${group.scheduleName}, ${group.newestCompleted.metadata.name}, completed ${ago(age)}; expected within ${describeDuration(limit)}`,
        fix: `List the schedule's recent backups with \`velero backup get -l velero.io/schedule-name=${group.scheduleName}\` and fix why they fail or do not start`,
      },
    ];
  });

/** backup.too-small: the newest Completed backup of a schedule (or the newest manual one) is under 1 MiB. */
export const backupTooSmall: BackupRule = ({ groups, input, cluster }: BackupContext) =>
  groups.flatMap(group => {
    const backup = group.newestCompleted;
    const size = backup ? input.backupSizes?.[backup.metadata.name] : undefined;
    if (!backup || size === undefined || size >= MIN_BACKUP_BYTES) return [];
    return [
      {
        id: 'backup.too-small',
        severity: 'warning' as const,
        object: veleroObject('Backup', backup.metadata, cluster),
        message: `Backup ${backup.metadata.name}${ofSchedule(backup)} is ${describeBytes(size)}, under 1Mi: its filters probably select next to nothing`,
        fix: `Check what it holds with \`velero backup describe ${backup.metadata.name} --details\` and widen the ${
          group.scheduleName ? `Schedule ${group.scheduleName}'s` : 'backup\'s'
        } includedNamespaces, includedResources or labelSelector`,
      },
    ];
  });

/** Every backup rule, in the order findings are reported. */
export const backupRules: BackupRule[] = [
  locationUnavailable,
  scheduleInvalid,
  schedulePaused,
  backupNone,
  backupFailed,
  backupPartiallyFailed,
  backupStale,
  expiringWithoutNewer,
  backupTooSmall,
  restoreDrillOverdue,
];

/** Every backup finding of one cluster. */
export function evaluateBackupFindings(input: BackupFindingsInput): Finding[] {
  const context = backupContext(input);
  return backupRules.flatMap(rule => rule(context));
}
