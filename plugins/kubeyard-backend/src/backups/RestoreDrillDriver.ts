/*
 * Carries a restore drill to its end: waits for the Restore's final phase, then for the
 * restored pods to be Ready, deletes `<ns>-restored` (unless kept, and only the namespace
 * Kubeyard created for this drill), and writes the result onto the Restore and into the
 * database (RestoreDrillStore: Velero deletes the Restore with its backup, long before the next
 * drill is due). Everything it needs is on the Restore, so whichever backend instance is asked
 * about an unfinished drill can take it up (after a restart too). Deadlines count from the
 * Restore's creationTimestamp on the cluster's clock; the result is written once (optimistic
 * concurrency on the Restore), and a drill recorded by someone else is left alone.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  isFinalRestorePhase,
  isKubeyardRestoreDrill,
  RESTORE_DRILL_CLEANUP_PENDING,
  restoreDrillAnnotations,
  restoreDrillRecordOf,
  type RestoreDrillRecord,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeKubeError, httpStatusOf, type TenantClusterClient, type TenantClusterClients } from '../tenants';
import { millis } from './backupViews';
import { measureRestoreDrill } from './measureRestoreDrill';
import { recordedDrillOf } from './recordedDrills';
import { removeDrillNamespace } from './restoreDrillNamespace';
import { restoreDrillOperation } from './restoreDrillOperation';
import { restoredPods, type RestoredPods } from './restoredPods';
import type { RestoreDrillStore } from './RestoreDrillStore';

/** How a drill is followed (`kubeyard.backups.*` in config, in seconds there). */
export interface RestoreDrillTimings {
  pollIntervalMs: number;
  /**
   * How long after its creation (cluster clock) the Restore may take to reach a final phase;
   * then the drill is recorded as timed out, and its namespace removed once the Restore ends.
   */
  restoreTimeoutMs: number;
  /** How long after the Restore's completion (cluster clock) the restored pods may take to be Ready. */
  podsReadyTimeoutMs: number;
}

/** Production defaults. */
export const DEFAULT_RESTORE_DRILL_TIMINGS: RestoreDrillTimings = {
  pollIntervalMs: 2_000,
  restoreTimeoutMs: 24 * 3_600_000,
  podsReadyTimeoutMs: 30 * 60_000,
};

type RestoreRef = { apiVersion: string; kind: string; metadata: { name: string; namespace: string } };

const recorded = (restore: VeleroRestore | undefined) => Boolean(restore && restoreDrillRecordOf(restore));

/** A recorded drill whose namespace still waits for its timed-out Restore to end. */
const cleanupPending = (restore: VeleroRestore) => restoreDrillRecordOf(restore)?.cleanup === RESTORE_DRILL_CLEANUP_PENDING;

