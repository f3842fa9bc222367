/*
 * The in-memory object store of one simulated cluster: the ClusterStore contract. Every write
 * runs the API server's pipeline — defaulting, mutating admission, validation, validating
 * admission, managedFields, generation — and commits with the next resourceVersion, which
 * notifies watchers and the built-in controllers (GC, namespaces, CRDs, quota accounting).
 */
import type {
  ClusterStore,
  GVR,
  KubeObject,
  ListOptions,
  ListResult,
  ManagedFieldsEntry,
  PatchType,
  ResourceType,
  UserInfo,
  WatchEvent,
  WriteOptions,
} from '../types';
import { LimitRangerAdmission } from './admission/limitRanger';
import { ResourceQuotaAdmission, updateQuotaUsage } from './admission/resourceQuota';
import type { AdmissionPlugin, AdmissionRequest, Change } from './admission/types';
import { recordUpdate } from './apply/managedFields';
import { BackgroundQueue } from './backgroundQueue';
import { VIRTUAL_GROUPS } from './builtinTypes';
import { preinstalledCustomResourceDefinitions } from './customResourceTable';
import { applyDefaults, initialStatus } from './defaults';
import { alreadyExists, badRequest, conflict, failureStatus, forbidden, methodNotSupported, notFound, StatusError } from './errors';
import { throwIfInvalid } from './fieldErrors';
import { exactNameOf, fieldMatcher } from './fieldSelector';
import { labelMatcher } from './labelSelector';
import { CRD_CLEANUP_FINALIZER, CrdController } from './lifecycle/crdController';
import { FOREGROUND_FINALIZER, GarbageCollector, ORPHAN_FINALIZER } from './lifecycle/garbageCollector';
import { NamespaceLifecycle } from './lifecycle/namespaceLifecycle';
import { Page, paginate } from './listing';
import { MetricsApi, MetricsSource } from './metricsApi';
import { ObjectIndex, ObjectRef } from './objectIndex';
import { cloneJson, deepEqual, deepFreeze } from './objects';
import { bootstrapPolicy } from './rbac/bootstrapPolicy';
import { forbiddenMessage, MASTERS_GROUP, RbacAuthorizer } from './rbac/rbacAuthorizer';
import type { CommitObserver, PropagationPolicy, StoreInternals } from './storeInternals';
import {
  checkKind,
  compactMetadata,
  defaultPropagationPolicy,
  hasStatusSubresource,
  randomSuffix,
  randomUid,
  rfc3339,
  SERVER_OWNED_METADATA,
  tracksGeneration,
} from './storeMeta';
import { groupResourceKey, groupVersion, TypeRegistry } from './typeRegistry';
import { validateObject } from './validation/validateObject';
import { DEFAULT_HISTORY_SIZE, WatchHub } from './watchHub';
import { StoreOperations } from './storeOperations';

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

/** Delete options beyond WriteOptions. */
export type DeleteOptions = WriteOptions & {
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
};

/** Extra write context internal callers (HTTP, controllers) pass along. */
interface WriteContext {
  subresource?: 'status' | 'scale';
  /** managedFields computed by server-side apply; skip Update tracking. */
  managedFields?: ManagedFieldsEntry[] | null;
  /**
   * Scenario loading restores a cluster's state, like an etcd restore: the uid and
   * creationTimestamp of the object are kept (ownerReferences and ages depend on them).
   */
  restore?: boolean;
}

const DEFAULT_MANAGER = 'kube-simulator';

/** The in-memory ClusterStore. */
export class InMemoryClusterStore implements ClusterStore, StoreInternals {
  readonly clusterName: string;
  readonly registry = new TypeRegistry();
  readonly authorizer: RbacAuthorizer;
  readonly metricsApi: MetricsApi;
  /** Usage model for metrics.k8s.io; set by the simulator once controllers are loaded. */
  metricsSource?: MetricsSource;
  /** Higher-level operations (apply, scale, collections, scenario loading). */
  readonly operations: StoreOperations;
  private readonly index = new ObjectIndex();
  private readonly hub: WatchHub;
  private readonly background = new BackgroundQueue();
  private readonly admission: AdmissionPlugin[];
  private readonly observers: CommitObserver[];
  private readonly namespaceLifecycle: NamespaceLifecycle;
  private readonly clock: () => Date;
  private readonly random: () => number;
  private rv = 0;
  private allocatedIPs = 0;
  private allocatedNodePorts = 0;

