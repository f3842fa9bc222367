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
import type { AdmissionPlugin, AdmissionRequest } from './admission/types';
import { recordUpdate } from './apply/managedFields';
import { VIRTUAL_GROUPS } from './builtinTypes';
import { preinstalledCustomResourceDefinitions } from './customResourceTable';
import { applyDefaults, initialStatus } from './defaults';
import { alreadyExists, badRequest, conflict, forbidden, notFound } from './errors';
import { throwIfInvalid } from './fieldErrors';
import { CRD_CLEANUP_FINALIZER, CrdController } from './lifecycle/crdController';
import { FOREGROUND_FINALIZER, GarbageCollector, ORPHAN_FINALIZER } from './lifecycle/garbageCollector';
import { NamespaceLifecycle } from './lifecycle/namespaceLifecycle';
import { cloneJson, deepEqual } from './objects';
import { bootstrapPolicy } from './rbac/bootstrapPolicy';
import { forbiddenMessage, MASTERS_GROUP, RbacAuthorizer } from './rbac/rbacAuthorizer';
import { ClusterStoreOptions, ObjectStoreCore } from './storeCore';
import type { CommitObserver, PropagationPolicy, StoreInternals } from './storeInternals';
import {
  checkKind,
  compactMetadata,
  defaultPropagationPolicy,
  hasStatusSubresource,
  randomSuffix,
  randomUid,
  SERVER_OWNED_METADATA,
  tracksGeneration,
} from './storeMeta';
import { StoreOperations } from './storeOperations';
import { groupResourceKey, groupVersion } from './typeRegistry';
import { validateObject } from './validation/validateObject';

export type { ClusterStoreOptions } from './storeCore';

/**
 * Runs a pipeline step over a client body. A field of the wrong JSON type (a string where an
 * object belongs) surfaces as a TypeError; the real server rejects such bodies while decoding,
 * with 400 BadRequest, never with a 500.
 */
