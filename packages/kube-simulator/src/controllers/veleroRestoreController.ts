/*
 * Velero Restores: validate (backup exists and finished, one of backupName/scheduleName), then
 * recreate the backup's objects (veleroRestorePlan.ts) into the mapped namespaces, creating
 * them as needed (an existing namespace is left as it is); other existing objects are skipped
 * with a warning, failures count as errors.
 * New → InProgress (objects created) → Completed | PartiallyFailed on the next tick after a minute.
 */
import type { KubeObject } from '../types';
import {
  type BackupSpec,
  type BackupStatus,
  SCHEDULE_NAME_LABEL,
} from './backupPhase';
import { GVRS } from './gvr';
import { deepEqual, keyOf, toKubeTime } from './objects';
import {
  type BackupContents,
  BackupContentsController,
  collectBackupContents,
} from './veleroBackupContents';
import { planRestore, type RestoreSpec } from './veleroRestorePlan';
import { errorMessage, statusCode } from './workQueue';

const MANAGER = 'velero-restore-controller';
const RESTORE_DURATION_MS = 60_000;

interface RestoreStatus {
  phase?: string;
  validationErrors?: string[];
  startTimestamp?: string;
  completionTimestamp?: string;
  warnings?: number;
  errors?: number;
  failureReason?: string;
  progress?: { totalItems?: number; itemsRestored?: number };
}

/** The most recent Completed backup of a schedule (by startTimestamp), as velero picks for scheduleName. */
export function latestCompletedBackup(
  backups: KubeObject[],
  schedule: string,
): KubeObject | undefined {
  return backups
    .filter(
      b =>
        b.metadata.labels?.[SCHEDULE_NAME_LABEL] === schedule &&
        (b.status as BackupStatus | undefined)?.phase === 'Completed',
    )
    .sort((a, b) =>
      ((b.status as BackupStatus).startTimestamp ?? '').localeCompare(
        (a.status as BackupStatus).startTimestamp ?? '',
      ),
    )[0];
}

/** The Velero restore controller. */
export class VeleroRestoreController extends BackupContentsController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.backups, () => undefined);
    this.subscribe(GVRS.restores, (type, restore) => {
      if (type !== 'DELETED') this.queue.add(keyOf(restore));
    });
  }

  protected resync(): void {
    this.requeueAll(
      GVRS.restores,
      restore =>
        (restore.status as RestoreStatus | undefined)?.phase === 'InProgress',
    );
  }

  protected reconcile(key: string): void {
    const restore = this.activeObject(GVRS.restores, key);
    if (!restore) return;
    const status = (restore.status ?? {}) as RestoreStatus;
    if (!status.phase || status.phase === 'New') this.run(restore);
    else if (status.phase === 'InProgress') this.finish(restore, status);
  }

  private validate(restore: KubeObject): {
    errors: string[];
    backup?: KubeObject;
    spec: RestoreSpec;
  } {
    const spec = { ...((restore.spec ?? {}) as RestoreSpec) };
    const errors: string[] = [];
    if (Boolean(spec.backupName) === Boolean(spec.scheduleName)) {
      errors.push(
        'Either a backup or schedule must be specified as a source for the restore, but not both',
      );
      return { errors, spec };
    }
    const backups = this.client
      .informer(GVRS.backups)
      .list(restore.metadata.namespace);
    if (spec.scheduleName) {
      const latest = latestCompletedBackup(backups, spec.scheduleName);
      if (
        !backups.some(
          b => b.metadata.labels?.[SCHEDULE_NAME_LABEL] === spec.scheduleName,
        )
      )
        errors.push('No backups found for schedule');
      if (!latest) {
        errors.push('No completed backups found for schedule');
        return { errors, spec };
      }
      spec.backupName = latest.metadata.name;
    }
    const backup = backups.find(b => b.metadata.name === spec.backupName);
    if (!backup) {
      errors.push(
        `Error retrieving backup: backups.velero.io "${spec.backupName}" not found`,
      );
      return { errors, spec };
    }
    const phase = (backup.status as BackupStatus | undefined)?.phase;
    if (phase !== 'Completed' && phase !== 'PartiallyFailed') {
      errors.push(
        `backup "${spec.backupName}" is in phase ${
          phase ?? 'New'
        }: only Completed or PartiallyFailed backups can be restored`,
      );
    }
    const overlap = (spec.excludedNamespaces ?? []).find(ns =>
      (spec.includedNamespaces ?? []).includes(ns),
    );
    if (overlap)
      errors.push(
        `Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: ${overlap}`,
      );
    if (
      spec.scheduleName === undefined &&
      backup.metadata.labels?.[SCHEDULE_NAME_LABEL]
    ) {
      spec.scheduleName = backup.metadata.labels[SCHEDULE_NAME_LABEL];
    }
    return { errors, backup, spec };
  }

  /** The backup's contents; for backups that finished before the simulator started, what its spec covers now. */
  private contentsOf(backup: KubeObject): BackupContents {
    let contents = this.contents.get(backup.metadata.uid!);
    if (!contents) {
      contents = collectBackupContents(
        this.client.store,
        (backup.spec ?? {}) as BackupSpec,
      );
      this.contents.set(backup.metadata.uid!, contents);
    }
    return contents;
  }

  private run(restore: KubeObject): void {
    const now = toKubeTime(this.ctx.clock.now());
    const { errors, backup, spec } = this.validate(restore);
    let current = restore;
    if (!deepEqual(spec, restore.spec))
      current = this.client.update(
        GVRS.restores,
        { ...restore, spec },
        MANAGER,
      );
    if (errors.length || !backup) {
      this.client.updateStatus(
        GVRS.restores,
        {
          ...current,
          status: { phase: 'FailedValidation', validationErrors: errors },
        },
        MANAGER,
      );
      return;
    }
    const plan = planRestore(
      this.contentsOf(backup),
      spec,
      backup.metadata.name!,
      restore.metadata.name!,
    );
    let restored = 0;
    let warnings = 0;
    let failures = 0;
    for (const item of plan) {
      try {
        this.client.create(item.gvr, item.object, MANAGER);
        restored++;
      } catch (err) {
        // velero's default existingResourcePolicy "none": an existing object is a warning.
        // velero's EnsureNamespaceExistsAndIsReady: an existing namespace is used as it is.
        if (statusCode(err) === 409 && item.gvr.resource === 'namespaces') {
          restored++;
        } else if (statusCode(err) === 409) {
          warnings++;
          restored++;
        } else {
          failures++;
          this.events.record(
            current,
            'Warning',
            'RestoreItemFailed',
            `${item.object.kind} ${item.object.metadata.namespace ?? ''}/${
              item.object.metadata.name
            }: ${errorMessage(err)}`,
          );
        }
      }
    }
    const status: RestoreStatus = {
      phase: 'InProgress',
      startTimestamp: now,
      progress: { totalItems: plan.length, itemsRestored: restored },
    };
    if (warnings) status.warnings = warnings;
    if (failures) status.errors = failures;
    this.client.updateStatus(GVRS.restores, { ...current, status }, MANAGER);
  }

  private finish(restore: KubeObject, status: RestoreStatus): void {
    const now = this.ctx.clock.now();
    if (
      Date.parse(status.startTimestamp ?? toKubeTime(now)) +
        RESTORE_DURATION_MS >
      now.getTime()
    )
      return;
    const next: RestoreStatus = {
      ...status,
      phase: status.errors ? 'PartiallyFailed' : 'Completed',
      completionTimestamp: toKubeTime(now),
    };
    this.client.updateStatus(
      GVRS.restores,
      { ...restore, status: next },
      MANAGER,
    );
  }
}
