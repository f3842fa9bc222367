/*
 * Which fields a write changed, computed by walking the old and new object side by side (no
 * intermediate path strings): the hot path of managedFields tracking for controller writes.
 */
import { deepEqual } from '../objects';
import { itemKey, itemKeyText, listTypeOf } from '../patch/listTypes';
import { collect, FieldOptions, isMap, sortedKeyJson, topLevelEntries } from './fieldPaths';

/** Leaf paths (as element arrays) whose value changed or that disappeared. */
export interface FieldDiff {
  changed: string[][];
  removed: string[][];
}

type Shape = 'map' | 'set' | 'maplist' | 'leaf';

function shapeOf(value: unknown, field: string, builtin: boolean): { shape: Shape; keys?: string[] } {
  if (isMap(value)) return Object.keys(value).some(k => value[k] !== undefined) ? { shape: 'map' } : { shape: 'leaf' };
  if (Array.isArray(value) && value.length > 0) {
    const lt = listTypeOf(field, value, builtin);
    if (lt.type === 'set' && value.every(v => !isMap(v) && !Array.isArray(v))) return { shape: 'set' };
    if (lt.type === 'map' && value.every(v => itemKey(v, lt.keys) !== undefined)) return { shape: 'maplist', keys: lt.keys };
  }
  return { shape: 'leaf' };
}

function diffMaps(oldMap: Record<string, unknown>, newMap: Record<string, unknown>, path: string[], builtin: boolean, d: FieldDiff): void {
  for (const k of Object.keys(newMap)) diffValue(oldMap[k], newMap[k], k, [...path, `f:${k}`], builtin, d);
  for (const k of Object.keys(oldMap)) if (newMap[k] === undefined && oldMap[k] !== undefined) collect(oldMap[k], k, [...path, `f:${k}`], builtin, p => d.removed.push(p));
}

function diffValue(oldV: unknown, newV: unknown, field: string, path: string[], builtin: boolean, d: FieldDiff): void {
  if (newV === undefined) {
    if (oldV !== undefined) collect(oldV, field, path, builtin, p => d.removed.push(p));
    return;
  }
  if (oldV === undefined) {
    collect(newV, field, path, builtin, p => d.changed.push(p));
    return;
  }
  const o = shapeOf(oldV, field, builtin);
  const n = shapeOf(newV, field, builtin);
  if (o.shape !== n.shape || (n.keys && o.keys?.join() !== n.keys.join())) {
    // The field changed kind (e.g. a list became empty): everything new is changed, the rest removed.
    const fresh = new Set<string>();
    collect(newV, field, path, builtin, p => {
      d.changed.push(p);
      fresh.add(p.join('\u0000'));
    });
    collect(oldV, field, path, builtin, p => {
      if (!fresh.has(p.join('\u0000'))) d.removed.push(p);
    });
    return;
  }
  switch (n.shape) {
    case 'map':
      diffMaps(oldV as Record<string, unknown>, newV as Record<string, unknown>, path, builtin, d);
      return;
    case 'set': {
      const before = new Set((oldV as unknown[]).map(v => JSON.stringify(v)));
      const after = new Set((newV as unknown[]).map(v => JSON.stringify(v)));
      for (const v of after) if (!before.has(v)) d.changed.push([...path, `v:${v}`]);
      for (const v of before) if (!after.has(v)) d.removed.push([...path, `v:${v}`]);
      return;
    }
    case 'maplist': {
      const keys = n.keys!;
      const oldItems = new Map((oldV as unknown[]).map(item => [itemKeyText(item, keys)!, item]));
      const seen = new Set<string>();
      for (const item of newV as Record<string, unknown>[]) {
        const text = itemKeyText(item, keys)!;
        seen.add(text);
        const itemPath = [...path, `k:${sortedKeyJson(itemKey(item, keys)!)}`];
        const before = oldItems.get(text) as Record<string, unknown> | undefined;
        if (before) diffMaps(before, item, itemPath, builtin, d);
        else {
          d.changed.push([...itemPath, '.']);
          diffMaps({}, item, itemPath, builtin, d);
        }
      }
      for (const [text, item] of oldItems) {
        if (seen.has(text)) continue;
        const itemPath = [...path, `k:${sortedKeyJson(itemKey(item, keys)!)}`];
        d.removed.push([...itemPath, '.']);
        diffMaps(item as Record<string, unknown>, {}, itemPath, builtin, d);
      }
      return;
    }
    default:
      if (!deepEqual(oldV, newV)) d.changed.push(path);
  }
}

/** The fields of `newObj` that differ from `oldObj` within a scope, and those that went away. */
export function diffObjects(oldObj: Record<string, unknown>, newObj: Record<string, unknown>, options: FieldOptions): FieldDiff {
  const d: FieldDiff = { changed: [], removed: [] };
  const before = Object.fromEntries(topLevelEntries(oldObj, options.scope, options.hasStatusSubresource));
  const after = Object.fromEntries(topLevelEntries(newObj, options.scope, options.hasStatusSubresource));
  diffMaps(before, after, [], options.builtin, d);
  return d;
}

/** Whether a FieldsV1 tree holds the path as a leaf. */
export function treeHas(tree: Record<string, unknown> | undefined, path: string[]): boolean {
  let node = tree;
  for (const el of path) {
    node = node?.[el] as Record<string, unknown> | undefined;
    if (!node) return false;
  }
  return !!node && Object.keys(node).length === 0;
}

/**
 * A copy of a (frozen, shared) FieldsV1 tree for treeAdd and treeDelete: copied on write, so
 * only the nodes along the paths they change are copied; the rest stays shared.
 */
export function copyTree(tree: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...tree };
}

/** The child node at `key`, made changeable (created, or copied when it is frozen). */
function writableChild(node: Record<string, unknown>, key: string): Record<string, unknown> {
  let child = node[key] as Record<string, unknown> | undefined;
  if (!child) child = {};
  else if (Object.isFrozen(child)) child = { ...child };
  else return child;
  node[key] = child;
  return child;
}

/** Adds a leaf path to a tree from copyTree. */
export function treeAdd(tree: Record<string, unknown>, path: string[]): void {
  let node = tree;
  for (const el of path) node = writableChild(node, el);
}

/** Removes a leaf path from a tree from copyTree, pruning parents it leaves empty (an empty node would mean "owned"). */
export function treeDelete(tree: Record<string, unknown>, path: string[]): void {
  if (!treeHas(tree, path)) return; // absent, or an interior node (not a member)
  const trail: Array<[Record<string, unknown>, string]> = [];
  let node = tree;
  for (const el of path.slice(0, -1)) {
    trail.push([node, el]);
    node = writableChild(node, el);
  }
  trail.push([node, path[path.length - 1]]);
  for (let i = trail.length - 1; i >= 0; i--) {
    const [parent, key] = trail[i];
    delete parent[key];
    if (Object.keys(parent).length > 0) break;
  }
}
