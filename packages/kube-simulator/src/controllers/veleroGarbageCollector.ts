/*
 * Velero backup deletion: expired backups (status.expiration passed) and backups named by a
 * DeleteBackupRequest go to phase Deleting, then are removed on the next tick together with
 * their restores. As in velero's gc controller, expired backups whose storage location is
 * Unavailable are kept (their data cannot be removed).
 */
import type { KubeObject } from '../types';
import { type BackupStatus, RUNNING_PHASES } from './backupPhase';
import { GVRS } from './gvr';
import { keyOf, splitKey } from './objects';
import { storageLocationFor } from './veleroBackupController';
import { BackupContentsController } from './veleroBackupContents';

const MANAGER = 'velero-gc-controller';

/** Whether a backup is past its expiration at `now` and may be collected. */
export function isExpired(backup: KubeObject, now: Date): boolean {
  const status = (backup.status ?? {}) as BackupStatus;
  if (
    !status.expiration ||
    RUNNING_PHASES.includes(status.phase ?? 'New') ||
    status.phase === 'Deleting'
  )
    return false;
  return Date.parse(status.expiration) <= now.getTime();
}

/** The Velero garbage collector and DeleteBackupRequest processor. */
export class VeleroGarbageCollector extends BackupContentsController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.backups, () => undefined);
    this.subscribe(GVRS.restores, () => undefined);
    this.subscribe(GVRS.backupstoragelocations, () => undefined);
    this.subscribe(GVRS.deletebackuprequests, (type, request) => {
      if (type !== 'DELETED') this.queue.add(keyOf(request));
    });
  }

  /** Processes a DeleteBackupRequest: marks the backup Deleting; removal happens on the next tick. */
  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const request = this.client
      .informer(GVRS.deletebackuprequests)
      .get(namespace, name);
    if (!request) return;
    const phase = (request.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Processed' || phase === 'InProgress') return;
    const backupName =
      (request.spec as { backupName?: string } | undefined)?.backupName ?? '';
    const backup = this.client
      .informer(GVRS.backups)
      .get(namespace, backupName);
    if (!backup) {
      this.client.updateStatus(
        GVRS.deletebackuprequests,
        {
          ...request,
          status: {
            phase: 'Processed',
            errors: [`backup ${backupName} not found`],
          },
        },
        MANAGER,
      );
      return;
    }
    this.markDeleting(backup);
    this.client.updateStatus(
      GVRS.deletebackuprequests,
      { ...request, status: { phase: 'InProgress' } },
      MANAGER,
    );
  }

  protected resync(now: Date): void {
    const backups = this.client.informer(GVRS.backups);
    if (!backups.synced) return;
    const locations = this.client.informer(GVRS.backupstoragelocations);
    for (const backup of backups.list()) {
      const status = (backup.status ?? {}) as BackupStatus;
      if (status.phase === 'Deleting') {
        this.remove(backup);
      } else if (isExpired(backup, now)) {
        const { location } = storageLocationFor(
          backup.spec ?? {},
          locations.list(backup.metadata.namespace),
        );
        if (
          (location?.status as { phase?: string } | undefined)?.phase ===
          'Unavailable'
        )
          continue;
        this.markDeleting(backup);
      }
    }
  }

  private markDeleting(backup: KubeObject): void {
    this.client.updateStatus(
      GVRS.backups,
      {
        ...backup,
        status: { ...(backup.status as object), phase: 'Deleting' },
      },
      MANAGER,
    );
  }

  private remove(backup: KubeObject): void {
    const name = backup.metadata.name!;
    for (const restore of this.client
      .informer(GVRS.restores)
      .list(backup.metadata.namespace)) {
      if (
        (restore.spec as { backupName?: string } | undefined)?.backupName ===
        name
      ) {
        this.client.delete(GVRS.restores, restore, MANAGER);
      }
    }
    this.client.delete(GVRS.backups, backup, MANAGER);
    this.contents.delete(backup.metadata.uid!);
    for (const request of this.client
      .informer(GVRS.deletebackuprequests)
      .list(backup.metadata.namespace)) {
      if (
        (request.spec as { backupName?: string } | undefined)?.backupName ===
        name
      ) {
        this.client.updateStatus(
          GVRS.deletebackuprequests,
          { ...request, status: { phase: 'Processed' } },
          MANAGER,
        );
      }
    }
  }
}