  constructor(options: ClusterStoreOptions) {
    this.clusterName = options.clusterName;
    this.clock = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.metricsSource = options.metrics;
    this.hub = new WatchHub(options.historySize ?? DEFAULT_HISTORY_SIZE);
    this.authorizer = new RbacAuthorizer(this);
    this.metricsApi = new MetricsApi(this, this.clock, () => this.metricsSource);
    this.namespaceLifecycle = new NamespaceLifecycle(this);
    this.admission = [new LimitRangerAdmission(), new ResourceQuotaAdmission(gr => this.typeOfGroupResource(gr))];
    const quotaAccounting: CommitObserver = {
      onCommit: change => updateQuotaUsage(change, this, (quota, status) => this.writeQuotaStatus(quota, status)),
    };
    this.observers = [new CrdController(this), this.namespaceLifecycle, new GarbageCollector(this), quotaAccounting];
    this.operations = new StoreOperations(this);
    if (!options.bare) this.bootstrap();
  }

  // ---- ClusterStore: types ----

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

  // ---- ClusterStore: reads ----

  get(gvr: GVR, namespace: string | undefined, name: string, user?: UserInfo): KubeObject {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'get');
    this.authorize(user, 'get', t, namespace, name);
    return cloneJson(this.getRaw(t, namespace, name));
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

  list(gvr: GVR, namespace: string | undefined, options: ListOptions = {}): ListResult {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'list');
    this.authorize(options.user, 'list', t, namespace);
    const page = this.listRaw(t, namespace, options);
    const items = options.readOnly ? page.items : page.items.map(o => cloneJson(o));
    const result: ListResult = { items, resourceVersion: String(page.resourceVersion) };
    if (page.continue) result.continue = page.continue;
    if (page.remainingItemCount !== undefined) result.remainingItemCount = page.remainingItemCount;
    return result;
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

  // ---- ClusterStore: watch ----

  watch(
    gvr: GVR,
    namespace: string | undefined,
    options: { resourceVersion?: string; labelSelector?: string; fieldSelector?: string },
    onEvent: (event: WatchEvent) => void,
  ): () => void {
    const t = this.resolve(gvr);
    // Stored objects are frozen, so watchers share them instead of paying for a copy each.
    return this.watchRaw(t, namespace, options, onEvent);
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

  /** Number of live watchers (admin endpoint). */
  watcherCount(): number {
    return this.hub.watcherCount();
  }

  // ---- ClusterStore: writes ----

  create(gvr: GVR, namespace: string | undefined, obj: KubeObject, options: WriteOptions = {}): KubeObject {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'create');
    const body = cloneJson(obj);
    const ns = this.namespaceFor(t, namespace, body);
    this.authorize(options.user, 'create', t, ns, body?.metadata?.name);
    if (VIRTUAL_GROUPS.has(t.group)) return this.operations.answerReview(t, ns, body, options.user);
    return cloneJson(this.present(t, this.createObject(t, ns, body, options)));
  }

  update(gvr: GVR, namespace: string | undefined, obj: KubeObject, options: WriteOptions = {}): KubeObject {
    return this.updateVia(gvr, namespace, obj, options, undefined);
  }

  updateStatus(gvr: GVR, namespace: string | undefined, obj: KubeObject, options: WriteOptions = {}): KubeObject {
    return this.updateVia(gvr, namespace, obj, options, 'status');
  }

