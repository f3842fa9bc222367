/*
 * Work the real control plane does asynchronously (garbage collection, namespace and CRD
 * cleanup) runs here, one task at a time on later event-loop turns, so clients observe the
 * same intermediate states (Terminating, deletionTimestamp set) as against a real cluster.
 */

/** A sequential queue of background tasks. */
export class BackgroundQueue {
  private readonly tasks: Array<() => void> = [];
  private readonly keys = new Set<string>();
  private running = false;
  private waiters: Array<() => void> = [];
  private stopped = false;

  /** Schedules a task; with a key, a task already waiting under that key is not queued twice. */
  schedule(task: () => void, key?: string): void {
    if (this.stopped) return;
    if (key !== undefined) {
      if (this.keys.has(key)) return;
      this.keys.add(key);
    }
    this.tasks.push(() => {
      if (key !== undefined) this.keys.delete(key);
      task();
    });
    if (!this.running) {
      this.running = true;
      setImmediate(() => this.drain());
    }
  }

  /** Resolves once every scheduled task (and tasks they schedule) has run. */
  idle(): Promise<void> {
    if (!this.running && this.tasks.length === 0) return Promise.resolve();
    return new Promise(resolve => this.waiters.push(resolve));
  }

  /** Whether nothing is queued or running. */
  isIdle(): boolean {
    return !this.running && this.tasks.length === 0;
  }

  /** Drops pending work (cluster shutdown). */
  stop(): void {
    this.stopped = true;
    this.tasks.length = 0;
    this.keys.clear();
  }

  private drain(): void {
    // Run a bounded batch per turn so HTTP requests interleave with large cleanups.
    const deadline = Date.now() + 20;
    while (this.tasks.length > 0 && Date.now() < deadline) {
      const task = this.tasks.shift()!;
      try {
        task();
      } catch (err) {
        // Conflicts and NotFound are expected races with clients; the task is re-triggered
        // by the next relevant change, as a real controller would requeue it.
        const code = (err as { code?: number }).code;
        if (code !== 404 && code !== 409) {
          // eslint-disable-next-line no-console
          console.error('kube-simulator: background task failed', err);
        }
      }
    }
    if (this.tasks.length > 0) {
      setImmediate(() => this.drain());
      return;
    }
    this.running = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
