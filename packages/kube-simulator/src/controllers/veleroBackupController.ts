/*
 * Velero Backups: a New backup is validated (FailedValidation with validationErrors, e.g. when
 * its BackupStorageLocation is Unavailable) or started (InProgress, startTimestamp, expiration
 * = now + spec.ttl, default 720h); on clock ticks it progresses and ends in the outcome the
 * scenario asks for (backupPhase.ts), and its contents are snapshotted for restores.
 */
import type { KubeObject } from '../types';
import {
  advanceBackup,
  backupOutcome,
  type BackupSpec,
  type BackupStatus,
  backupValidationErrors,
  STORAGE_LOCATION_LABEL,
} from './backupPhase';
import { formatGoDuration, parseGoDuration } from './cronSchedule';
import { GVRS } from './gvr';
import { deepEqual, keyOf, toKubeTime } from './objects';
import {
  BackupContentsController,
  collectBackupContents,
} from './veleroBackupContents';

const MANAGER = 'velero-backup-controller';
const DEFAULT_TTL = '720h0m0s';
const DEFAULT_DURATION_MINUTES = 5;

/** The BackupStorageLocation a backup uses: spec.storageLocation, else the default one. */
export function storageLocationFor(
  spec: BackupSpec,
  locations: KubeObject[],
): { name: string; location?: KubeObject } {
  if (spec.storageLocation) {
    return {
      name: spec.storageLocation,
      location: locations.find(l => l.metadata.name === spec.storageLocation),
    };
  }
  const byDefault =
    locations.find(
      l => (l.spec as { default?: boolean } | undefined)?.default,
    ) ?? locations.find(l => l.metadata.name === 'default');
  return { name: byDefault?.metadata.name ?? 'default', location: byDefault };
}

/** The Velero backup controller. */
export class VeleroBackupController extends BackupContentsController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.backupstoragelocations, () => undefined); // cached for validation
    this.subscribe(GVRS.backups, (type, backup) => {
      if (type === 'DELETED') this.contents.delete(backup.metadata.uid!);
      else this.queue.add(keyOf(backup));
    });
  }

  protected resync(): void {
    this.requeueAll(GVRS.backups, backup => {
      const phase = (backup.status as BackupStatus | undefined)?.phase;
      return (
        !phase ||
        phase === 'New' ||
        phase === 'InProgress' ||
        phase.startsWith('Finalizing')
      );
    });
  }

  protected reconcile(key: string): void {
    let backup = this.activeObject(GVRS.backups, key);
    if (!backup) return;
    const status = (backup.status ?? {}) as BackupStatus;
    if (!status.phase || status.phase === 'New') {
      backup = this.startBackup(backup);
      if ((backup.status as BackupStatus).phase !== 'InProgress') return;
    }
    this.progress(backup);
  }

  /** Validates a New backup and starts it, filling spec.ttl and spec.storageLocation as velero does. */
  private startBackup(backup: KubeObject): KubeObject {
    const spec = (backup.spec ?? {}) as BackupSpec;
    const locations = this.client
      .informer(GVRS.backupstoragelocations)
      .list(backup.metadata.namespace);
    const { name: locationName, location } = storageLocationFor(
      spec,
      locations,
    );
    const now = this.ctx.clock.now();
    const ttl =
      spec.ttl && parseGoDuration(spec.ttl) !== undefined
        ? spec.ttl
        : DEFAULT_TTL;
    const ttlMs = parseGoDuration(ttl) ?? parseGoDuration(DEFAULT_TTL)!;

    // velero writes the defaults into the spec and labels the backup with its location.
    const filled: KubeObject = {
      ...backup,
      metadata: {
        ...backup.metadata,
        labels: {
          ...backup.metadata.labels,
          [STORAGE_LOCATION_LABEL]: locationName,
        },
      },
      spec: {
        ...spec,
        storageLocation: locationName,
        ttl: spec.ttl ?? formatGoDuration(ttlMs),
      },
    };
    let current = backup;
    if (
      !deepEqual(filled.spec, backup.spec) ||
      !deepEqual(filled.metadata.labels, backup.metadata.labels)
    ) {
      current = this.client.update(GVRS.backups, filled, MANAGER);
    }
    const errors = backupValidationErrors(spec, locationName, location);
    const base: BackupStatus = {
      ...(current.status as BackupStatus | undefined),
      version: 1,
      formatVersion: '1.1.0',
      expiration: toKubeTime(new Date(now.getTime() + ttlMs)),
    };
    if (errors.length) {
      return this.client.updateStatus(
        GVRS.backups,
        {
          ...current,
          status: {
            ...base,
            phase: 'FailedValidation',
            validationErrors: errors,
          },
        },
        MANAGER,
      );
    }
    const totalItems = collectBackupContents(
      this.client.store,
      spec,
    ).totalItems;
    return this.client.updateStatus(
      GVRS.backups,
      {
        ...current,
        status: {
          ...base,
          phase: 'InProgress',
          startTimestamp: toKubeTime(now),
          progress: { totalItems, itemsBackedUp: 0 },
        },
      },
      MANAGER,
    );
  }

  private progress(backup: KubeObject): void {
    const status = (backup.status ?? {}) as BackupStatus;
    const durationMs =
      (this.ctx.behaviour.backupDurationMinutes ?? DEFAULT_DURATION_MINUTES) *
      60_000;
    const outcome = backupOutcome(backup, this.ctx.behaviour);
    const next = advanceBackup({
      status,
      now: this.ctx.clock.now(),
      durationMs,
      outcome,
      totalItems: status.progress?.totalItems ?? 0,
      identity: backup.metadata.uid ?? backup.metadata.name!,
    });
    if (!next) return;
    if (
      next.phase === 'Finalizing' ||
      next.phase === 'FinalizingPartiallyFailed'
    ) {
      // The contents are what the cluster holds as the backup finishes collecting them.
      const spec = (backup.spec ?? {}) as BackupSpec;
      const contents = collectBackupContents(this.client.store, spec);
      this.contents.set(backup.metadata.uid!, contents);
      next.progress = {
        totalItems: contents.totalItems,
        itemsBackedUp:
          next.progress?.itemsBackedUp === status.progress?.totalItems
            ? contents.totalItems
            : Math.min(contents.totalItems, next.progress?.itemsBackedUp ?? 0),
      };
      if (spec.snapshotVolumes !== false && contents.volumes > 0) {
        next.volumeSnapshotsAttempted = contents.volumes;
        next.volumeSnapshotsCompleted =
          outcome === 'PartiallyFailed'
            ? Math.max(0, contents.volumes - 1)
            : contents.volumes;
      }
    }
    this.client.updateStatus(
      GVRS.backups,
      { ...backup, status: next },
      MANAGER,
    );
  }
}
