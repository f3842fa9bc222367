/*
 * Server-side apply (PATCH application/apply-patch+yaml): merges an applied configuration into
 * the live object, records the applier's field set, detects conflicts with other managers and
 * removes fields the applier stopped applying when nobody else owns them.
 */
import type { KubeObject } from '../../types';
import { failureStatus, StatusError } from '../errors';
import { cloneJson, deepEqual, isPlainObject } from '../objects';
import { itemKeyText, listTypeOf } from '../patch/listTypes';
import { DecodedEntry, decodeManagedFields, encodeManagedFields, ManagerFieldOptions, sameManager } from './managedFields';
import { FieldPath, FieldSet, fieldSetOf, formatPath, isUnder, itemOf, splitPath, valueAt } from './fieldPaths';

/** Inputs of one apply. */
export interface ApplyRequest extends ManagerFieldOptions {
  manager: string;
  force: boolean;
  apiVersion: string;
  time: string;
  subresource?: string;
}

interface Conflict {
  manager: string;
  path: FieldPath;
}

function printManager(e: DecodedEntry['entry']): string {
  let text = JSON.stringify(e.manager);
  if (e.subresource) text += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') text += ` using ${e.apiVersion}`;
  return text;
}

/** 409 Conflict in the exact shape of the real field manager's conflict error. */
function conflictError(conflicts: Conflict[]): StatusError {
  const causes = conflicts.map(c => ({ reason: 'FieldManagerConflict', message: `conflict with ${c.manager}`, field: formatPath(c.path) }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${conflicts[0].manager}: ${formatPath(conflicts[0].path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), formatPath(c.path)]);
    const lines: string[] = [];
    for (const manager of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${manager}:`);
      for (const p of byManager.get(manager)!) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError(failureStatus(409, 'Conflict', message, { causes }));
}

/** Merges the applied configuration into `target` (maps recursively, map-lists by key). */
function mergeApplied(target: unknown, applied: unknown, field: string, builtin: boolean): unknown {
  if (isPlainObject(applied)) {
    const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
    for (const [k, v] of Object.entries(applied)) {
      if (v === undefined) continue;
      out[k] = mergeApplied(out[k], v, k, builtin);
    }
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(target)) {
    const lt = listTypeOf(field, [...applied, ...target], builtin);
    if (lt.type === 'set') return [...target, ...applied.filter(v => !target.some(t => deepEqual(t, v)))];
    if (lt.type === 'map') {
      const out = [...target];
      for (const item of applied) {
        const key = itemKeyText(item, lt.keys);
        const i = key === undefined ? -1 : out.findIndex(t => itemKeyText(t, lt.keys) === key);
        if (i >= 0) out[i] = mergeApplied(out[i], item, '', builtin);
        else out.push(cloneJson(item));
      }
      return out;
    }
  }
  return cloneJson(applied);
}

/** Deletes the value at a path (a map field, a list item, or a set member). */
function removeAt(obj: Record<string, unknown>, path: FieldPath): void {
  const elements = splitPath(path);
  const last = elements[elements.length - 1] === '.' ? elements[elements.length - 2] : elements[elements.length - 1];
  const parentElements = elements[elements.length - 1] === '.' ? elements.slice(0, -2) : elements.slice(0, -1);
  const parent = valueAt(obj, parentElements.join('\u0000'));
  if (last.startsWith('f:') && isPlainObject(parent)) delete parent[last.slice(2)];
  else if ((last.startsWith('k:') || last.startsWith('v:')) && Array.isArray(parent)) {
    const item = valueAt(parent, last);
    const i = parent.indexOf(item);
    if (i >= 0) parent.splice(i, 1);
  }
}

/**
 * Applies `applied` on top of `live` (undefined: create-on-apply). Returns the merged object
 * carrying its new managedFields; throws 409 on conflicts unless `force`.
 */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, req: ApplyRequest): KubeObject {
  const scope = req.subresource === 'status' ? 'status' : 'main';
  const options = { builtin: req.builtin, hasStatusSubresource: req.hasStatusSubresource, scope } as const;
  const appliedSet = fieldSetOf(applied, options);
  const entries = decodeManagedFields(live);
  const mine = entries.find(e => sameManager(e.entry, req.manager, 'Apply', req.subresource));
  const others = entries.filter(e => e !== mine);

  // Conflicts: another manager owns a field this apply sets to a different value.
  const conflicts: Conflict[] = [];
  if (live) {
    for (const path of appliedSet) {
      if (itemOf(path)) continue;
      const liveValue = valueAt(live, path);
      if (liveValue === undefined || deepEqual(liveValue, valueAt(applied, path))) continue;
      // Every other entry is another manager identity, even one with the same name but
      // another operation or subresource (e.g. `kubectl scale` then `kubectl apply --server-side`).
      for (const other of others) {
        if (other.set.has(path)) conflicts.push({ manager: printManager(other.entry), path });
      }
    }
  }
  if (conflicts.length && !req.force) throw conflictError(conflicts);

  const merged = cloneJson(live ?? ({ apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} } as KubeObject)) as KubeObject;
  // Fields this manager applied before but not now go away unless someone else owns them.
  const previous: FieldSet = mine?.set ?? new Set();
  const removed = [...previous].filter(p => !appliedSet.has(p));
  const ownedByOthers = (p: FieldPath) => others.some(o => [...o.set].some(q => isUnder(q, itemOf(p) ?? p)));
  for (const p of removed.sort().reverse()) {
    if (!ownedByOthers(p)) removeAt(merged, p);
  }
  const result = mergeApplied(merged, stripScope(applied, options), '', req.builtin) as KubeObject;
  result.apiVersion = live?.apiVersion ?? applied.apiVersion;
  result.kind = live?.kind ?? applied.kind;

  // Ownership: this manager's Apply set becomes the applied set; forced fields leave others.
  for (const c of conflicts) for (const o of others) o.set.delete(c.path);
  const entry: DecodedEntry = {
    entry: {
      manager: req.manager,
      operation: 'Apply',
      apiVersion: req.apiVersion,
      time: req.time,
      fieldsType: 'FieldsV1',
      fieldsV1: {},
      ...(req.subresource ? { subresource: req.subresource } : {}),
    },
    set: appliedSet,
  };
  const unchangedSet = mine && setsEqual(mine.set, appliedSet) && mine.entry.apiVersion === req.apiVersion;
  if (unchangedSet) entry.entry.time = mine!.entry.time;
  const nextEntries = mine ? entries.map(e => (e === mine ? entry : e)) : [...entries, entry];
  result.metadata = { ...result.metadata, managedFields: encodeManagedFields(nextEntries) };
  if (!result.metadata.managedFields) delete result.metadata.managedFields;
  return result;
}

function stripScope(applied: KubeObject, options: { scope: 'main' | 'status'; hasStatusSubresource: boolean }): KubeObject {
  const copy = cloneJson(applied) as Record<string, unknown>;
  // The main resource ignores status when a status subresource exists, and vice versa.
  if (options.scope === 'main' && options.hasStatusSubresource) delete copy.status;
  if (options.scope === 'status') {
    return { apiVersion: applied.apiVersion, kind: applied.kind, metadata: {}, status: copy.status } as KubeObject;
  }
  const meta = { ...(copy.metadata as Record<string, unknown>) };
  for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields', 'deletionTimestamp', 'selfLink']) delete meta[k];
  copy.metadata = meta;
  return copy as KubeObject;
}

function setsEqual(a: FieldSet, b: FieldSet): boolean {
  if (a.size !== b.size) return false;
  for (const p of a) if (!b.has(p)) return false;
  return true;
}
