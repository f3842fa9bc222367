/*
 * The storage of one cluster: objects by group/resource, namespace and name, plus an index of
 * dependents by owner uid for garbage collection. Stored objects are never mutated in place;
 * every write stores a new object, so references handed to watchers stay valid snapshots.
 */
import type { KubeObject } from '../types';

/** The sort/continue key of an object: `namespace/name` (cluster-scoped: `/name`). */
export function objectKey(namespace: string | undefined, name: string): string {
  return [namespace ?? '', name].join('/');
}

// Keys are joined rather than concatenated: one flat string each, not a rope of the pieces.
function dependentKey(groupResource: string, namespace: string, name: string): string {
  return [groupResource, namespace, name].join('|');
}

class Bucket {
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  size = 0;
  private sortedKeys: string[] | undefined;

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  put(namespace: string, name: string, obj: KubeObject): void {
    let ns = this.byNamespace.get(namespace);
    if (!ns) {
      ns = new Map();
      this.byNamespace.set(namespace, ns);
    }
    if (!ns.has(name)) {
      this.size++;
      this.sortedKeys = undefined;
    }
    ns.set(name, obj);
  }

  remove(namespace: string, name: string): void {
    const ns = this.byNamespace.get(namespace);
    if (ns?.delete(name)) {
      this.size--;
      this.sortedKeys = undefined;
      if (ns.size === 0) this.byNamespace.delete(namespace);
    }
  }

  /** Keys in etcd order (namespace, then name); cached until an object is added or removed. */
  keys(): string[] {
    if (!this.sortedKeys) {
      const keys: string[] = [];
      for (const [ns, objects] of this.byNamespace) for (const name of objects.keys()) keys.push(objectKey(ns, name));
      this.sortedKeys = keys.sort();
    }
    return this.sortedKeys;
  }
}

/** A reference to a stored object by its storage coordinates. */
export interface ObjectRef {
  groupResource: string;
  namespace: string;
  name: string;
}

/** All objects of one cluster. */
export class ObjectIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly dependents = new Map<string, Map<string, ObjectRef>>();

  private bucket(groupResource: string): Bucket {
    let b = this.buckets.get(groupResource);
    if (!b) {
      b = new Bucket();
      this.buckets.set(groupResource, b);
    }
    return b;
  }

  get(groupResource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.buckets.get(groupResource)?.get(namespace ?? '', name);
  }

  put(groupResource: string, obj: KubeObject, previous?: KubeObject): void {
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    if (previous) this.unindexOwners(groupResource, previous);
    this.bucket(groupResource).put(namespace, name, obj);
    this.indexOwners(groupResource, obj);
  }

  remove(groupResource: string, obj: KubeObject): void {
    this.unindexOwners(groupResource, obj);
    this.buckets.get(groupResource)?.remove(obj.metadata.namespace ?? '', obj.metadata.name!);
  }

  /** Objects of a group/resource, in one namespace or all, in key order. */
  list(groupResource: string, namespace: string | undefined): KubeObject[] {
    const b = this.buckets.get(groupResource);
    if (!b) return [];
    if (namespace !== undefined) {
      const ns = b.byNamespace.get(namespace);
      if (!ns) return [];
      return [...ns.keys()].sort().map(name => ns.get(name)!);
    }
    return b.keys().map(key => {
      const slash = key.indexOf('/');
      return b.get(key.slice(0, slash), key.slice(slash + 1))!;
    });
  }

  /** Objects without sorting, for internal scans (quota, RBAC) where order does not matter. */
  scan(groupResource: string, namespace: string | undefined): Iterable<KubeObject> {
    const b = this.buckets.get(groupResource);
    if (!b) return [];
    if (namespace !== undefined) return b.byNamespace.get(namespace)?.values() ?? [];
    return (function* all() {
      for (const ns of b.byNamespace.values()) yield* ns.values();
    })();
  }

  count(groupResource: string, namespace?: string): number {
    const b = this.buckets.get(groupResource);
    if (!b) return 0;
    return namespace === undefined ? b.size : b.byNamespace.get(namespace)?.size ?? 0;
  }

  /** Group/resources that have at least one object in the namespace. */
  groupResourcesIn(namespace: string): string[] {
    return [...this.buckets.entries()].filter(([, b]) => (b.byNamespace.get(namespace)?.size ?? 0) > 0).map(([gr]) => gr);
  }

  /** Drops every object of a group/resource (a deleted CRD's instances). */
  dropGroupResource(groupResource: string): KubeObject[] {
    const b = this.buckets.get(groupResource);
    if (!b) return [];
    const all = [...this.scan(groupResource, undefined)];
    for (const obj of all) this.unindexOwners(groupResource, obj);
    this.buckets.delete(groupResource);
    return all;
  }

  /** Objects whose ownerReferences name this uid. */
  dependentsOf(uid: string): ObjectRef[] {
    return [...(this.dependents.get(uid)?.values() ?? [])];
  }

  private indexOwners(groupResource: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) {
        set = new Map();
        this.dependents.set(ref.uid, set);
      }
      const namespace = obj.metadata.namespace ?? '';
      set.set(dependentKey(groupResource, namespace, obj.metadata.name!), { groupResource, namespace, name: obj.metadata.name! });
    }
  }

  private unindexOwners(groupResource: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid);
      set?.delete(dependentKey(groupResource, obj.metadata.namespace ?? '', obj.metadata.name!));
      if (set && set.size === 0) this.dependents.delete(ref.uid);
    }
  }
}
