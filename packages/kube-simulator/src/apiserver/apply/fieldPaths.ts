/*
 * Field paths as server-side apply sees them (sigs.k8s.io/structured-merge-diff): path
 * elements are the FieldsV1 keys `f:name`, `k:{"name":"x"}` (map-list item), `v:"a"` (set
 * member) and `.` (the list item itself). A field set is a set of leaf paths; it converts to
 * and from the FieldsV1 JSON stored in metadata.managedFields.
 */
import { itemKey, listTypeOf } from '../patch/listTypes';
import { sharedStructures } from '../sharedStructures';

/** One leaf path, its elements joined by SEP. */
export type FieldPath = string;
/** A set of leaf paths. */
export type FieldSet = Set<FieldPath>;

const SEP = '\u0000';

/** Metadata fields the server owns; never part of a manager's set. */
const SERVER_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** Whether a value is a JSON object. */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The JSON of a map-list item key with sorted fields, as FieldsV1 `k:` elements spell it. */
export function sortedKeyJson(key: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(key).sort()) sorted[k] = key[k];
  return JSON.stringify(sorted);
}

/** Joins path elements. */
export function joinPath(elements: string[]): FieldPath {
  return elements.join(SEP);
}

/** Splits a path into elements. */
export function splitPath(path: FieldPath): string[] {
  return path === '' ? [] : path.split(SEP);
}

/** Which part of the object a field set covers. */
export type FieldScope = 'main' | 'status';

/** Visits every top-level field that belongs to the scope (main resource or status subresource). */
/** The top-level fields that belong to the scope (server-owned metadata excluded). */
export function topLevelEntries(obj: Record<string, unknown>, scope: FieldScope, hasStatusSubresource: boolean): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind') continue;
    if (scope === 'status' ? key !== 'status' : hasStatusSubresource && key === 'status') continue;
    if (key === 'metadata' && isMap(value)) {
      const meta: Record<string, unknown> = {};
      for (const [mk, mv] of Object.entries(value)) if (!SERVER_METADATA.has(mk) && mv !== undefined) meta[mk] = mv;
      if (Object.keys(meta).length > 0 && scope === 'main') entries.push([key, meta]);
      continue;
    }
    if (value !== undefined) entries.push([key, value]);
  }
  return entries;
}

/** Receives the elements of one leaf path. */
export type AddLeaf = (elements: string[]) => void;

/** Visits the leaf paths of a value at `path`. */
export function collect(value: unknown, field: string, path: string[], builtin: boolean, add: AddLeaf): void {
  if (isMap(value)) {
    const keys = Object.keys(value).filter(k => value[k] !== undefined);
    if (keys.length === 0) {
      add(path);
      return;
    }
    for (const k of keys) collect(value[k], k, [...path, `f:${k}`], builtin, add);
    return;
  }
  if (Array.isArray(value)) {
    const lt = listTypeOf(field, value, builtin);
    if (lt.type === 'set' && value.every(v => !isMap(v) && !Array.isArray(v))) {
      if (value.length === 0) add(path);
      for (const v of value) add([...path, `v:${JSON.stringify(v)}`]);
      return;
    }
    if (lt.type === 'map' && value.length > 0 && value.every(v => itemKey(v, lt.keys) !== undefined)) {
      for (const item of value) {
        const itemPath = [...path, `k:${sortedKeyJson(itemKey(item, lt.keys)!)}`];
        add([...itemPath, '.']);
        for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
          if (v !== undefined) collect(v, k, [...itemPath, `f:${k}`], builtin, add);
        }
      }
      return;
    }
  }
  add(path);
}

/** How an object's fields are classified. */
export type FieldOptions = { builtin: boolean; scope: FieldScope; hasStatusSubresource: boolean };

function walkObject(obj: Record<string, unknown>, options: FieldOptions, add: AddLeaf): void {
  for (const [key, value] of topLevelEntries(obj, options.scope, options.hasStatusSubresource)) {
    collect(value, key, [`f:${key}`], options.builtin, add);
  }
}

/** The leaf paths of an object within a scope. */
export function fieldSetOf(obj: Record<string, unknown>, options: FieldOptions): FieldSet {
  const out: FieldSet = new Set();
  walkObject(obj, options, elements => out.add(joinPath(elements)));
  return out;
}

