/*
 * A list+watch cache of one resource type in one cluster, shared by the controllers of that
 * cluster (like client-go's shared informers). Controllers also write their own results into
 * the cache, so a reconcile that runs before the watch event arrives sees its own writes.
 */
import type {
  ClusterStore,
  GVR,
  KubeObject,
  ListOptions,
  WatchEventType,
} from '../types';
import { keyOf } from './objects';

/** Called for every change in the cache; `old` is the previous version on updates and deletes. */
export type InformerHandler = (
  type: WatchEventType,
  obj: KubeObject,
  old: KubeObject | undefined,
) => void;

/** Computes index values for an object (e.g. its owner uid, its node name). */
export type IndexFunction = (obj: KubeObject) => string[];

const NAMESPACE_INDEX = 'namespace';

function newerOrSame(
  next: KubeObject,
  current: KubeObject | undefined,
): boolean {
  if (!current) return true;
  const a = Number(next.metadata.resourceVersion);
  const b = Number(current.metadata.resourceVersion);
  return Number.isNaN(a) || Number.isNaN(b) || a >= b;
}

/** A cache of one GVR, filled by list and kept current by watch. */
export class Informer {
  private readonly items = new Map<string, KubeObject>();
  private readonly handlers: InformerHandler[] = [];
  private readonly indexers = new Map<string, IndexFunction>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private unwatch?: () => void;
  private started = false;

  constructor(private readonly store: ClusterStore, readonly gvr: GVR) {
    this.addIndex(NAMESPACE_INDEX, obj =>
      obj.metadata.namespace ? [obj.metadata.namespace] : [],
    );
  }

  /** Whether the resource type is served and the cache is filled. */
  get synced(): boolean {
    return this.started;
  }

  /** Lists and starts watching, if the type is served (a CRD may appear later: call again). */
  start(): boolean {
    if (this.started) return true;
    if (!this.store.typeFor(this.gvr)) return false;
    // Stored objects are never mutated in place, so the cache can share them instead of copying
    // (`readOnly` is the in-process store's no-copy list; other stores ignore it and copy).
    const list = this.store.list(this.gvr, undefined, {
      readOnly: true,
    } as ListOptions);
    this.started = true;
    for (const obj of list.items) this.apply('ADDED', obj);
    this.unwatch = this.store.watch(
      this.gvr,
      undefined,
      { resourceVersion: list.resourceVersion },
      event => {
        if (
          event.type === 'ADDED' ||
          event.type === 'MODIFIED' ||
          event.type === 'DELETED'
        ) {
          this.apply(event.type, event.object);
        }
      },
    );
    return true;
  }

  /** Stops watching. */
  stop(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** Adds an index; must be called before `start`. */
  addIndex(name: string, fn: IndexFunction): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const index = new Map<string, Set<string>>();
    this.indexes.set(name, index);
    for (const [key, obj] of this.items) this.indexObject(fn, key, obj, index);
  }

  /** Subscribes to changes; existing objects are replayed as ADDED. Returns an unsubscribe function. */
  subscribe(handler: InformerHandler): () => void {
    this.handlers.push(handler);
    for (const obj of this.items.values()) handler('ADDED', obj, undefined);
    return () => {
      const i = this.handlers.indexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  /** The cached object, if any. */
  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.items.get(namespace ? [namespace, name].join('/') : name);
  }

  /** Every cached object, optionally in one namespace. */
  list(namespace?: string): KubeObject[] {
    return namespace === undefined
      ? [...this.items.values()]
      : this.byIndex(NAMESPACE_INDEX, namespace);
  }

  /** Number of cached objects. */
  get size(): number {
    return this.items.size;
  }

  /** Cached objects whose index `name` contains `value`. */
  byIndex(name: string, value: string): KubeObject[] {
    const keys = this.indexes.get(name)?.get(value);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const key of keys) {
      const obj = this.items.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Records the result of our own write (create/update), ahead of its watch event. */
  upsert(obj: KubeObject): void {
    const key = keyOf(obj);
    this.apply(this.items.has(key) ? 'MODIFIED' : 'ADDED', obj);
  }

  /** Records our own delete, ahead of its watch event. */
  remove(obj: KubeObject): void {
    if (this.items.has(keyOf(obj))) this.apply('DELETED', obj);
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const key = keyOf(obj);
    const old = this.items.get(key);
    if (type === 'DELETED') {
      // A delete of an older incarnation (same name, other uid) must not drop the new one.
      if (
        !old ||
        (obj.metadata.uid &&
          old.metadata.uid &&
          obj.metadata.uid !== old.metadata.uid)
      )
        return;
      this.items.delete(key);
      this.unindex(key, old);
      this.emit('DELETED', obj, old);
      return;
    }
    // A watch event older than what we already hold (our own write got there first).
    if (old && !newerOrSame(obj, old)) return;
    if (
      old &&
      old.metadata.resourceVersion === obj.metadata.resourceVersion &&
      old.metadata.uid === obj.metadata.uid
    ) {
      return;
    }
    this.items.set(key, obj);
    if (old) this.unindex(key, old);
    for (const [name, fn] of this.indexers)
      this.indexObject(fn, key, obj, this.indexes.get(name)!);
    this.emit(old ? 'MODIFIED' : 'ADDED', obj, old);
  }

  private emit(
    type: WatchEventType,
    obj: KubeObject,
    old: KubeObject | undefined,
  ): void {
    for (const handler of [...this.handlers]) handler(type, obj, old);
  }

  private indexObject(
    fn: IndexFunction,
    key: string,
    obj: KubeObject,
    index: Map<string, Set<string>>,
  ) {
    for (const value of fn(obj)) {
      let keys = index.get(value);
      if (!keys) index.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindex(key: string, obj: KubeObject): void {
    for (const [name, fn] of this.indexers) {
      const index = this.indexes.get(name)!;
      for (const value of fn(obj)) {
        const keys = index.get(value);
        keys?.delete(key);
        if (keys && keys.size === 0) index.delete(value);
      }
    }
  }
}
