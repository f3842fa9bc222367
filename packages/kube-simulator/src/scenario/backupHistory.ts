/*
 * The `backupHistory` shorthand: Backups a Schedule produced before the scenario starts, with
 * the fields velero writes (names from the cron times, labels, phases, timestamps,
 * expiration, progress), and the Schedule's status.lastBackup to match.
 */
import { CronExpressionParser } from 'cron-parser';
import {
  SCHEDULE_NAME_LABEL,
  STORAGE_LOCATION_LABEL,
} from '../controllers/backupPhase';
import {
  formatGoDuration,
  parseGoDuration,
  timestampSuffix,
} from '../controllers/cronSchedule';
import { hashToUnit } from '../controllers/hash';
import { toKubeTime } from '../controllers/objects';
import type { KubeObject } from '../types';

/** What a history entry asks for (see BackupHistorySpec), with times resolved. */
export interface BackupHistoryRequest {
  schedule: KubeObject;
  runs: number;
  /** Latest time a run may have started (default: the scenario start). */
  until: Date;
  outcomes: Record<
    string,
    'Completed' | 'PartiallyFailed' | 'Failed' | 'FailedValidation'
  >;
  durationMinutes: number;
  /** Items each backup covers (before per-run variation). */
  items: number;
  /** Storage location the backups went to (the default when the template names none). */
  storageLocation: string;
}

/** The start times of the last `count` runs of a cron expression at or before `until`, oldest first. */
export function previousRuns(
  expression: string,
  until: Date,
  count: number,
): Date[] {
  const text = expression.replace(/^(?:CRON_TZ|TZ)=\S+\s+/, '');
  const every = /^@every\s+(\S+)$/.exec(text);
  if (every) {
    const step = parseGoDuration(every[1]) ?? 3_600_000;
    return Array.from(
      { length: count },
      (_, i) => new Date(until.getTime() - (count - 1 - i) * step),
    );
  }
  const cron = CronExpressionParser.parse(text, {
    tz: 'UTC',
    currentDate: new Date(until.getTime() + 1),
  });
  const runs: Date[] = [];
  for (let i = 0; i < count; i++) runs.unshift(cron.prev().toDate());
  return runs;
}

/** The Backups of a schedule's history and the schedule with its status. */
export function backupHistory(
  request: BackupHistoryRequest,
  start: Date,
): { backups: KubeObject[]; schedule: KubeObject } {
  const { schedule } = request;
  const spec = (schedule.spec ?? {}) as {
    schedule?: string;
    template?: Record<string, unknown>;
  };
  const template = (spec.template ?? {}) as {
    ttl?: string;
    storageLocation?: string;
  };
  const ttl = template.ttl ?? '720h0m0s';
  const ttlMs = parseGoDuration(ttl) ?? 720 * 3_600_000;
  const runs = previousRuns(
    spec.schedule ?? '0 2 * * *',
    request.until,
    request.runs,
  );
  const backups: KubeObject[] = [];
  runs.forEach((run, index) => {
    const fromLatest = runs.length - index;
    const outcome = request.outcomes[String(fromLatest)] ?? 'Completed';
    const name = `${schedule.metadata.name}-${timestampSuffix(run)}`;
    const expiration = new Date(run.getTime() + ttlMs);
    if (expiration.getTime() <= start.getTime()) return; // already garbage-collected
    const jitter = hashToUnit(name, 'duration');
    const completion = new Date(
      run.getTime() +
        Math.round(request.durationMinutes * 60_000 * (0.8 + 0.4 * jitter)),
    );
    const totalItems = Math.max(
      1,
      Math.round(request.items * (0.97 + 0.06 * hashToUnit(name, 'items'))),
    );
    const status: Record<string, unknown> = {
      version: 1,
      formatVersion: '1.1.0',
      expiration: toKubeTime(expiration),
      phase: outcome,
    };
    if (outcome === 'FailedValidation') {
      status.validationErrors = [
        `backup can't be created because BackupStorageLocation ${request.storageLocation} is in Unavailable status.`,
      ];
    } else {
      status.startTimestamp = toKubeTime(run);
      status.completionTimestamp = toKubeTime(completion);
      const errors = 1 + Math.floor(hashToUnit(name, 'errors') * 3);
      if (outcome === 'Completed') {
        status.progress = { totalItems, itemsBackedUp: totalItems };
      } else if (outcome === 'PartiallyFailed') {
        status.progress = { totalItems, itemsBackedUp: totalItems - errors };
        status.errors = errors;
        status.warnings = 1 + Math.floor(hashToUnit(name, 'warnings') * 4);
      } else {
        status.progress = {
          totalItems,
          itemsBackedUp: Math.floor(totalItems * 0.4),
        };
        status.failureReason =
          'rpc error: code = Unknown desc = error putting object: AccessDenied: Access Denied\n\tstatus code: 403';
      }
    }
    backups.push({
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: {
        name,
        namespace: schedule.metadata.namespace,
        labels: {
          ...schedule.metadata.labels,
          [SCHEDULE_NAME_LABEL]: schedule.metadata.name!,
          [STORAGE_LOCATION_LABEL]: request.storageLocation,
        },
      },
      spec: {
        ...spec.template,
        storageLocation: request.storageLocation,
        ttl: formatGoDuration(ttlMs),
      },
      status,
    });
  });
  const last = runs[runs.length - 1];
  const withStatus: KubeObject = {
    ...schedule,
    status: {
      ...(schedule.status as object),
      phase: 'Enabled',
      ...(last ? { lastBackup: toKubeTime(last) } : {}),
    },
  };
  return { backups, schedule: withStatus };
}
