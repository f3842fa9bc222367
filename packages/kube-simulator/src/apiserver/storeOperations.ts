/*
 * Store operations built on the write pipeline: PATCH (including server-side apply) on the
 * main resource and subresources, the scale subresource, deletecollection, reviews, and the
 * create-or-update used to load scenarios.
 */
import { parse as parseYaml } from 'yaml';
import type { KubeObject, PatchType, ResourceType, UserInfo, WriteOptions } from '../types';
import { serverSideApply } from './apply/serverSideApply';
import { badRequest, conflict, notFound } from './errors';
import { invalid, invalidField, requiredField } from './fieldErrors';
import { formatLabelSelectorObject, LabelSelectorObject } from './labelSelector';
import { cloneJson } from './objects';
import { patchObject } from './patch/applyPatch';
import { answerReview } from './rbac/accessReviews';
import { checkKind, hasStatusSubresource } from './storeMeta';
import { groupResourceKey } from './typeRegistry';
import type { DeleteOptions, InMemoryClusterStore } from './clusterStore';

type Json = Record<string, any>;

/** The identity of in-process callers that pass no user. */
export const SYSTEM_ADMIN: UserInfo = { username: 'system:admin', groups: ['system:masters', 'system:authenticated'] };

const APPLY: PatchType = 'application/apply-patch+yaml';

/** Decodes an apply body: YAML or JSON text, or an already-decoded object. */
export function decodeApplyBody(body: unknown): KubeObject {
  let value = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      value = parseYaml(String(body));
    } catch (err) {
      throw badRequest(`error decoding YAML: ${(err as Error).message}`);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('the apply configuration must be a Kubernetes object');
  return cloneJson(value) as KubeObject;
}

/** Operations that combine reads and the write pipeline. */
export class StoreOperations {
  constructor(private readonly store: InMemoryClusterStore) {}

  private live(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.peek(groupResourceKey(t), t.namespaced ? namespace : undefined, name);
  }

