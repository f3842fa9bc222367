/*
 * Velero Schedules: validate the cron expression (phase Enabled or FailedValidation with
 * validationErrors) and, on each clock tick, create a Backup `<schedule>-<yyyyMMddHHmmss>`
 * from spec.template when the schedule is due, unless spec.paused. Like velero, missed runs
 * are not caught up: one Backup per due tick, status.lastBackup = now.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { SCHEDULE_NAME_LABEL } from './backupPhase';
import {
  isDue,
  latestRun,
  parseCronSchedule,
  timestampSuffix,
} from './cronSchedule';
import { GVRS } from './gvr';
import { clone, controllerRef, deepEqual, keyOf, toKubeTime } from './objects';

const MANAGER = 'velero-schedule-controller';

interface ScheduleSpec {
  schedule?: string;
  template?: Record<string, unknown>;
  paused?: boolean;
  useOwnerReferencesInBackup?: boolean;
}

interface ScheduleStatus {
  phase?: string;
  lastBackup?: string;
  lastSkipped?: string;
  validationErrors?: string[];
}

/** The Backup a schedule creates for the run at `runTime`. */
export function backupFromSchedule(
  schedule: KubeObject,
  runTime: Date,
): KubeObject {
  const spec = schedule.spec as ScheduleSpec;
  const backup: KubeObject = {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: `${schedule.metadata.name}-${timestampSuffix(runTime)}`,
      namespace: schedule.metadata.namespace,
      labels: {
        ...schedule.metadata.labels,
        [SCHEDULE_NAME_LABEL]: schedule.metadata.name!,
      },
    },
    spec: clone(spec.template ?? {}),
  };
  if (spec.useOwnerReferencesInBackup)
    backup.metadata.ownerReferences = [
      { ...controllerRef(schedule), controller: false },
    ];
  return backup;
}

/** The Velero schedule controller. */
export class VeleroScheduleController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.schedules, (type, schedule) => {
      if (type !== 'DELETED') this.queue.add(keyOf(schedule));
    });
  }

  protected resync(): void {
    // Evaluate due schedules now, in this tick, so backups are stamped with the tick's time.
    this.requeueAll(GVRS.schedules);
  }

  protected reconcile(key: string): void {
    const schedule = this.activeObject(GVRS.schedules, key);
    if (!schedule) return;
    const spec = (schedule.spec ?? {}) as ScheduleSpec;
    const status = (schedule.status ?? {}) as ScheduleStatus;
    if (
      status.phase &&
      status.phase !== 'New' &&
      status.phase !== 'Enabled' &&
      status.phase !== 'FailedValidation'
    )
      return;

    let cron;
    let next: ScheduleStatus;
    try {
      if (!spec.schedule)
        throw new Error('Schedule must be a non-empty valid Cron expression');
      cron = parseCronSchedule(spec.schedule);
      next = { ...status, phase: 'Enabled' };
      delete next.validationErrors;
    } catch (err) {
      const message = (err as Error).message;
      const errors = message.startsWith('Schedule must')
        ? [message]
        : [`invalid schedule: ${message}`];
      next = { ...status, phase: 'FailedValidation', validationErrors: errors };
    }

    const now = this.ctx.clock.now();
    if (cron && !spec.paused) {
      // A creation time ahead of the simulated clock (written with wall time) counts as now.
      const created = Math.min(
        Date.parse(schedule.metadata.creationTimestamp ?? '') || now.getTime(),
        now.getTime(),
      );
      const last = status.lastBackup
        ? new Date(status.lastBackup)
        : new Date(created);
      if (isDue(cron, last, now).due) {
        const runTime = latestRun(cron, last, now) ?? now;
        const backup = backupFromSchedule(schedule, runTime);
        try {
          this.client.create(GVRS.backups, backup, MANAGER);
        } catch (err) {
          if ((err as { status?: { code?: number } }).status?.code !== 409)
            throw err;
        }
        next = { ...next, lastBackup: toKubeTime(now) };
      }
    }
    if (deepEqual(next, schedule.status)) return;
    this.client.updateStatus(
      GVRS.schedules,
      { ...schedule, status: next },
      MANAGER,
    );
  }
}
