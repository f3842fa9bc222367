/*
 * metadata.managedFields bookkeeping for non-apply writes (operation Update): the writer takes
 * ownership of every field it changed, other managers lose those fields, and removed fields
 * leave every set. This is what lets a later apply detect conflicts with kubectl edit/scale.
 */
import type { KubeObject, ManagedFieldsEntry } from '../../types';
import { copyTree, diffObjects, treeAdd, treeDelete, treeHas } from './fieldDiff';
import { FieldScope, FieldSet, fieldsV1Of, fromFieldsV1, internFieldsV1, toFieldsV1 } from './fieldPaths';

/** A managedFields entry with its FieldsV1 decoded. */
export interface DecodedEntry {
  entry: ManagedFieldsEntry;
  set: FieldSet;
}

/** How the object's fields are classified (apart from the scope). */
export interface ManagerFieldOptions {
  builtin: boolean;
  hasStatusSubresource: boolean;
}

/** Decodes metadata.managedFields. */
export function decodeManagedFields(obj: KubeObject | undefined): DecodedEntry[] {
  return (obj?.metadata.managedFields ?? []).map(entry => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

/** Encodes decoded entries back, dropping empty ones (as the real field manager does). */
export function encodeManagedFields(entries: DecodedEntry[]): ManagedFieldsEntry[] | undefined {
  const out = entries.filter(e => e.set.size > 0).map(e => ({ ...e.entry, fieldsV1: toFieldsV1(e.set) }));
  return out.length ? out : undefined;
}

/** Whether an entry belongs to this manager, operation and subresource. */
export function sameManager(e: ManagedFieldsEntry, manager: string, operation: 'Apply' | 'Update', subresource?: string): boolean {
  return e.manager === manager && e.operation === operation && (e.subresource ?? '') === (subresource ?? '');
}

/**
 * The managedFields after an Update by `manager`. Returns the old list unchanged (same array)
 * when nothing changed, so a no-op write stays a no-op. Entries the write does not touch are
 * kept as they are, which keeps controller status writes cheap.
 */
export function recordUpdate(
  oldObj: KubeObject | undefined,
  newObj: KubeObject,
  args: { manager: string; apiVersion: string; time: string; subresource?: string } & ManagerFieldOptions,
): ManagedFieldsEntry[] | undefined {
  const scope: FieldScope = args.subresource === 'status' ? 'status' : 'main';
  const fresh = (fieldsV1: Record<string, unknown>): ManagedFieldsEntry => ({
    manager: args.manager,
    operation: 'Update',
    apiVersion: args.apiVersion,
    time: args.time,
    fieldsType: 'FieldsV1',
    fieldsV1,
    ...(args.subresource ? { subresource: args.subresource } : {}),
  });
  if (!oldObj) {
    const fieldsV1 = fieldsV1Of(newObj, { ...args, scope });
    return Object.keys(fieldsV1).length ? [fresh(fieldsV1)] : undefined;
  }
  const previous = oldObj.metadata.managedFields;
  const { changed, removed } = diffObjects(oldObj, newObj, { ...args, scope });
  if (changed.length === 0 && removed.length === 0) return previous;
  const touched = [...changed, ...removed];
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const entry of previous ?? []) {
    if (sameManager(entry, args.manager, 'Update', args.subresource)) {
      mine = entry;
      out.push(entry); // keeps the entry's position; replaced below
    } else if (!touched.some(p => treeHas(entry.fieldsV1, p))) {
      out.push(entry);
    } else {
      // Fields another manager set and this write changed or removed move away from it.
      const tree = copyTree(entry.fieldsV1);
      for (const p of touched) treeDelete(tree, p);
      if (Object.keys(tree).length > 0) out.push({ ...entry, fieldsV1: internFieldsV1(tree) });
    }
  }
  const tree = copyTree(mine?.fieldsV1);
  for (const p of removed) treeDelete(tree, p);
  for (const p of changed) treeAdd(tree, p);
  const updated = Object.keys(tree).length ? fresh(internFieldsV1(tree)) : undefined;
  const index = mine ? out.indexOf(mine) : -1;
  if (index >= 0) {
    if (updated) out[index] = updated;
    else out.splice(index, 1);
  } else if (updated) out.push(updated);
  return out.length ? out : undefined;
}