/** Follows drills in the background, one follower per Restore. */
export class RestoreDrillDriver {
  private readonly active = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly clients: Pick<TenantClusterClients, 'for'>,
    readonly logger: LoggerService,
    readonly timings: RestoreDrillTimings,
    private readonly now: () => Date = () => new Date(),
    /** Where results are kept once the Restore is gone; without it only the Restore holds them. */
    private readonly store?: Pick<RestoreDrillStore, 'upsert'>,
  ) {}

  /**
   * Starts following a Kubeyard drill unless this instance already does or it is recorded (a
   * timed-out drill is followed once more, to remove its namespace when its Restore has ended).
   */
  ensure(cluster: string, restore: VeleroRestore): void {
    const key = `${cluster}/${restore.metadata.namespace}/${restore.metadata.name}`;
    if (!isKubeyardRestoreDrill(restore) || this.active.has(key) || this.stopping.signal.aborted) return;
    if (recorded(restore) && !cleanupPending(restore)) return;
    const client = this.clients.for(cluster);
    if (!client) return;
    const ref: RestoreRef = { apiVersion: 'velero.io/v1', kind: 'Restore', metadata: { name: restore.metadata.name, namespace: restore.metadata.namespace ?? '' } };
    const run = this.follow(client, cluster, ref)
      .catch(error => {
        if (!this.stopping.signal.aborted) this.logger.warn(`restore drill ${key}: ${describeKubeError(error)}`);
      })
      .finally(() => this.active.delete(key));
    this.active.set(key, run);
  }

  /** Stops following (shutdown); another instance, or this one after a restart, takes the drills up again. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.active.values()]);
  }

  /** Resolves once every drill this instance follows now has been carried as far as it goes (tests). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
  }

  private async sleep(): Promise<void> {
    await delay(this.timings.pollIntervalMs, undefined, { signal: this.stopping.signal, ref: false });
  }

  /** The cluster's clock (from its answers), else ours. */
  private clusterNow(client: TenantClusterClient): number {
    return (client.clusterNow() ?? this.now()).getTime();
  }

  /**
   * Polls `read` until `done` says so or the cluster's clock passes `deadline`; read errors
   * (a cluster away for a moment) are retried.
   */
  private async poll<T>(client: TenantClusterClient, read: () => Promise<T>, done: (value: T) => boolean, deadline: number): Promise<T | undefined> {
    let last: T | undefined;
    for (;;) {
      try {
        last = await read();
        if (done(last)) return last;
      } catch (error) {
        this.logger.debug(`restore drill poll failed, retrying: ${describeKubeError(error)}`);
      }
      if (this.clusterNow(client) >= deadline) return last;
      await this.sleep();
    }
  }

  private async follow(client: TenantClusterClient, cluster: string, ref: RestoreRef): Promise<void> {
    const read = async () => (await client.get(ref)) as unknown as VeleroRestore | undefined;
    const first = await read();
    if (!first) return;
    if (recorded(first)) {
      await this.finishPendingCleanup(client, cluster, ref, first);
      return;
    }
    const created = millis(first.metadata.creationTimestamp) ?? this.clusterNow(client);
    const restore = await this.poll(client, read, r => !r || recorded(r) || isFinalRestorePhase(r.status?.phase), created + this.timings.restoreTimeoutMs);
    if (!restore || recorded(restore)) return;
    const drill = restoreDrillOperation(cluster, restore);
    if (!isFinalRestorePhase(restore.status?.phase)) {
      // Velero may still be creating objects in the namespace: never delete it under a running Restore.
      const record: RestoreDrillRecord = {
        compliant: false,
        timedOut: true,
        cleanup: drill.keep ? 'kept' : RESTORE_DRILL_CLEANUP_PENDING,
        recordedAt: this.now().toISOString(),
      };
      await this.record(client, cluster, ref, { ...measureRestoreDrill(restore, undefined, record.cleanup!, this.now()), ...record });
      this.logger.info(`restore drill ${cluster}/${ref.metadata.name} of ${drill.namespace}: timed out in phase ${restore.status?.phase ?? 'New'}`);
      return;
    }
    let pods: RestoredPods | undefined;
    if (restore.status?.phase === 'Completed' || restore.status?.phase === 'PartiallyFailed') {
      const completed = millis(restore.status.completionTimestamp) ?? this.clusterNow(client);
      let recordedMeanwhile = false;
      pods = await this.poll(
        client,
        async () => {
          recordedMeanwhile = recorded(await read());
          return restoredPods(client, drill.restoredNamespace);
        },
        p => recordedMeanwhile || p.ready >= p.total,
        completed + this.timings.podsReadyTimeoutMs,
      );
      if (recordedMeanwhile) return;
    }
    const latest = await read();
    if (!latest || recorded(latest)) return;
    const cleanup = drill.keep ? 'kept' : await removeDrillNamespace(client, drill.namespace, restore.metadata.name);
    const record = measureRestoreDrill(restore, pods, cleanup, this.now());
    if (!(await this.record(client, cluster, ref, record, latest))) return;
    const rto = record.rtoMs !== undefined ? `RTO ${Math.round(record.rtoMs / 1000)} s` : 'no RTO';
    this.logger.info(`restore drill ${cluster}/${ref.metadata.name} of ${drill.namespace}: ${restore.status?.phase}, ${rto}, compliant ${record.compliant}, namespace ${cleanup}`);
  }

  /** The follow-up of a timed-out drill: once its Restore has ended, its namespace goes. */
  private async finishPendingCleanup(client: TenantClusterClient, cluster: string, ref: RestoreRef, restore: VeleroRestore): Promise<void> {
    const record = restoreDrillRecordOf(restore);
    if (!record || record.cleanup !== RESTORE_DRILL_CLEANUP_PENDING || !isFinalRestorePhase(restore.status?.phase)) return;
    const drill = restoreDrillOperation(cluster, restore);
    const cleanup = await removeDrillNamespace(client, drill.namespace, restore.metadata.name);
    await this.record(client, cluster, ref, { ...record, cleanup }, restore);
    this.logger.info(`restore drill ${cluster}/${ref.metadata.name} of ${drill.namespace}: the Restore ended ${restore.status?.phase}, namespace ${cleanup}`);
  }

  /**
   * Writes the record onto the Restore as it was read (`basis`, else read now), guarded by its
   * resourceVersion, then to the database; false when someone else changed the Restore first
   * (another instance recorded it, and writes the row).
   */
  private async record(client: TenantClusterClient, cluster: string, ref: RestoreRef, record: RestoreDrillRecord, basis?: VeleroRestore): Promise<boolean> {
    const current = basis ?? ((await client.get(ref)) as unknown as VeleroRestore | undefined);
    if (!current) return false;
    const previous = restoreDrillRecordOf(current);
    if (previous && previous.cleanup !== RESTORE_DRILL_CLEANUP_PENDING) return false;
    try {
      await client.mergePatch(ref, { metadata: { resourceVersion: current.metadata.resourceVersion, annotations: restoreDrillAnnotations(record) } });
    } catch (error) {
      if (httpStatusOf(error) === 409) return false;
      throw error;
    }
    await this.store?.upsert(recordedDrillOf(cluster, current, record));
    return true;
  }
}
