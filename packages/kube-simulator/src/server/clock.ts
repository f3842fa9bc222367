/*
 * Simulated time. The clock stands still until advanced; advancing walks forward in steps so
 * every controller tick inside the interval runs, in order, at its own simulated time.
 */
import type { SimClock } from '../types';

/** Options of the simulated clock. */
export interface SimulatedClockOptions {
  /** Where time starts (ISO 8601); defaults to the wall clock at construction. */
  startTime?: string;
  /** The tick granularity in ms (default one minute: cron schedules have minute resolution). */
  tickMs?: number;
}

/** The SimClock implementation. */
export class SimulatedClock implements SimClock {
  private current: number;
  private readonly tickMs: number;
  private readonly listeners = new Set<(now: Date) => void | Promise<void>>();
  private advancing: Promise<void> = Promise.resolve();

  constructor(options: SimulatedClockOptions = {}) {
    this.current = options.startTime ? Date.parse(options.startTime) : Date.now();
    if (Number.isNaN(this.current)) throw new Error(`invalid startTime: ${options.startTime}`);
    this.tickMs = options.tickMs ?? 60_000;
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Advances serially: concurrent calls queue behind each other. */
  advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new Error(`cannot advance the clock by ${ms} ms`));
    const run = this.advancing.then(() => this.step(ms));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  onTick(fn: (now: Date) => void | Promise<void>): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }

  private async step(ms: number): Promise<void> {
    const target = this.current + ms;
    while (this.current < target) {
      // Stop at every tick boundary so e.g. a cron due at 02:00 fires at 02:00, not at the end.
      const nextBoundary = Math.floor(this.current / this.tickMs) * this.tickMs + this.tickMs;
      this.current = Math.min(nextBoundary, target);
      const now = this.now();
      for (const fn of [...this.listeners]) await fn(now);
      // Let reactions to the tick (watch deliveries, reconciles) run before the next step.
      await new Promise(resolve => setImmediate(resolve));
    }
  }
}
