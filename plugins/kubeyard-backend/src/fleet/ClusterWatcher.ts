import type { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesObjectApi, VersionApi, Watch, type KubeConfig } from '@kubernetes/client-node';
import type { ClusterSync } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeConfigFor } from './kubeConfigFor';
import type { ClusterConnection, ClusterSnapshot, KubeObject, WatchedType } from './types';

/** Timing knobs of a {@link ClusterWatcher}; tests shorten them. */
export interface ClusterWatcherOptions {
  pageSize: number;
  requestTimeoutMs: number;
  probeIntervalMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  /** How long an optional type that is not served (404) waits before it is looked for again. */
  absentRecheckMs: number;
  /** Server-side watch timeout; the watch is renewed from the last resourceVersion after it. */
  watchTimeoutSeconds: number;
}

/** Defaults for production. */
export const DEFAULT_WATCHER_OPTIONS: ClusterWatcherOptions = {
  pageSize: 500,
  requestTimeoutMs: 30_000,
  probeIntervalMs: 10_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  absentRecheckMs: 300_000,
  watchTimeoutSeconds: 300,
};

type TypeState = 'syncing' | 'synced' | 'error' | 'absent';

interface TypeCache {
  type: WatchedType;
  state: TypeState;
  items: Map<string, unknown>;
  error?: string;
  syncedAt?: Date;
  /** Listed, or found not served, at least once: the cluster's data for this type is known. */
  settled?: boolean;
}

class GoneError extends Error {}

/** Text for an error from client-node or fetch, e.g. `HTTP 401 Unauthorized`. */
export function describeError(error: unknown): string {
  const e = error as any;
  const code = e?.code ?? e?.statusCode ?? e?.response?.statusCode;
  const body = e?.body;
  let message: string | undefined;
  if (typeof body === 'string') {
    try {
      message = JSON.parse(body).message;
    } catch {
      message = body.slice(0, 200);
    }
  } else if (body?.message) {
    message = body.message;
  }
  if (typeof code === 'number') return `HTTP ${code}${message ? `: ${message}` : ''}`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return [e?.message ?? String(error), cause].filter(Boolean).join(': ');
}

