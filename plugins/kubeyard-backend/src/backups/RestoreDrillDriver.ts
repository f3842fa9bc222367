/*
 * Carries a restore drill to its end: waits for the Restore's final phase, then for the
 * restored pods to be Ready, deletes `<ns>-restored` (unless kept), and writes the result onto
 * the Restore. Everything it needs is on the Restore, so whichever backend instance is asked
 * about an unfinished drill can take it up (after a restart too); two instances finishing the
 * same drill write the same result.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  isFinalRestorePhase,
  restoreDrillAnnotations,
  restoreDrillRecordOf,
  type VeleroRestore,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { describeKubeError, type TenantClusterClient, type TenantClusterClients } from '../tenants';
import { measureRestoreDrill } from './measureRestoreDrill';
import { restoreDrillOperation } from './restoreDrillOperation';
import { restoredPods, type RestoredPods } from './restoredPods';

/** The label Velero puts on everything a Restore created. */
export const RESTORE_NAME_LABEL = 'velero.io/restore-name';

/** How a drill is followed (`kubeyard.backups.*` in config, in seconds there). */
export interface RestoreDrillTimings {
  pollIntervalMs: number;
  /** How long the Restore may take to reach a final phase before the drill is recorded as failed. */
  restoreTimeoutMs: number;
  /** How long the restored pods may take to be Ready after the Restore completed. */
  podsReadyTimeoutMs: number;
  /** How long a previous drill's namespace may take to be deleted. */
  namespaceDeletionTimeoutMs: number;
}

/** Production defaults. */
export const DEFAULT_RESTORE_DRILL_TIMINGS: RestoreDrillTimings = {
  pollIntervalMs: 2_000,
  restoreTimeoutMs: 24 * 3_600_000,
  podsReadyTimeoutMs: 30 * 60_000,
  namespaceDeletionTimeoutMs: 120_000,
};

type RestoreRef = { apiVersion: string; kind: string; metadata: { name: string; namespace: string } };

/** Follows drills in the background, one follower per Restore. */
export class RestoreDrillDriver {
  private readonly active = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly clients: Pick<TenantClusterClients, 'for'>,
    private readonly logger: LoggerService,
    readonly timings: RestoreDrillTimings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts following a drill unless this instance already does, or it is recorded. */
  ensure(cluster: string, restore: VeleroRestore): void {
    const key = `${cluster}/${restore.metadata.namespace}/${restore.metadata.name}`;
    if (this.active.has(key) || restoreDrillRecordOf(restore) || this.stopping.signal.aborted) return;
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

  private async sleep(): Promise<void> {
    await delay(this.timings.pollIntervalMs, undefined, { signal: this.stopping.signal });
  }

  /** Polls `read` until `done` says so or `timeoutMs` passes; read errors (a cluster away for a moment) are retried. */
  private async poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    for (;;) {
      try {
        last = await read();
        if (done(last)) return last;
      } catch (error) {
        this.logger.debug(`restore drill poll failed, retrying: ${describeKubeError(error)}`);
      }
      if (Date.now() >= deadline) return last;
      await this.sleep();
    }
  }

  private async follow(client: TenantClusterClient, cluster: string, ref: RestoreRef): Promise<void> {
    const read = async () => (await client.get(ref)) as unknown as VeleroRestore | undefined;
    const restore = await this.poll(read, r => !r || Boolean(restoreDrillRecordOf(r)) || isFinalRestorePhase(r.status?.phase), this.timings.restoreTimeoutMs);
    if (!restore || restoreDrillRecordOf(restore)) return;
    const drill = restoreDrillOperation(cluster, restore);
    let pods: RestoredPods | undefined;
    if (restore.status?.phase === 'Completed' || restore.status?.phase === 'PartiallyFailed') {
      pods = await this.poll(() => restoredPods(client, drill.restoredNamespace), p => p.ready >= p.total, this.timings.podsReadyTimeoutMs);
    }
    const cleanup = drill.keep ? 'kept' : await this.removeNamespace(client, drill.restoredNamespace, restore.metadata.name);
    const record = measureRestoreDrill(restore, pods, cleanup, this.now());
    await client.mergePatch(ref, { metadata: { annotations: restoreDrillAnnotations(record) } });
    const rto = record.rtoMs !== undefined ? `RTO ${Math.round(record.rtoMs / 1000)} s` : 'no RTO';
    this.logger.info(`restore drill ${cluster}/${ref.metadata.name} of ${drill.namespace}: ${restore.status?.phase}, ${rto}, compliant ${record.compliant}, namespace ${cleanup}`);
  }

  /** Deletes the drill's namespace, only when this Restore made it. */
  private async removeNamespace(client: TenantClusterClient, name: string, restoreName: string): Promise<string> {
    const ref = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    try {
      const namespace = await client.get(ref);
      if (!namespace) return 'deleted';
      if (namespace.metadata?.labels?.[RESTORE_NAME_LABEL] !== restoreName) return `not deleted: namespace ${name} was not created by this restore`;
      await client.delete(ref);
      return 'deleted';
    } catch (error) {
      return `not deleted: ${describeKubeError(error)}`;
    }
  }
}
