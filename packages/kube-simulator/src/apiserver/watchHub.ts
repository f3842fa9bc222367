/*
 * Watch events of one cluster: a bounded history (for resuming from a resourceVersion) and the
 * live watchers. Delivery is asynchronous and in resourceVersion order per watcher, like a
 * real watch stream: events queue at commit time and are flushed in a microtask, so a watcher
 * that writes to the store from its callback never re-enters the write that notified it.
 */
import type { KubeObject, WatchEvent } from '../types';
import { expired } from './errors';

/** A committed change. */
export interface StoredEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  groupResource: string;
  object: KubeObject;
  /** The object before the change (MODIFIED, DELETED). */
  previous?: KubeObject;
}

/** What a watcher wants to see. */
export interface WatchFilter {
  groupResource: string;
  namespace?: string;
  /** Label and field selectors compiled into one predicate. */
  matches: (obj: KubeObject) => boolean;
}

interface Watcher {
  filter: WatchFilter;
  queue: WatchEvent[];
  deliver: (event: WatchEvent) => void;
  closed: boolean;
}

/** The default number of events kept for resuming watches, per cluster. */
export const DEFAULT_HISTORY_SIZE = 10_000;

/** History and live watchers for one cluster. */
export class WatchHub {
  private readonly history: Array<StoredEvent | undefined>;
  private start = 0;
  private length = 0;
  /** The resourceVersion of the newest event that fell out of the history window. */
  private droppedThrough = 0;
  private readonly watchers = new Map<string, Set<Watcher>>();
  private flushScheduled = false;
  private readonly pending = new Set<Watcher>();
  /** Whether committed changes are kept for resuming watches (not while state is restored). */
  private recording = true;

  constructor(private readonly capacity = DEFAULT_HISTORY_SIZE) {
    this.history = new Array(capacity);
  }

  /** Records a committed change and queues it for matching watchers. */
  emit(event: StoredEvent): void {
    if (!this.recording) {
      // Nothing is kept: the history restarts after the restore (see restoring).
    } else if (this.length === this.capacity) {
      this.droppedThrough = this.history[this.start]!.rv;
      this.history[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.history[(this.start + this.length) % this.capacity] = event;
      this.length++;
    }
    const watchers = this.watchers.get(event.groupResource);
    if (!watchers) return;
    for (const w of watchers) {
      const translated = translate(w.filter, event);
      if (translated) this.enqueue(w, translated);
    }
  }

  /**
   * Runs a restore of state (scenario loading) whose changes are not kept: afterwards the
   * history starts empty at `currentRv()`, like the watch cache of an API server that starts
   * on existing data; a watch from an older resourceVersion gets 410 Expired. Live watchers
   * still see every change.
   */
  restoring<T>(fn: () => T, currentRv: () => number): T {
    this.recording = false;
    try {
      return fn();
    } finally {
      this.recording = true;
      this.history.fill(undefined);
      this.start = 0;
      this.length = 0;
      this.droppedThrough = currentRv();
    }
  }

  /** Whether a watch may resume after `rv` (no event after it has been dropped yet). */
  canResumeFrom(rv: number): boolean {
    return rv >= this.droppedThrough;
  }

  /**
   * Starts a watcher. `initial` objects are sent first as ADDED (a watch without
   * resourceVersion); with `fromRv`, history after it is replayed instead. Returns a stop
   * function. An RV older than the history window yields one ERROR event (410 Expired).
   */
  subscribe(
    filter: WatchFilter,
    start: { fromRv?: number; initial?: KubeObject[]; afterInitial?: WatchEvent },
    deliver: (event: WatchEvent) => void,
  ): () => void {
    const w: Watcher = { filter, queue: [], deliver, closed: false };
    if (start.fromRv !== undefined && !this.canResumeFrom(start.fromRv)) {
      const status = expired(`too old resource version: ${start.fromRv} (${this.droppedThrough})`).status;
      this.enqueue(w, { type: 'ERROR', object: status as unknown as KubeObject });
      return () => {
        w.closed = true;
      };
    }
    for (const obj of start.initial ?? []) this.enqueue(w, { type: 'ADDED', object: obj });
    if (start.afterInitial) this.enqueue(w, start.afterInitial);
    if (start.fromRv !== undefined) {
      for (let i = 0; i < this.length; i++) {
        const event = this.history[(this.start + i) % this.capacity]!;
        if (event.rv <= start.fromRv || event.groupResource !== filter.groupResource) continue;
        const translated = translate(filter, event);
        if (translated) this.enqueue(w, translated);
      }
    }
    let set = this.watchers.get(filter.groupResource);
    if (!set) {
      set = new Set();
      this.watchers.set(filter.groupResource, set);
    }
    set.add(w);
    return () => {
      w.closed = true;
      set!.delete(w);
    };
  }

  /** Number of live watchers (for tests and the admin endpoint). */
  watcherCount(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }

  /** Stops every watcher (cluster shutdown). */
  closeAll(): void {
    for (const set of this.watchers.values()) for (const w of set) w.closed = true;
    this.watchers.clear();
  }

  private enqueue(w: Watcher, event: WatchEvent): void {
    w.queue.push(event);
    this.pending.add(w);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    // Events enqueued by callbacks during this flush land in a new batch, keeping order.
    const batch = [...this.pending];
    this.pending.clear();
    for (const w of batch) {
      const events = w.queue;
      w.queue = [];
      for (const event of events) {
        if (w.closed) break;
        try {
          w.deliver(event);
        } catch (err) {
          // A failing watcher must not starve the others; real watch streams are independent too.
          // eslint-disable-next-line no-console
          console.error('kube-simulator: watch callback failed', err);
        }
      }
    }
  }
}

/**
 * Applies the cacher's selector semantics: an object that starts matching is ADDED, one that
 * stops matching is DELETED (sent as its last matching state at the new resourceVersion).
 */
function translate(filter: WatchFilter, event: StoredEvent): WatchEvent | undefined {
  const ns = event.object.metadata.namespace ?? '';
  if (filter.namespace !== undefined && filter.namespace !== ns) return undefined;
  const now = event.type !== 'DELETED' && filter.matches(event.object);
  if (event.type === 'ADDED') return now ? { type: 'ADDED', object: event.object } : undefined;
  if (event.type === 'DELETED') return filter.matches(event.object) ? { type: 'DELETED', object: event.object } : undefined;
  const before = event.previous ? filter.matches(event.previous) : false;
  if (now && before) return { type: 'MODIFIED', object: event.object };
  if (now) return { type: 'ADDED', object: event.object };
  if (before) {
    const prev = event.previous!;
    return { type: 'DELETED', object: { ...prev, metadata: { ...prev.metadata, resourceVersion: String(event.rv) } } };
  }
  return undefined;
}
