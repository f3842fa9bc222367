/*
 * The storage half of a cluster store: objects, the resourceVersion counter, commits (which
 * notify watchers and the built-in controllers), reads, watches and background work. The
 * write pipeline on top of it is InMemoryClusterStore (clusterStore.ts).
 */
import type { GVR, KubeObject, ListOptions, ResourceType, WatchEvent } from '../types';
import type { Change } from './admission/types';
import { BackgroundQueue } from './backgroundQueue';
import { badRequest, failureStatus, methodNotSupported, notFound, StatusError } from './errors';
import { exactNameOf, fieldMatcher } from './fieldSelector';
import { labelMatcher } from './labelSelector';
import { Page, paginate } from './listing';
import { MetricsApi, MetricsSource } from './metricsApi';
import { ObjectIndex, ObjectRef } from './objectIndex';
import { deepFreeze } from './objects';
import type { CommitObserver } from './storeInternals';
import { sharedStructures } from './sharedStructures';
import { rfc3339 } from './storeMeta';
import { groupResourceKey, groupVersion, TypeRegistry } from './typeRegistry';
import { DEFAULT_HISTORY_SIZE, WatchHub } from './watchHub';

/** Options of a cluster store. */
export interface ClusterStoreOptions {
  clusterName: string;
  /** Simulated time; defaults to the wall clock. */
  now?: () => Date;
  /** Randomness for uids and generated names; seed it for reproducible scenarios. */
  random?: () => number;
  /** Watch events kept for resuming watches (default 10,000). */
  historySize?: number;
  /** Skip default namespaces, bootstrap RBAC and pre-installed CRDs (focused unit tests). */
  bare?: boolean;
  /** Usage figures for metrics.k8s.io. */
  metrics?: MetricsSource;
}

/** Objects, commits, reads and watches of one cluster. */
export abstract class ObjectStoreCore {
  readonly clusterName: string;
  readonly registry = new TypeRegistry();
  readonly metricsApi: MetricsApi;
  /** Usage model for metrics.k8s.io; set by the simulator once controllers are loaded. */
  metricsSource?: MetricsSource;
  protected readonly index = new ObjectIndex();
  protected readonly hub: WatchHub;
  protected readonly background = new BackgroundQueue();
  /** Built-in controllers told about every commit; filled by the subclass. */
  protected observers: CommitObserver[] = [];
  protected readonly clock: () => Date;
  protected readonly random: () => number;
  private rv = 0;
  private allocatedIPs = 0;
  private allocatedNodePorts = 0;

  constructor(options: ClusterStoreOptions) {
    this.clusterName = options.clusterName;
    this.clock = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.metricsSource = options.metrics;
    this.hub = new WatchHub(options.historySize ?? DEFAULT_HISTORY_SIZE);
    this.metricsApi = new MetricsApi(this, this.clock, () => this.metricsSource);
  }

  types(): ResourceType[] {
    return this.registry.types();
  }

  typeFor(gvr: GVR): ResourceType | undefined {
    return this.registry.typeFor(gvr);
  }

  typeForKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.registry.typeForKind(apiVersion, kind);
  }

  /** The type at a GVR or 404 NotFound as the real server answers an unknown path. */
  resolve(gvr: GVR): ResourceType {
    const t = this.registry.typeFor(gvr);
    if (!t) throw new StatusError(failureStatus(404, 'NotFound', 'the server could not find the requested resource', {}));
    return t;
  }

  /** The current resourceVersion of the cluster. */
  currentResourceVersion(): string {
    return String(this.rv);
  }

  /** A stored object as served at t's version, not copied: callers must not mutate it. */
  getRaw(t: ResourceType, namespace: string | undefined, name: string): KubeObject {
    if (t.group === 'metrics.k8s.io') {
      return t.resource === 'pods' ? this.metricsApi.getPod(namespace ?? 'default', name) : this.metricsApi.getNode(name);
    }
    const obj = this.index.get(groupResourceKey(t), t.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(t, name);
    return this.present(t, obj);
  }

  /** One page of stored objects as served at t's version, not copied (the HTTP fast path). */
  listRaw(t: ResourceType, namespace: string | undefined, options: Omit<ListOptions, 'user'> = {}): Page {
    const matches = this.matcher(t, options);
    if (t.group === 'metrics.k8s.io') {
      const all = t.resource === 'pods' ? this.metricsApi.listPods(namespace) : this.metricsApi.listNodes();
      return paginate(all, matches, options, this.rv);
    }
    const gr = groupResourceKey(t);
    const ns = t.namespaced ? namespace : undefined;
    const exactName = exactNameOf(options.fieldSelector);
    let sorted: KubeObject[];
    if (exactName !== undefined && ns !== undefined) {
      const one = this.index.get(gr, ns, exactName);
      sorted = one ? [one] : [];
    } else sorted = this.index.list(gr, ns);
    const page = paginate(sorted, matches, options, this.rv);
    page.items = page.items.map(o => this.present(t, o));
    return page;
  }

  private matcher(t: ResourceType, options: { labelSelector?: string; fieldSelector?: string }): ((o: KubeObject) => boolean) | undefined {
    if (!options.labelSelector && !options.fieldSelector) return undefined;
    const labels = labelMatcher(options.labelSelector);
    const fields = fieldMatcher(t, options.fieldSelector, this.registry.isCustom(t.group, t.resource));
    return obj => labels(obj.metadata.labels) && fields(obj);
  }

  /** Serves a stored object at the requested version (custom resources store one version). */
  present(t: ResourceType, obj: KubeObject): KubeObject {
    const gv = groupVersion(t.group, t.version);
    return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
  }

  /** Watch without copying; objects delivered are shared snapshots. */
  watchRaw(
    t: ResourceType,
    namespace: string | undefined,
    options: { resourceVersion?: string; labelSelector?: string; fieldSelector?: string; sendInitialEvents?: boolean },
    deliver: (event: WatchEvent) => void,
    afterInitial?: () => WatchEvent,
  ): () => void {
    this.requireVerb(t, 'watch');
    const matches = this.matcher(t, options) ?? (() => true);
    const gr = groupResourceKey(t);
    const ns = t.namespaced ? namespace : undefined;
    const rvText = options.resourceVersion;
    let fromRv: number | undefined;
    let initial: KubeObject[] | undefined;
    if (!rvText || rvText === '0' || options.sendInitialEvents) {
      initial = this.index.list(gr, ns).filter(matches);
    } else {
      fromRv = Number(rvText);
      if (!Number.isInteger(fromRv) || fromRv < 0) throw badRequest(`invalid resource version: ${rvText}`);
    }
    const present = (event: WatchEvent): WatchEvent =>
      event.type === 'ERROR' || event.type === 'BOOKMARK' ? event : { type: event.type, object: this.present(t, event.object) };
    return this.hub.subscribe(
      { groupResource: gr, namespace: ns, matches },
      { fromRv, initial, afterInitial: initial && afterInitial ? afterInitial() : undefined },
      event => deliver(present(event)),
    );
  }

  /**
   * Restores state (scenario loading): the commits `fn` makes are not kept in the watch
   * history, which starts at the resourceVersion reached (see WatchHub.restoring).
   */
  restoring<T>(fn: () => T): T {
    return this.hub.restoring(fn, () => this.rv);
  }

  /** Number of live watchers (admin endpoint). */
  watcherCount(): number {
    return this.hub.watcherCount();
  }

  requireVerb(t: ResourceType, verb: string): void {
    if (!t.verbs.includes(verb)) throw methodNotSupported(t, verb);
  }

  protected commit(t: ResourceType, type: Change['type'], obj: KubeObject, previous?: KubeObject): void {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    sharedStructures.shareParts(obj);
    deepFreeze(obj);
    const gr = groupResourceKey(t);
    if (type === 'DELETED') this.index.remove(gr, previous ?? obj);
    else this.index.put(gr, obj, previous);
    this.hub.emit({ rv, type, groupResource: gr, object: obj, previous });
    const change: Change = { type, resourceType: t, object: obj, previous };
    for (const observer of this.observers) observer.onCommit(change);
  }

  peek(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.index.get(groupResource, namespace, name);
  }

  scan(groupResource: string, namespace: string | undefined): Iterable<KubeObject> {
    return this.index.scan(groupResource, namespace);
  }

  timestamp(): string {
    return rfc3339(this.clock());
  }

  now(): Date {
    return this.clock();
  }

  typeOfGroupResource(groupResource: string): ResourceType | undefined {
    const slash = groupResource.indexOf('/');
    return this.registry.versionsOf(groupResource.slice(0, slash), groupResource.slice(slash + 1))[0];
  }

  dependentsOf(uid: string): ObjectRef[] {
    return this.index.dependentsOf(uid);
  }

  groupResourcesIn(namespace: string): string[] {
    return this.index.groupResourcesIn(namespace);
  }

  countIn(namespace: string): number {
    return this.index.groupResourcesIn(namespace).reduce((n, gr) => n + this.index.count(gr, namespace), 0);
  }

  schedule(task: () => void, key?: string): void {
    this.background.schedule(task, key);
  }

  allocateClusterIP(): string {
    const n = ++this.allocatedIPs + 9;
    return `10.96.${Math.floor(n / 256) % 256}.${n % 256}`;
  }

  allocateNodePort(): number {
    return 30000 + (this.allocatedNodePorts++ % 2768);
  }

  /** Resolves once background work (GC, namespace and CRD cleanup) and watch delivery settle. */
  async settle(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await this.background.idle();
      // One more turn lets queued watch deliveries run, and whatever they trigger.
      await new Promise(resolve => setImmediate(resolve));
      if (this.background.isIdle()) return;
    }
  }

  /** Stops watchers and background work. */
  close(): void {
    this.hub.closeAll();
    this.background.stop();
  }
}
