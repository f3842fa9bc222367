/*
 * Velero BackupStorageLocations: the phase the scenario sets (behaviour.storageLocationPhases,
 * else the phase in the object, else Available) and the periodic validation time, refreshed at
 * most once per simulated minute like velero's default validation frequency.
 */
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { deepEqual, keyOf, splitKey, toKubeTime } from './objects';

const MANAGER = 'velero-backup-storage-location-controller';
const VALIDATION_PERIOD_MS = 60_000;

interface LocationStatus {
  phase?: string;
  lastValidationTime?: string;
  lastSyncedTime?: string;
  message?: string;
}

/** The Velero BackupStorageLocation controller. */
export class VeleroStorageLocationController extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.backupstoragelocations, (type, location) => {
      if (type !== 'DELETED') this.queue.add(keyOf(location));
    });
  }

  protected resync(): void {
    this.requeueAll(GVRS.backupstoragelocations);
  }

  protected reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const location = this.client
      .informer(GVRS.backupstoragelocations)
      .get(namespace, name);
    if (!location) return;
    const status = (location.status ?? {}) as LocationStatus;
    const now = this.ctx.clock.now();
    const phase =
      this.ctx.behaviour.storageLocationPhases?.[name] ??
      status.phase ??
      'Available';
    const last = Date.parse(status.lastValidationTime ?? '') || 0;
    const due = now.getTime() - last >= VALIDATION_PERIOD_MS;
    const next: LocationStatus = {
      ...status,
      phase,
      lastValidationTime: due ? toKubeTime(now) : status.lastValidationTime,
    };
    if (phase === 'Available') {
      delete next.message;
      if (due) next.lastSyncedTime = toKubeTime(now);
    } else {
      const bucket =
        (location.spec as { objectStorage?: { bucket?: string } } | undefined)
          ?.objectStorage?.bucket ?? name;
      next.message ??= `BackupStorageLocation "${name}" is unavailable: rpc error: code = Unknown desc = AccessDenied: Access Denied to bucket ${bucket}\n\tstatus code: 403`;
    }
    if (deepEqual(next, location.status)) return;
    this.client.updateStatus(
      GVRS.backupstoragelocations,
      { ...location, status: next },
      MANAGER,
    );
  }
}
