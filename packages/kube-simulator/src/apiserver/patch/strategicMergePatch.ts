/*
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for built-in types:
 * lists with a merge key merge item by item, `$patch: replace|delete|merge` directives on maps
 * and list items, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` (sent by
 * `kubectl apply`) and `$retainKeys`.
 */
import { badRequest } from '../errors';
import { itemKeyText, listTypeOf } from './listTypes';

type Json = Record<string, unknown>;

function isMap(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Removes directive keys from a value that is being set wholesale. */
function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter(v => !(isMap(v) && v.$patch !== undefined && Object.keys(v).length === 1)).map(stripDirectives);
  if (!isMap(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    out[k] = stripDirectives(v);
  }
  return out;
}

function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  const t = listTypeOf(field, items, true);
  return t.type === 'map' ? t.keys[0] : undefined;
}

function mergeList(field: string, original: unknown, patch: unknown[]): unknown[] {
  const originalItems = Array.isArray(original) ? original : [];
  // A `{$patch: replace}` element replaces the whole list with the other elements.
  if (patch.some(i => isMap(i) && i.$patch === 'replace')) return stripDirectives(patch) as unknown[];
  const listType = listTypeOf(field, [...patch, ...originalItems], true);
  if (listType.type === 'set') {
    const result = [...originalItems];
    for (const v of patch) if (!result.some(r => JSON.stringify(r) === JSON.stringify(v))) result.push(v);
    return result;
  }
  const key = mergeKeyOf(field, [...patch, ...originalItems]);
  if (!key || !patch.every(isMap)) return stripDirectives(patch) as unknown[];
  const keys = [key];
  const result = originalItems.map(i => i);
  for (const item of patch as Json[]) {
    const k = itemKeyText(item, keys);
    const index = k === undefined ? -1 : result.findIndex(r => itemKeyText(r, keys) === k);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) {
      result[index] = item.$patch === 'replace' ? stripDirectives(item) : mergeMap(result[index], item);
    } else result.push(stripDirectives(item));
  }
  return result;
}

function orderList(list: unknown[], order: unknown[], field: string): unknown[] {
  const key = mergeKeyOf(field, list);
  const identity = (v: unknown) => (key ? itemKeyText(v, [key]) : JSON.stringify(v));
  const position = new Map(order.map((o, i) => [identity(o), i]));
  const ordered = list.filter(i => position.has(identity(i))).sort((a, b) => position.get(identity(a))! - position.get(identity(b))!);
  return [...ordered, ...list.filter(i => !position.has(identity(i)))];
}

function mergeMap(original: unknown, patch: Json): unknown {
  const directive = patch.$patch;
  if (directive === 'replace') return stripDirectives(patch);
  if (directive === 'delete') return undefined;
  if (directive !== undefined && directive !== 'merge') throw badRequest(`unknown patch type: ${String(directive)} in map`);
  const result: Json = isMap(original) ? { ...original } : {};
  const orders: Array<[string, unknown[]]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith('$setElementOrder/')) {
      orders.push([key.slice('$setElementOrder/'.length), Array.isArray(value) ? value : []]);
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const remove = new Set((Array.isArray(value) ? value : []).map(v => JSON.stringify(v)));
      if (Array.isArray(result[field])) result[field] = (result[field] as unknown[]).filter(v => !remove.has(JSON.stringify(v)));
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else if (isMap(value)) {
      const merged = mergeMap(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else result[key] = value;
  }
  for (const [field, order] of orders) {
    if (Array.isArray(result[field])) result[field] = orderList(result[field] as unknown[], order, field);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const retain = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(result)) if (!retain.has(key) && !(key in patch)) delete result[key];
  }
  return result;
}

/** Applies a strategic merge patch to an object, returning a new object. */
export function applyStrategicMergePatch(original: Json, patch: unknown): Json {
  if (!isMap(patch)) throw badRequest('strategic merge patch must be a JSON object');
  const merged = mergeMap(original, patch);
  return (merged ?? {}) as Json;
}
