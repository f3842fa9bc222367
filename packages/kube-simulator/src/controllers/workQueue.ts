/*
 * A de-duplicating queue of object keys, like client-go's workqueue. Keys are processed in a
 * microtask after the change that queued them, so a burst of watch events for one object leads
 * to one reconcile, and work settles between the steps of a simulated clock advance (which
 * awaits between ticks) rather than after all of them.
 */

/** How many times a key whose reconcile failed with a retriable error is retried before waiting for the next event. */
const MAX_RETRIES = 5;

/** Whether an error is worth retrying at once (a write conflict on a stale resourceVersion). */
export function isConflict(err: unknown): boolean {
  return statusCode(err) === 409;
}

/** The HTTP code of a StatusError thrown by the store, if any. */
export function statusCode(err: unknown): number | undefined {
  const status = (err as { status?: { code?: unknown } } | undefined)?.status;
  return typeof status?.code === 'number' ? status.code : undefined;
}

/** The Status message of a store error, or the error's message. */
export function errorMessage(err: unknown): string {
  const status = (err as { status?: { message?: unknown } } | undefined)
    ?.status;
  if (typeof status?.message === 'string') return status.message;
  return err instanceof Error ? err.message : String(err);
}

/** Processes keys one at a time, each at most once per flush. */
export class WorkQueue {
  private pending = new Set<string>();
  private retries = new Map<string, number>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly process: (key: string) => void,
  ) {}

  /** Queues a key for reconciliation. */
  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Number of keys waiting. */
  get length(): number {
    return this.pending.size;
  }

  /** Stops processing; queued keys are dropped. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  /** Processes every queued key now. */
  flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const keys = [...this.pending];
    this.pending.clear();
    for (const key of keys) {
      try {
        this.process(key);
        this.retries.delete(key);
      } catch (err) {
        const attempts = (this.retries.get(key) ?? 0) + 1;
        if (isConflict(err) && attempts <= MAX_RETRIES) {
          this.retries.set(key, attempts);
          this.add(key);
        } else {
          this.retries.delete(key);
          if (!isConflict(err) && statusCode(err) !== 404) {
            // eslint-disable-next-line no-console
            console.warn(
              `[kube-simulator] ${
                this.name
              }: reconcile ${key} failed: ${errorMessage(err)}`,
            );
          }
        }
      }
    }
  }
}
