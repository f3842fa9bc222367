/*
 * Event expiry: kube-apiserver keeps Events for an hour (--event-ttl=1h). Without it a demo
 * left running for simulated days would accumulate every Scheduled/Started event ever made.
 */
import { BaseController } from './baseController';
import { GVRS } from './gvr';

const MANAGER = 'event-ttl';
const EVENT_TTL_MS = 60 * 60_000;
const SWEEP_PERIOD_MS = 10 * 60_000;

/** Deletes Events whose last occurrence is older than the TTL. */
export class EventTtlController extends BaseController {
  readonly name = MANAGER;
  private lastSweep = 0;

  protected watch(): void {
    this.subscribe(GVRS.events, () => undefined);
  }

  protected reconcile(): void {}

  protected resync(now: Date): void {
    if (now.getTime() - this.lastSweep < SWEEP_PERIOD_MS) return;
    this.lastSweep = now.getTime();
    for (const event of this.client.informer(GVRS.events).list()) {
      const last = (event.lastTimestamp ??
        event.eventTime ??
        event.firstTimestamp ??
        event.metadata.creationTimestamp) as string | undefined;
      if (last && Date.parse(last) + EVENT_TTL_MS < now.getTime())
        this.client.delete(GVRS.events, event, MANAGER);
    }
  }
}