  /** PATCH on the main resource or the status subresource. */
  patch(t: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, options: WriteOptions, subresource?: 'status'): KubeObject {
    this.store.requireVerb(t, 'patch');
    const ns = t.namespaced ? namespace || 'default' : undefined;
    this.store.authorize(options.user, 'patch', t, ns, name, subresource);
    const live = this.live(t, ns, name);
    if (patchType !== APPLY) {
      if (!live) throw notFound(t, name);
      const patched = patchObject(cloneJson(this.store.present(t, live)), patchType, body, !this.store.registry.isCustom(t.group, t.resource));
      return this.store.present(t, this.store.updateObject(t, live, patched, options, { subresource }));
    }
    if (!options.fieldManager) {
      throw invalid('PatchOptions', 'meta.k8s.io', '', [requiredField('fieldManager', 'is required for apply patch')]);
    }
    const applied = decodeApplyBody(body);
    checkKind(t, applied, this.store.registry.versionsOf(t.group, t.resource).map(v => v.version));
    if (applied.metadata.name && applied.metadata.name !== name) {
      throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (t.namespaced && applied.metadata.namespace && applied.metadata.namespace !== ns) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    applied.metadata.name = name;
    if (!live && subresource) throw notFound(t, name);
    const merged = serverSideApply(live ? this.store.present(t, live) : undefined, applied, {
      manager: options.fieldManager,
      force: !!options.force,
      apiVersion: applied.apiVersion,
      time: this.store.timestamp(),
      subresource,
      builtin: !this.store.registry.isCustom(t.group, t.resource),
      hasStatusSubresource: hasStatusSubresource(t),
    });
    const managedFields = merged.metadata.managedFields ?? null;
    if (!live) return this.store.present(t, this.store.createObject(t, ns, merged, options, { managedFields }));
    return this.store.present(t, this.store.updateObject(t, live, merged, options, { subresource, managedFields }));
  }

  /** The autoscaling/v1 Scale of a workload. */
  scaleOf(obj: KubeObject): KubeObject {
    const spec = (obj.spec ?? {}) as Json;
    const status = (obj.status ?? {}) as Json;
    return {
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: {
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: { replicas: spec.replicas ?? 0 },
      status: { replicas: status.replicas ?? 0, selector: spec.selector ? formatLabelSelectorObject(spec.selector as LabelSelectorObject) : '' },
    };
  }

  private requireScale(t: ResourceType): void {
    if (!t.subresources?.includes('scale')) throw notFound({ group: t.group, resource: `${t.resource}/scale` }, '');
  }

  getScale(t: ResourceType, namespace: string | undefined, name: string, user?: UserInfo): KubeObject {
    this.requireScale(t);
    this.store.authorize(user, 'get', t, namespace, name, 'scale');
    const obj = this.live(t, namespace, name);
    if (!obj) throw notFound(t, name);
    return this.scaleOf(obj);
  }

  updateScale(t: ResourceType, namespace: string | undefined, name: string, scale: KubeObject, options: WriteOptions, verb = 'update'): KubeObject {
    this.requireScale(t);
    this.store.authorize(options.user, verb, t, namespace, name, 'scale');
    const old = this.live(t, namespace, name);
    if (!old) throw notFound(t, name);
    const rv = scale?.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(t, name);
    const replicas = (scale?.spec as Json | undefined)?.replicas;
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw invalid('Scale', 'autoscaling', name, [invalidField('spec.replicas', replicas ?? null, 'must be greater than or equal to 0')]);
    }
    const next = cloneJson(old);
    delete next.metadata.resourceVersion;
    next.spec = { ...(next.spec as Json), replicas };
    return this.scaleOf(this.store.updateObject(t, old, next, options, { subresource: 'scale' }));
  }

  patchScale(t: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, options: WriteOptions): KubeObject {
    const current = this.getScale(t, namespace, name, options.user);
    // An apply of a Scale only ever sets spec.replicas; treat it as a merge patch.
    const type = patchType === APPLY ? 'application/merge-patch+json' : patchType;
    const patchBody = patchType === APPLY ? decodeApplyBody(body) : body;
    const patched = patchObject(current, type, patchBody, true);
    return this.updateScale(t, namespace, name, patched, options, 'patch');
  }

  /** DELETE on a collection: deletes every match, returns the list of deleted objects. */
  deleteCollection(t: ResourceType, namespace: string | undefined, options: DeleteOptions & { labelSelector?: string; fieldSelector?: string }): KubeObject[] {
    this.store.requireVerb(t, 'deletecollection');
    this.store.authorize(options.user, 'deletecollection', t, namespace);
    const page = this.store.listRaw(t, namespace, { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector });
    return page.items.map(obj => {
      const current = this.live(t, obj.metadata.namespace, obj.metadata.name!);
      return current ? this.store.present(t, this.store.deleteObject(t, current, options)) : obj;
    });
  }

  /** Creates an access review or self-subject review: answered, never stored. */
  answerReview(t: ResourceType, namespace: string | undefined, body: KubeObject, user?: UserInfo): KubeObject {
    if (t.group === 'metrics.k8s.io') throw badRequest('metrics are read-only');
    checkKind(t, body, [t.version]);
    return answerReview(t.resource, body, user ?? SYSTEM_ADMIN, this.store.authorizer, namespace);
  }

  /**
   * Creates or updates an object as the system and writes its status when it has one
   * (scenario loading). Loading is not an API request: the create (or update) and the status
   * write run through the pipeline as two writes do — the stored object and its managedFields
   * are the same — but commit once, as one resourceVersion and one watch event.
   * Returns the stored, frozen object.
   */
  upsert(obj: KubeObject, options: WriteOptions = {}): KubeObject {
    const t = this.store.typeForKind(obj.apiVersion, obj.kind);
    if (!t) throw badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    const body = cloneJson(obj);
    const ns = this.store.namespaceFor(t, undefined, body);
    const name = body.metadata?.name;
    const existing = name ? this.live(t, ns, name) : undefined;
    if (existing) delete body.metadata.resourceVersion;
    let prepared = existing ? this.store.prepareUpdate(t, existing, body, options) : this.store.prepareCreate(t, ns, body, options, { restore: true });
    if (obj.status !== undefined && hasStatusSubresource(t)) {
      const withStatus = { ...prepared, metadata: { ...prepared.metadata, resourceVersion: undefined }, status: cloneJson(obj.status) };
      prepared = this.store.prepareUpdate(t, prepared, withStatus, options, { subresource: 'status' });
    }
    if (!options.dryRun) {
      if (!existing) this.store.commitCreate(t, prepared);
      else if (prepared !== existing) this.store.commitUpdate(t, prepared, existing);
    }
    return this.store.present(t, prepared);
  }
}
