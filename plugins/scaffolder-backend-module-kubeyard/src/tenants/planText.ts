/*
 * Words for plan and operation contents, shared by the task log and the markdown output so
 * that both name objects the same way.
 */
import type { ObjectAction, PlannedObject } from '@kubeyard/backstage-plugin-kubeyard-common';

/** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
export function objectLabel(object: Pick<PlannedObject, 'kind' | 'namespace' | 'name'>): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}

/**
 * An operation step names its object by manifestKey (`group/Kind/namespace/name`, core group
 * empty, namespace empty for cluster-scoped objects); this writes it like objectLabel.
 */
export function manifestKeyLabel(key: string): string {
  const parts = key.split('/');
  if (parts.length !== 4) return key;
  const [, kind, namespace, name] = parts;
  return objectLabel({ kind, namespace: namespace || undefined, name });
}

/** A diff value as one line: strings as they are, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `4 to create, 1 to update, 3 unchanged, 0 to delete`. */
export function summaryText(summary: Record<ObjectAction, number>): string {
  return `${summary.create} to create, ${summary.update} to update, ${summary.unchanged} unchanged, ${summary.delete} to delete`;
}
