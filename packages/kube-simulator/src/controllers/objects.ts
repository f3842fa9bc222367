/*
 * Small helpers over Kubernetes objects shared by the controllers: keys, owner references,
 * conditions and structural equality.
 */
import type { KubeObject, OwnerReference } from '../types';

// The store's JSON helpers serve the controllers too.
export { cloneJson as clone, deepEqual } from '../apiserver/objects';
/** Formats a Date as Kubernetes RFC 3339 time with second precision. */
export { rfc3339 as toKubeTime } from '../apiserver/storeMeta';

/** A condition as most built-in and CRD statuses carry it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  lastHeartbeatTime?: string;
  observedGeneration?: number;
}

/** The cache key of an object: "namespace/name" or "name". */
export function keyOf(obj: {
  metadata: { namespace?: string; name?: string };
}): string {
  // Joined: one flat string per cached object, not a rope of its pieces.
  return obj.metadata.namespace
    ? [obj.metadata.namespace, obj.metadata.name].join('/')
    : obj.metadata.name ?? '';
}

/** Splits a cache key back into namespace and name. */
export function splitKey(key: string): {
  namespace: string | undefined;
  name: string;
} {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: undefined, name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The controller owner reference of an object, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find(ref => ref.controller);
}

/** An owner reference marking `owner` as the controller of a dependent. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether an object is being deleted. */
export function isTerminating(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

/**
 * Sets a condition in a list, keeping lastTransitionTime when the status did not change,
 * as Kubernetes controllers do. Returns a new list.
 */
export function setCondition(
  conditions: Condition[] | undefined,
  next: Condition,
  now: string,
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  const previous = index >= 0 ? list[index] : undefined;
  const unchanged = previous !== undefined && previous.status === next.status;
  const merged: Condition = {
    ...next,
    lastTransitionTime: unchanged ? previous!.lastTransitionTime ?? now : now,
  };
  if ('lastUpdateTime' in next) {
    const same =
      unchanged &&
      previous!.reason === next.reason &&
      previous!.message === next.message;
    merged.lastUpdateTime = same ? previous!.lastUpdateTime ?? now : now;
  }
  if (index >= 0) list[index] = merged;
  else list.push(merged);
  return list;
}

/** Removes a condition type from a list. */
export function removeCondition(
  conditions: Condition[] | undefined,
  type: string,
): Condition[] {
  return (conditions ?? []).filter(c => c.type !== type);
}

/** Finds a condition by type. */
export function findCondition(
  conditions: unknown,
  type: string,
): Condition | undefined {
  return Array.isArray(conditions)
    ? (conditions as Condition[]).find(c => c.type === type)
    : undefined;
}

/** Counters a status leaves out when they are zero (omitempty): deletes them in place. */
export function omitZeroCounts(
  status: Record<string, unknown>,
  keys: string[],
): void {
  for (const k of keys) if (status[k] === 0) delete status[k];
}

/** A typed view of an object's field, for the untyped `spec` and `status` bags. */
export function field<T>(obj: KubeObject, name: string): T {
  return (obj[name] ?? {}) as T;
}
