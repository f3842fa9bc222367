/*
 * The shape shared by the reconciling controllers: subscribe to shared informers, queue the
 * keys of objects that changed, reconcile one key at a time through the store.
 */
import type { Controller, ControllerContext, GVR } from '../types';
import type { ClusterClient } from './clusterClient';
import { EventRecorder } from './eventRecorder';
import type { InformerHandler } from './informer';
import { toKubeTime } from './objects';
import { errorMessage, WorkQueue } from './workQueue';

/** A controller that reconciles object keys queued from informer events. */
export abstract class BaseController implements Controller {
  abstract readonly name: string;
  protected ctx!: ControllerContext;
  protected events!: EventRecorder;
  protected readonly queue: WorkQueue;
  private readonly unsubscribes: Array<() => void> = [];

  constructor(protected readonly client: ClusterClient) {
    this.queue = new WorkQueue(this.constructor.name, key =>
      this.reconcile(key),
    );
  }

  /** Binds the context, subscribes to informers and starts them. */
  start(context: ControllerContext): void {
    this.ctx = context;
    this.client.bind(context.store);
    this.events = new EventRecorder(this.client, context.clock, this.name);
    this.watch();
    this.client.startInformers();
  }

  /** On every clock tick: start informers of CRDs created since, then the controller's periodic work. */
  async tick(now: Date): Promise<void> {
    try {
      this.client.startInformers();
      await this.resync(now);
    } catch (err) {
      // A failed periodic pass is retried on the next tick; it must not break the clock.
      // eslint-disable-next-line no-console
      console.warn(
        `[kube-simulator] ${this.name}: tick failed: ${errorMessage(err)}`,
      );
    }
  }

  /** Stops reconciling and unsubscribes. */
  stop(): void {
    this.queue.stop();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Subscribes to the informers this controller reacts to. */
  protected abstract watch(): void;

  /** Brings the object with this key to its desired state. */
  protected abstract reconcile(key: string): void;

  /** Periodic work on each tick (time-driven transitions); none by default. */
  protected resync(_now: Date): void | Promise<void> {}

  /** Subscribes a handler to the shared informer of a GVR. */
  protected subscribe(gvr: GVR, handler: InformerHandler): void {
    this.unsubscribes.push(this.client.informer(gvr).subscribe(handler));
  }

  /** The simulated time as a Kubernetes timestamp. */
  protected nowTime(): string {
    return toKubeTime(this.ctx.clock.now());
  }
}