function asDecodable(t: ResourceType, step: () => void): void {
  try {
    step();
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    const gv = groupVersion(t.group, t.version);
    throw badRequest(`${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: malformed ${gv} ${t.kind}: ${err.message}`);
  }
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

/** The in-memory ClusterStore: the API server's write pipeline over ObjectStoreCore. */
export class InMemoryClusterStore extends ObjectStoreCore implements ClusterStore, StoreInternals {
  readonly authorizer: RbacAuthorizer;
  /** Higher-level operations (apply, scale, collections, scenario loading). */
  readonly operations: StoreOperations;
  private readonly admission: AdmissionPlugin[];
  private readonly namespaceLifecycle: NamespaceLifecycle;

  constructor(options: ClusterStoreOptions) {
    super(options);
    this.authorizer = new RbacAuthorizer(this);
    this.namespaceLifecycle = new NamespaceLifecycle(this);
    this.admission = [new LimitRangerAdmission(), new ResourceQuotaAdmission(gr => this.typeOfGroupResource(gr))];
    const quotaAccounting: CommitObserver = {
      onCommit: change => updateQuotaUsage(change, this, (quota, status) => this.writeQuotaStatus(quota, status)),
    };
    this.observers = [new CrdController(this), this.namespaceLifecycle, new GarbageCollector(this), quotaAccounting];
    this.operations = new StoreOperations(this);
    if (!options.bare) this.bootstrap();
  }

  get(gvr: GVR, namespace: string | undefined, name: string, user?: UserInfo): KubeObject {
    const t = this.resolve(gvr);
    this.requireVerb(t, 'get');
    this.authorize(user, 'get', t, namespace, name);
    return cloneJson(this.getRaw(t, namespace, name));
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

  /** Throws 403 Forbidden unless RBAC allows the request (no user or system:masters: allowed). */
  authorize(user: UserInfo | undefined, verb: string, t: { group: string; resource: string }, namespace?: string, name?: string, subresource?: string): void {
    if (!user || user.groups.includes(MASTERS_GROUP)) return;
    const attrs = { user, verb, resourceRequest: true, apiGroup: t.group, resource: t.resource, subresource, name, namespace };
    if (!this.authorizer.authorize(attrs).allowed) throw forbidden(t, name, forbiddenMessage(attrs));
  }

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
    const created = this.prepareCreate(t, namespace, obj, options, context);
    if (!options.dryRun) this.commit(t, 'ADDED', created);
    return created;
  }

  /** The object a create would store (defaulted, admitted, validated), not committed yet. */
  prepareCreate(t: ResourceType, namespace: string | undefined, obj: KubeObject, options: WriteOptions, context: WriteContext = {}): KubeObject {
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
    asDecodable(t, () => applyDefaults(t, obj, undefined, this));
    if (hasStatusSubresource(t)) {
      const status = initialStatus(t, obj);
      if (status) obj.status = status;
      else delete obj.status;
    }
    if (t.group === 'apiextensions.k8s.io' && !(meta.finalizers ?? []).includes(CRD_CLEANUP_FINALIZER)) {
      meta.finalizers = [...(meta.finalizers ?? []), CRD_CLEANUP_FINALIZER];
    }
    const request = this.admissionRequest('CREATE', t, obj, undefined, options);
    asDecodable(t, () => {
      for (const plugin of this.admission) plugin.admit?.(request, this);
      throwIfInvalid(t.kind, t.group, meta.name ?? '', validateObject(t, obj));
      for (const plugin of this.admission) plugin.validate?.(request, this);
    });
    if (this.index.get(groupResourceKey(t), namespace, meta.name!)) throw alreadyExists(t, meta.name!);
    meta.creationTimestamp = restoredCreation ?? this.timestamp();
    if (tracksGeneration(t, this.registry.isCustom(t.group, t.resource))) meta.generation = 1;
    meta.managedFields =
      context.managedFields === undefined
        ? recordUpdate(undefined, obj, this.fieldArgs(t, options))
        : context.managedFields ?? undefined;
    compactMetadata(obj);
    return obj;
  }

  /** Commits a prepared create. */
  commitCreate(t: ResourceType, obj: KubeObject): void {
    this.commit(t, 'ADDED', obj);
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
    const next = this.prepareUpdate(t, old, input, options, context);
    if (next !== old && !options.dryRun) this.commitUpdate(t, next, old);
    return next;
  }

  /** The object an update of `old` would store, not committed yet; `old` itself for a no-op. */
  prepareUpdate(t: ResourceType, old: KubeObject, input: KubeObject, options: WriteOptions, context: WriteContext = {}): KubeObject {
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
    if (!statusOnly) asDecodable(t, () => applyDefaults(t, next, old, this));
    const request = this.admissionRequest('UPDATE', t, next, old, options, context.subresource);
    asDecodable(t, () => {
      for (const plugin of this.admission) plugin.admit?.(request, this);
      if (!statusOnly) throwIfInvalid(t.kind, t.group, name, validateObject(t, next, old));
      for (const plugin of this.admission) plugin.validate?.(request, this);
    });
    const custom = this.registry.isCustom(t.group, t.resource);
    if (!statusOnly && tracksGeneration(t, custom) && this.specChanged(t, old, next)) {
      next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    next.metadata.managedFields =
      context.managedFields === undefined
        ? recordUpdate(old, next, this.fieldArgs(t, options, context.subresource === 'scale' ? 'scale' : context.subresource))
        : context.managedFields ?? undefined;
    compactMetadata(next);
    return deepEqual(next, old) ? old : next;
  }

  /** Commits a prepared update of `old` (a deletion when it removed the last finalizer). */
  commitUpdate(t: ResourceType, next: KubeObject, old: KubeObject): void {
    this.commit(t, next.metadata.deletionTimestamp && this.canFinalize(t, next) ? 'DELETED' : 'MODIFIED', next, old);
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
