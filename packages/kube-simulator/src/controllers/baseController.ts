/*
 * The shape shared by the reconciling controllers: subscribe to shared informers, queue the
 * keys of objects that changed, reconcile one key at a time through the store.
 */
import type { Controller, ControllerContext, GVR, KubeObject } from '../types';
import type { ClusterClient } from './clusterClient';
import { EventRecorder } from './eventRecorder';
import { GVRS } from './gvr';
import type { InformerHandler } from './informer';
import {
  controllerOf,
  isTerminating,
  keyOf,
  splitKey,
  toKubeTime,
} from './objects';
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

  /**
   * Queues a dependent's controller when it is of `kind`: the one controlling the object now,
   * or, when the change removed the owner reference, the one that controlled it before.
   */
  protected queueController(
    kind: string,
    obj: KubeObject,
    old?: KubeObject,
  ): void {
    const owner = controllerOf(obj) ?? (old && controllerOf(old));
    if (owner?.kind === kind)
      this.queue.add(`${obj.metadata.namespace}/${owner.name}`);
  }

  /** Queues the cached objects of a synced informer that `select` picks, and reconciles them now. */
  protected requeueAll(
    gvr: GVR,
    select: (obj: KubeObject) => boolean = () => true,
  ): void {
    const informer = this.client.informer(gvr);
    if (!informer.synced) return;
    for (const obj of informer.list())
      if (select(obj)) this.queue.add(keyOf(obj));
    this.queue.flush();
  }

  /** The cached object of a queued key; undefined when it is gone or being deleted. */
  protected activeObject(gvr: GVR, key: string): KubeObject | undefined {
    const { namespace, name } = splitKey(key);
    const obj = this.client.informer(gvr).get(namespace, name);
    return obj && !isTerminating(obj) ? obj : undefined;
  }

  /** The newest cached version of an object (the object itself when the cache has none). */
  protected latest(gvr: GVR, obj: KubeObject): KubeObject {
    return (
      this.client
        .informer(gvr)
        .get(obj.metadata.namespace, obj.metadata.name!) ?? obj
    );
  }

  /** Creates a pod for `owner` and records SuccessfulCreate, like kube-controller-manager's PodControl. */
  protected createPod(owner: KubeObject, pod: KubeObject): KubeObject {
    const created = this.client.create(GVRS.pods, pod, this.name);
    this.events.record(
      owner,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${pod.metadata.name}`,
    );
    return created;
  }

  /** Records that the store rejected a pod of `owner`. */
  protected recordFailedCreate(owner: KubeObject, message: string): void {
    this.events.record(
      owner,
      'Warning',
      'FailedCreate',
      `Error creating: ${message}`,
    );
  }

  /** Deletes a pod of `owner` and records SuccessfulDelete. */
  protected deletePod(owner: KubeObject, pod: KubeObject): void {
    this.client.delete(GVRS.pods, pod, this.name);
    this.events.record(
      owner,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${pod.metadata.name}`,
    );
  }

  /** The simulated time as a Kubernetes timestamp. */
  protected nowTime(): string {
    return toKubeTime(this.ctx.clock.now());
  }
}