function statusOf(error: unknown): number | undefined {
  const e = error as any;
  const code = e?.code ?? e?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Rejects when `promise` has not settled after `ms` (client-node requests have no timeout of their own). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const keyOf = (obj: KubeObject) => `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

/**
 * Keeps one cluster's projected objects current: a paginated LIST per type, then a WATCH from
 * its resourceVersion, renewed when the server closes it and relisted on 410 Gone; errors back
 * off exponentially and never stop the loop, so a cluster that comes back resyncs by itself.
 * A /version probe measures latency and notices an unreachable cluster between events.
 */
export class ClusterWatcher {
  private readonly kc: KubeConfig;
  private readonly objects: KubernetesObjectApi;
  private readonly caches: Map<string, TypeCache>;
  private readonly aborts = new Set<AbortController>();
  private stopped = false;
  private generation = 0;
  private version?: string;
  private latencyMs?: number;
  private probeError?: string;
  private lastProbeOk?: Date;
  private probeTimer?: NodeJS.Timeout;
  private readonly sleepers = new Set<() => void>();

  constructor(
    readonly connection: ClusterConnection,
    types: WatchedType[],
    private readonly logger: LoggerService,
    private readonly options: ClusterWatcherOptions = DEFAULT_WATCHER_OPTIONS,
  ) {
    this.kc = kubeConfigFor(connection);
    this.objects = this.kc.makeApiClient(KubernetesObjectApi);
    this.caches = new Map(types.map(type => [type.key, { type, state: 'syncing', items: new Map() }]));
  }

  /** Starts the loops; returns at once. */
  start(): void {
    for (const cache of this.caches.values()) void this.runType(cache);
    void this.probe();
  }

  /** Stops every loop and open watch. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
    for (const abort of this.aborts) abort.abort();
    for (const wake of this.sleepers) wake();
  }

  /** A read-only view of what is indexed now. */
  snapshot(): ClusterSnapshot {
    const caches = this.caches;
    return {
      name: this.connection.name,
      version: this.version,
      sync: this.sync(),
      generation: this.generation,
      list<T>(typeKey: string): T[] {
        const cache = caches.get(typeKey);
        return cache ? ([...cache.items.values()] as T[]) : [];
      },
      serves(typeKey: string): boolean {
        const cache = caches.get(typeKey);
        return Boolean(cache && cache.state !== 'absent');
      },
    };
  }

  /** The cluster's sync state, derived from its types and the probe. */
  sync(): ClusterSync {
    const caches = [...this.caches.values()];
    const failing = caches.find(c => c.state === 'error');
    const error = this.probeError ?? failing?.error;
    const everSynced = caches.every(c => c.settled);
    // Open watches keep the data current, so while the cluster answers its probe the data is
    // as fresh as the last probe; otherwise as old as the oldest type's last list or event.
    const times = caches.map(c => c.syncedAt?.getTime()).filter((t): t is number => t !== undefined);
    const oldest = times.length > 0 ? Math.min(...times) : undefined;
    const fresh = !error && everSynced && this.lastProbeOk ? this.lastProbeOk.getTime() : oldest;
    const lastSyncTime = fresh !== undefined ? new Date(fresh).toISOString() : undefined;
    let state: ClusterSync['state'];
    if (error) state = everSynced ? 'stale' : 'error';
    else if (caches.some(c => c.state === 'syncing')) state = 'syncing';
    else state = 'synced';
    return { state, lastSyncTime, latencyMs: this.latencyMs, error };
  }

  private async probe(): Promise<void> {
    if (this.stopped) return;
    const started = Date.now();
    try {
      const info = await withTimeout(this.kc.makeApiClient(VersionApi).getCode(), this.options.requestTimeoutMs, 'GET /version');
      this.version = info.gitVersion;
      this.latencyMs = Date.now() - started;
      if (this.probeError) this.logger.info(`cluster ${this.connection.name} answers again`);
      this.probeError = undefined;
      this.lastProbeOk = new Date();
    } catch (error) {
      const text = describeError(error);
      if (this.probeError !== text) this.logger.warn(`cluster ${this.connection.name} is unreachable: ${text}`);
      this.probeError = text;
      // A cluster that fails its probe has also lost its watches; wake the loops to retry now.
      for (const wake of this.sleepers) wake();
    }
    if (!this.stopped) this.probeTimer = setTimeout(() => void this.probe(), this.options.probeIntervalMs);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async runType(cache: TypeCache): Promise<void> {
    let backoff = this.options.minBackoffMs;
    let resourceVersion: string | undefined;
    while (!this.stopped) {
      try {
        if (!resourceVersion) resourceVersion = await this.list(cache);
        resourceVersion = await this.watch(cache, resourceVersion);
        backoff = this.options.minBackoffMs;
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof GoneError) {
          resourceVersion = undefined; // too old: list again
          continue;
        }
        resourceVersion = undefined;
        if (cache.type.optional && statusOf(error) === 404) {
          cache.state = 'absent';
          cache.settled = true;
          if (cache.items.size > 0) this.generation += 1;
          cache.items.clear();
          cache.error = undefined;
          await this.sleep(this.options.absentRecheckMs);
          continue;
        }
        cache.state = 'error';
        cache.error = `${cache.type.plural}: ${describeError(error)}`;
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
      }
    }
  }

  /** Lists every page and replaces the cache; returns the list's resourceVersion. */
  private async list(cache: TypeCache): Promise<string> {
    const { type } = cache;
    const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
    const items = new Map<string, unknown>();
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await withTimeout(
        this.objects.list(apiVersion, type.kind, undefined, undefined, undefined, undefined, undefined, undefined, this.options.pageSize, continueToken),
        this.options.requestTimeoutMs,
        `LIST ${type.plural}`,
      );
      if (!resourceVersion) resourceVersion = page.metadata?.resourceVersion ?? '';
      for (const item of page.items) items.set(keyOf(item), type.project(item));
      continueToken = page.metadata?._continue || undefined;
    } while (continueToken && !this.stopped);
    cache.items = items;
    this.generation += 1;
    cache.state = 'synced';
    cache.settled = true;
    cache.error = undefined;
    cache.syncedAt = new Date();
    return resourceVersion;
  }

  /** Watches from `resourceVersion` until the server ends the watch; returns the last RV seen. */
  private async watch(cache: TypeCache, resourceVersion: string): Promise<string> {
    const { type } = cache;
    const path = type.group ? `/apis/${type.group}/${type.version}/${type.plural}` : `/api/${type.version}/${type.plural}`;
    let lastVersion = resourceVersion;
    let gone = false;
    let controller: AbortController | undefined;
    const done = new Promise<void>((resolve, reject) => {
      new Watch(this.kc)
        .watch(
          path,
          { resourceVersion, allowWatchBookmarks: true, timeoutSeconds: this.options.watchTimeoutSeconds },
          (phase: string, obj: any) => {
            if (phase === 'ERROR') {
              if (obj?.code === 410) gone = true;
              return;
            }
            const version = obj?.metadata?.resourceVersion;
            if (version) lastVersion = version;
            if (phase === 'BOOKMARK') return;
            if (phase === 'DELETED') cache.items.delete(keyOf(obj));
            else cache.items.set(keyOf(obj), type.project(obj));
            this.generation += 1;
            cache.syncedAt = new Date();
          },
          (err: unknown) => (err && !gone ? reject(err) : resolve()),
        )
        .then(abort => {
          if (this.stopped) abort.abort();
          else this.aborts.add(abort);
          controller = abort;
        }, reject);
    });
    try {
      await done;
    } finally {
      if (controller) this.aborts.delete(controller);
    }
    if (gone) throw new GoneError();
    cache.syncedAt = new Date();
    return lastVersion;
  }
}
