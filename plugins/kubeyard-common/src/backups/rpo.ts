/*
 * RPO compliance of one protected thing (a namespace, a service): is there a recent enough
 * Completed backup, and does a schedule run often enough to keep it so? The second question
 * catches the seed's defect, an RPO of 5 minutes served by a daily job, on the day the schedule
 * is written rather than a day later when the first backup is late.
 */
import type { Finding, FindingObject } from '../findings/types';
import { listNames } from '../ha/text';
import { tryScheduleInterval } from './cron';
import { describeDuration, timestampMs } from './duration';
import { RecoveryTier, recoveryTier } from './recoveryTiers';
import { presetForTier } from './schedulePresets';
import type { BackupPhase, SchedulePhase } from './veleroTypes';

/** A schedule whose backups cover the protected thing. */
export interface RpoSchedule {
  name: string;
  cron: string;
  paused?: boolean;
  phase?: SchedulePhase;
}

/** A backup that covers the protected thing. */
export interface RpoBackup {
  name: string;
  phase?: BackupPhase;
  completionTimestamp?: string;
  scheduleName?: string;
}

/** What evaluateRpo reads. The caller passes only schedules and backups that cover the object. */
export interface RpoInput {
  tier: RecoveryTier;
  now: Date;
  /** What the findings are about, e.g. the Namespace. */
  object: FindingObject;
  coveringSchedules: RpoSchedule[];
  backups: RpoBackup[];
  /** Slack on the backup's age, e.g. the usual backup duration; 0 by default. */
  toleranceMs?: number;
}

/** What evaluateRpo returns. */
export interface RpoResult {
  compliant: boolean;
  rpoMs: number;
  /** completionTimestamp of the newest Completed backup. */
  newestCompletedAt?: string;
  /** now − newestCompletedAt. */
  ageMs?: number;
  /** The shortest interval of an active covering schedule. */
  intervalMs?: number;
  findings: Finding[];
}

interface Completed {
  name: string;
  at: number;
  text: string;
}

function newestWithPhase(backups: RpoBackup[], phase: BackupPhase): Completed | undefined {
  let newest: Completed | undefined;
  for (const backup of backups) {
    if (backup.phase !== phase) continue;
    const at = timestampMs(backup.completionTimestamp);
    if (at === undefined || (newest && newest.at >= at)) continue;
    newest = { name: backup.name, at, text: backup.completionTimestamp! };
  }
  return newest;
}

/**
 * Compliant when the newest Completed backup is at most the RPO old and an active (not paused,
 * not FailedValidation) covering schedule runs at least once per RPO. PartiallyFailed backups
 * do not count: some items are missing from them; a finding says when one was ignored.
 */
export function evaluateRpo(input: RpoInput): RpoResult {
  const { tier, now, object } = input;
  const { rpoMs } = recoveryTier(tier);
  const findings: Finding[] = [];
  const tierText = `tier ${tier} (RPO ${rpoMs === 0 ? '0' : describeDuration(rpoMs)})`;

  const intervals: Array<{ schedule: RpoSchedule; intervalMs: number }> = [];
  const unusable: string[] = [];
  for (const schedule of input.coveringSchedules) {
    const gap = schedule.paused || schedule.phase === 'FailedValidation' ? undefined : tryScheduleInterval(schedule.cron, now);
    if (gap !== undefined) intervals.push({ schedule, intervalMs: gap });
    else if (schedule.paused) unusable.push(`${schedule.name} is paused`);
    else unusable.push(`${schedule.name} failed validation`);
  }
  const intervalMs = intervals.length > 0 ? Math.min(...intervals.map(s => s.intervalMs)) : undefined;

  const newest = newestWithPhase(input.backups, 'Completed');
  const ageMs = newest ? now.getTime() - newest.at : undefined;
  const preset = presetForTier(tier);

  if (rpoMs === 0) {
    findings.push({
      id: 'backup.rpo.needs-replication',
      severity: 'warning',
      object,
      message: `${object.kind} ${object.name} is ${tierText}: a backup schedule always loses the writes since its last run, so no schedule can meet it`,
      fix: 'Replicate the data continuously (database streaming replication, synchronous storage replication to a standby) and keep backups as a fallback against corruption',
    });
  }

  if (intervals.length === 0) {
    const ignored = unusable.length > 0 ? ` (${listNames(unusable)})` : '';
    findings.push({
      id: 'backup.rpo.no-schedule',
      severity: 'critical',
      object,
      message: `No active Velero Schedule backs up ${object.kind} ${object.name}${ignored}; it is ${tierText}`,
      fix: `Create or unpause a Schedule that includes it, e.g. schedule "${preset.schedule}" with ttl ${preset.ttl}`,
    });
  } else if (rpoMs > 0 && intervalMs! > rpoMs) {
    const described = listNames(intervals.map(({ schedule, intervalMs: gap }) => `${schedule.name} ("${schedule.cron}", up to ${describeDuration(gap)} apart)`));
    findings.push({
      id: 'backup.rpo.schedule-too-sparse',
      severity: 'critical',
      object,
      message: `${object.kind} ${object.name} is ${tierText}, but its schedules run too rarely: ${described}; a failure just before the next run loses up to ${describeDuration(intervalMs!)} of data`,
      fix: `Add or change a Schedule to run at least every ${describeDuration(rpoMs)}: schedule "${preset.schedule}" (${preset.name}, ttl ${preset.ttl})`,
    });
  }

  const partial = newestWithPhase(input.backups, 'PartiallyFailed');
  if (partial && (!newest || partial.at > newest.at)) {
    findings.push({
      id: 'backup.rpo.partially-failed-ignored',
      severity: 'info',
      object,
      message: `Backup ${partial.name} (completed ${describeDuration(now.getTime() - partial.at)} ago) is PartiallyFailed and does not count towards the RPO: some items are missing from it`,
      fix: `Run \`velero backup describe ${partial.name} --details\` and \`velero backup logs ${partial.name}\` to find the items that failed`,
    });
  }

  if (!newest) {
    findings.push({
      id: 'backup.rpo.no-backup',
      severity: 'critical',
      object,
      message: `${object.kind} ${object.name} has no Completed backup; it is ${tierText}`,
      fix: 'Check the covering Schedules\' backups with `velero backup get` and run one now with `velero backup create --from-schedule <schedule>`',
    });
  } else if (rpoMs > 0 && ageMs! > rpoMs + (input.toleranceMs ?? 0)) {
    findings.push({
      id: 'backup.rpo.exceeded',
      severity: 'critical',
      object,
      message: `The newest Completed backup of ${object.kind} ${object.name}, ${newest.name}, is ${describeDuration(ageMs!)} old; ${tierText} allows ${describeDuration(rpoMs)}`,
      fix: `Find why later backups did not complete (\`velero backup get\`, \`velero schedule describe\`), then run \`velero backup create --from-schedule <schedule>\``,
    });
  }

  const compliant =
    rpoMs > 0 &&
    intervalMs !== undefined &&
    intervalMs <= rpoMs &&
    ageMs !== undefined &&
    ageMs <= rpoMs + (input.toleranceMs ?? 0);
  return {
    compliant,
    rpoMs,
    ...(newest ? { newestCompletedAt: newest.text, ageMs } : {}),
    ...(intervalMs !== undefined ? { intervalMs } : {}),
    findings,
  };
}