  private updateVia(gvr: GVR, namespace: string | undefined, obj: KubeObject, options: WriteOptions, subresource?: 'status'): KubeObject {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'update');
    const body = cloneJson(obj);
    const ns = this.namespaceFor(t, namespace, body);
    const name = body?.metadata?.name;
    if (!name) throw badRequest('name is required in the object metadata for an update');
    this.authorize(options.user, 'update', t, ns, name, subresource);
    const old = this.index.get(groupResourceKey(t), ns, name);
    if (!old) throw notFound(t, name);
    return cloneJson(this.present(t, this.updateObject(t, old, body, options, { subresource })));
  }

  patch(gvr: GVR, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, options: WriteOptions = {}): KubeObject {
    const t = this.resolve(gvr);
    return cloneJson(this.operations.patch(t, namespace, name, patchType, body, options));
  }

  delete(gvr: GVR, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'delete');
    const ns = t.namespaced ? namespace : undefined;
    this.authorize(options.user, 'delete', t, ns, name);
    const obj = this.index.get(groupResourceKey(t), ns, name);
    if (!obj) throw notFound(t, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid) {
      throw conflict(t, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
      throw conflict(t, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`);
    }
    return cloneJson(this.present(t, this.deleteObject(t, obj, options)));
  }

  // ---- authorization ----

  /** Throws 403 Forbidden unless RBAC allows the request (no user or system:masters: allowed). */
  authorize(user: UserInfo | undefined, verb: string, t: { group: string; resource: string }, namespace?: string, name?: string, subresource?: string): void {
    if (!user || user.groups.includes(MASTERS_GROUP)) return;
    const attrs = { user, verb, resourceRequest: true, apiGroup: t.group, resource: t.resource, subresource, name, namespace };
    if (!this.authorizer.authorize(attrs).allowed) throw forbidden(t, name, forbiddenMessage(attrs));
  }

  requireVerb(t: ResourceType, verb: string): void {
    if (!t.verbs.includes(verb)) throw methodNotSupported(t, verb);
  }

  // ---- the write pipeline ----

  /** The namespace a request body lands in (URL first; 400 when body and URL disagree). */
  namespaceFor(t: ResourceType, urlNamespace: string | undefined, body: KubeObject): string | undefined {
    if (!t.namespaced) return undefined;
    const bodyNamespace = body?.metadata?.namespace;
    if (urlNamespace && bodyNamespace && urlNamespace !== bodyNamespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    return urlNamespace || bodyNamespace || 'default';
  }

  private admissionRequest(operation: 'CREATE' | 'UPDATE', t: ResourceType, obj: KubeObject, old: KubeObject | undefined, options: WriteOptions, subresource?: string): AdmissionRequest {
    return { operation, resourceType: t, subresource, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', object: obj, oldObject: old, dryRun: !!options.dryRun, user: options.user };
  }

  /** Creates a prepared body (already copied) in `namespace`. */
  createObject(t: ResourceType, namespace: string | undefined, obj: KubeObject, options: WriteOptions, context: WriteContext = {}): KubeObject {
    checkKind(t, obj, this.registry.versionsOf(t.group, t.resource).map(v => v.version));
    const meta = (obj.metadata = { ...obj.metadata });
    if (t.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    if (t.namespaced) this.namespaceLifecycle.checkCreate(t, namespace!, meta.name);
    if (!meta.name && meta.generateName) meta.name = this.generateName(t, namespace, meta.generateName);
    const restoredUid = context.restore ? meta.uid : undefined;
    const restoredCreation = context.restore ? meta.creationTimestamp : undefined;
    for (const key of SERVER_OWNED_METADATA) delete meta[key];
    if (context.managedFields === undefined) delete meta.managedFields;
    meta.uid = restoredUid ?? randomUid(this.random);
    applyDefaults(t, obj, undefined, this);
    if (hasStatusSubresource(t)) {
      const status = initialStatus(t, obj);
      if (status) obj.status = status;
      else delete obj.status;
    }
    if (t.group === 'apiextensions.k8s.io' && !(meta.finalizers ?? []).includes(CRD_CLEANUP_FINALIZER)) {
      meta.finalizers = [...(meta.finalizers ?? []), CRD_CLEANUP_FINALIZER];
    }
    const request = this.admissionRequest('CREATE', t, obj, undefined, options);
    for (const plugin of this.admission) plugin.admit?.(request, this);
    throwIfInvalid(t.kind, t.group, meta.name ?? '', validateObject(t, obj));
    for (const plugin of this.admission) plugin.validate?.(request, this);
    if (this.index.get(groupResourceKey(t), namespace, meta.name!)) throw alreadyExists(t, meta.name!);
    meta.creationTimestamp = restoredCreation ?? this.timestamp();
    if (tracksGeneration(t, this.registry.isCustom(t.group, t.resource))) meta.generation = 1;
    meta.managedFields =
      context.managedFields === undefined
        ? recordUpdate(undefined, obj, this.fieldArgs(t, options))
        : context.managedFields ?? undefined;
    compactMetadata(obj);
    if (options.dryRun) return obj;
    this.commit(t, 'ADDED', obj);
    return obj;
  }

  private fieldArgs(t: ResourceType, options: WriteOptions, subresource?: string) {
    return {
      manager: options.fieldManager ?? DEFAULT_MANAGER,
      apiVersion: groupVersion(t.group, t.version),
      time: this.timestamp(),
      subresource,
      builtin: !this.registry.isCustom(t.group, t.resource),
      hasStatusSubresource: hasStatusSubresource(t),
    };
  }

  /** Stores `input` (already copied) over `old`. Returns `old` itself for a no-op. */
  updateObject(t: ResourceType, old: KubeObject, input: KubeObject, options: WriteOptions, context: WriteContext = {}): KubeObject {
    checkKind(t, input, this.registry.versionsOf(t.group, t.resource).map(v => v.version));
    const name = old.metadata.name!;
    const inputRv = input.metadata.resourceVersion;
    if (inputRv && inputRv !== old.metadata.resourceVersion) throw conflict(t, name);
    if (input.metadata.uid && input.metadata.uid !== old.metadata.uid) {
      throw conflict(t, name, `Precondition failed: UID in precondition: ${input.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    const statusOnly = context.subresource === 'status';
    // A status write shares everything but status and metadata with the stored (frozen) object.
    const next: KubeObject = statusOnly ? { ...old, metadata: { ...old.metadata }, status: input.status } : input;
    if (!statusOnly) {
      if (hasStatusSubresource(t)) next.status = old.status;
      const m = old.metadata;
      next.metadata = {
        ...next.metadata,
        name,
        namespace: m.namespace,
        uid: m.uid,
        creationTimestamp: m.creationTimestamp,
        deletionTimestamp: m.deletionTimestamp,
        generation: m.generation,
        resourceVersion: m.resourceVersion,
        deletionGracePeriodSeconds: m.deletionGracePeriodSeconds,
      };
    }
    next.apiVersion = old.apiVersion;
    next.kind = old.kind;
    // Status writes leave spec alone: nothing to default or re-validate there.
    if (!statusOnly) applyDefaults(t, next, old, this);
    const request = this.admissionRequest('UPDATE', t, next, old, options, context.subresource);
    for (const plugin of this.admission) plugin.admit?.(request, this);
    if (!statusOnly) throwIfInvalid(t.kind, t.group, name, validateObject(t, next, old));
    for (const plugin of this.admission) plugin.validate?.(request, this);
    const custom = this.registry.isCustom(t.group, t.resource);
    if (!statusOnly && tracksGeneration(t, custom) && this.specChanged(t, old, next)) {
      next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    next.metadata.managedFields =
      context.managedFields === undefined
        ? recordUpdate(old, next, this.fieldArgs(t, options, context.subresource === 'scale' ? 'scale' : context.subresource))
        : context.managedFields ?? undefined;
    compactMetadata(next);
    if (deepEqual(next, old)) return old;
    if (options.dryRun) return next;
    if (next.metadata.deletionTimestamp && this.canFinalize(t, next)) {
      this.commit(t, 'DELETED', next, old);
      return next;
    }
    this.commit(t, 'MODIFIED', next, old);
    return next;
  }

  private specChanged(t: ResourceType, old: KubeObject, next: KubeObject): boolean {
    const strip = (o: KubeObject) => {
      const { metadata: _m, status: _s, ...rest } = o;
      return hasStatusSubresource(t) ? rest : { ...rest, status: _s };
    };
    return !deepEqual(strip(old), strip(next));
  }

  private canFinalize(t: ResourceType, obj: KubeObject): boolean {
    if (t.group === '' && t.resource === 'namespaces') return NamespaceLifecycle.canFinalize(obj);
    return (obj.metadata.finalizers ?? []).length === 0;
  }

  /** Deletes (or starts deleting, when finalizers remain) a stored object. */
  deleteObject(t: ResourceType, obj: KubeObject, options: DeleteOptions): KubeObject {
    if (t.group === '' && t.resource === 'namespaces') {
      if (obj.metadata.deletionTimestamp) return obj;
      const terminating = this.namespaceLifecycle.beginTermination(obj);
      if (!options.dryRun) this.commit(t, 'MODIFIED', terminating, obj);
      return terminating;
    }
    const policy = options.propagationPolicy ?? defaultPropagationPolicy(t);
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    if (this.index.dependentsOf(obj.metadata.uid!).length > 0) {
      const extra = ({ Foreground: FOREGROUND_FINALIZER, Orphan: ORPHAN_FINALIZER } as Record<string, string | undefined>)[policy];
      if (extra && !finalizers.includes(extra)) finalizers.push(extra);
    }
    if (finalizers.length > 0) {
      if (obj.metadata.deletionTimestamp && finalizers.length === (obj.metadata.finalizers ?? []).length) return obj;
      const next: KubeObject = {
        ...obj,
        metadata: { ...obj.metadata, deletionTimestamp: obj.metadata.deletionTimestamp ?? this.timestamp(), deletionGracePeriodSeconds: 0, finalizers },
      };
      if (!options.dryRun) this.commit(t, 'MODIFIED', next, obj);
      return next;
    }
    if (options.dryRun) return obj;
    const deleted: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    this.commit(t, 'DELETED', deleted, obj);
    return deleted;
  }

  private commit(t: ResourceType, type: Change['type'], obj: KubeObject, previous?: KubeObject): void {
    const rv = ++this.rv;
    obj.metadata.resourceVersion = String(rv);
    deepFreeze(obj);
    const gr = groupResourceKey(t);
    if (type === 'DELETED') this.index.remove(gr, previous ?? obj);
    else this.index.put(gr, obj, previous);
    this.hub.emit({ rv, type, groupResource: gr, object: obj, previous });
    const change: Change = { type, resourceType: t, object: obj, previous };
    for (const observer of this.observers) observer.onCommit(change);
  }

  private writeQuotaStatus(quota: KubeObject, status: Record<string, unknown>): void {
    const t = this.typeOfGroupResource('/resourcequotas')!;
    this.updateObject(t, quota, { ...quota, status }, { fieldManager: 'kube-apiserver' }, { subresource: 'status' });
  }

  private generateName(t: ResourceType, namespace: string | undefined, prefix: string): string {
    for (;;) {
      const name = `${prefix}${randomSuffix(this.random)}`;
      if (!this.index.get(groupResourceKey(t), namespace, name)) return name;
    }
  }

  // ---- StoreInternals and DefaultingContext ----

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

  createAsSystem(t: ResourceType, obj: KubeObject): KubeObject {
    return this.createObject(t, obj.metadata.namespace, cloneJson(obj), { fieldManager: 'kube-controller-manager' });
  }

  updateAsSystem(t: ResourceType, old: KubeObject, next: KubeObject, manager: string, subresource?: 'status'): KubeObject {
    const body = cloneJson(next);
    delete body.metadata.resourceVersion;
    return this.updateObject(t, old, body, { fieldManager: manager }, { subresource });
  }

  deleteAsSystem(t: ResourceType, obj: KubeObject, propagationPolicy?: PropagationPolicy): void {
    this.deleteObject(t, obj, { propagationPolicy });
  }

  dropAll(t: ResourceType): void {
    for (const obj of [...this.index.scan(groupResourceKey(t), undefined)]) {
      this.commit(t, 'DELETED', { ...obj, metadata: { ...obj.metadata } }, obj);
    }
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

  // ---- lifecycle ----

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

  private bootstrap(): void {
    const ns = this.typeOfGroupResource('/namespaces')!;
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.createAsSystem(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    for (const obj of [...bootstrapPolicy(), ...preinstalledCustomResourceDefinitions()]) {
      this.createObject(this.typeForKind(obj.apiVersion, obj.kind)!, undefined, cloneJson(obj), { fieldManager: 'kube-apiserver' });
    }
    this.createAsSystem(this.typeOfGroupResource('/services')!, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
    });
  }
}