/** Adds what `collect` visits below a value to the FieldsV1 node of its path, without path arrays. */
function collectInto(value: unknown, field: string, node: Record<string, any>, builtin: boolean): void {
  if (isMap(value)) {
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v !== undefined) collectInto(v, k, (node[`f:${k}`] ??= {}), builtin);
    }
    return;
  }
  if (!Array.isArray(value)) return;
  const lt = listTypeOf(field, value, builtin);
  if (lt.type === 'set' && value.every(v => !isMap(v) && !Array.isArray(v))) {
    for (const v of value) node[`v:${JSON.stringify(v)}`] ??= {};
  } else if (lt.type === 'map' && value.length > 0 && value.every(v => itemKey(v, lt.keys) !== undefined)) {
    for (const item of value) {
      const itemNode = (node[`k:${sortedKeyJson(itemKey(item, lt.keys)!)}`] ??= {});
      itemNode['.'] ??= {};
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        if (v !== undefined) collectInto(v, k, (itemNode[`f:${k}`] ??= {}), builtin);
      }
    }
  }
}

/** The FieldsV1 tree of an object within a scope, built directly (the create fast path). */
export function fieldsV1Of(obj: Record<string, unknown>, options: FieldOptions): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const [key, value] of topLevelEntries(obj, options.scope, options.hasStatusSubresource)) {
    collectInto(value, key, (root[`f:${key}`] ??= {}), options.builtin);
  }
  return internFieldsV1(root);
}

/** The value at a path (the list item for `k:`, the member for `v:`); undefined when absent. */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const el of splitPath(path)) {
    if (el === '.') return cur;
    if (cur === undefined || cur === null) return undefined;
    if (el.startsWith('f:')) {
      cur = isMap(cur) ? cur[el.slice(2)] : undefined;
    } else if (el.startsWith('k:')) {
      const key = JSON.parse(el.slice(2)) as Record<string, unknown>;
      const keys = Object.keys(key);
      cur = Array.isArray(cur) ? cur.find(item => sortedKeyJson(itemKey(item, keys) ?? {}) === sortedKeyJson(key)) : undefined;
    } else if (el.startsWith('v:')) {
      const wanted = el.slice(2);
      cur = Array.isArray(cur) ? cur.find(v => JSON.stringify(v) === wanted) : undefined;
    } else return undefined;
  }
  return cur;
}

/** The path as structured-merge-diff prints it: `.spec.containers[name="web"].image`. */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const el of splitPath(path)) {
    if (el === '.') continue;
    if (el.startsWith('f:')) text += `.${el.slice(2)}`;
    else if (el.startsWith('k:')) {
      const key = JSON.parse(el.slice(2)) as Record<string, unknown>;
      text += `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    } else if (el.startsWith('v:')) text += `[=${el.slice(2)}]`;
  }
  return text;
}

/** Converts a field set to FieldsV1 JSON (shared and frozen, see internFieldsV1). */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const path of [...set].sort()) {
    let node = root;
    for (const el of splitPath(path)) node = node[el] ??= {};
  }
  return internFieldsV1(root);
}

/** Converts FieldsV1 JSON to a field set (empty nodes are leaves). */
export function fromFieldsV1(fields: Record<string, unknown> | undefined): FieldSet {
  const out: FieldSet = new Set();
  const walk = (node: Record<string, unknown>, path: string[]) => {
    const keys = Object.keys(node);
    if (keys.length === 0) {
      if (path.length) out.add(joinPath(path));
      return;
    }
    for (const k of keys) walk((node[k] ?? {}) as Record<string, unknown>, [...path, k]);
  };
  if (fields) walk(fields, []);
  return out;
}

/** Whether `path` equals `prefix` or lies under it. */
export function isUnder(path: FieldPath, prefix: FieldPath): boolean {
  return path === prefix || path.startsWith(prefix + SEP);
}

/** The parent item path of a `.` marker (`…k:{…}` for `…k:{…}\0.`). */
export function itemOf(path: FieldPath): FieldPath | undefined {
  return path.endsWith(`${SEP}.`) ? path.slice(0, -2) : undefined;
}

// Replicas of one workload carry identical field sets, written one after the other: recent
// trees are found by their JSON (cheaper than walking them), new ones are shared node by node.
const recentTrees = new Map<string, Record<string, unknown>>();
const RECENT_TREES = 1_000;

/**
 * A shared, frozen copy of a FieldsV1 tree: identical trees become one object, and a new tree
 * shares its identical subtrees (down to the `{}` leaves) with the others, which keeps
 * managedFields from dominating the memory of large clusters.
 */
export function internFieldsV1(tree: Record<string, unknown>): Record<string, unknown> {
  const key = JSON.stringify(tree);
  const hit = recentTrees.get(key);
  if (hit) return hit;
  if (recentTrees.size >= RECENT_TREES) recentTrees.clear();
  const shared = sharedStructures.share(tree);
  recentTrees.set(key, shared);
  return shared;
}
