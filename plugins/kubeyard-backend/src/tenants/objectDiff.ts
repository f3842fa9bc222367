/*
 * Compares two versions of an object the way a person reviewing a plan would: bookkeeping the
 * API server writes (resourceVersion, managedFields, uid, timestamps, generation, status)
 * is not a change.
 */
import type { KubeObject } from '../fleet';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const METADATA_NOISE = ['resourceVersion', 'managedFields', 'generation', 'uid', 'creationTimestamp', 'selfLink'];

/** A plain-JSON copy of an object without the fields the API server maintains. */
export function comparable(obj: KubeObject | undefined): Record<string, Json> {
  if (!obj) return {};
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, any>;
  delete copy.status;
  for (const key of METADATA_NOISE) delete copy.metadata?.[key];
  return copy;
}

/** One changed field: its path (`spec.hard.pods`, `rules[2].verbs`) and both values. */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(before: Json | undefined, after: Json | undefined, path: string, out: FieldChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, index) => walk(item, after[index], `${path}[${index}]`, out));
    return;
  }
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

/** Field-level differences between two objects, ignoring API server bookkeeping. */
export function diffObjects(before: KubeObject | undefined, after: KubeObject | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  walk(comparable(before), comparable(after), '', out);
  return out;
}
