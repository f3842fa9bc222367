/*
 * The configuration a field manager applied, recovered from an object's managedFields (what
 * client-go's Extract* functions do). Compensation re-applies the configuration Kubeyard had
 * applied before an operation: server-side apply then restores those values and drops the
 * fields the operation added, while fields other managers own stay untouched.
 */
import { KUBEYARD_MANAGER } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';

type FieldSet = Record<string, any>;

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function matches(element: any, selector: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([field, value]) => JSON.stringify(element?.[field]) === JSON.stringify(value));
}

function extract(value: any, set: FieldSet): any {
  const keys = Object.keys(set ?? {}).filter(key => key !== '.');
  // A leaf, or an atomic value (lists without list-map keys, opaque maps): owned as a whole.
  if (keys.length === 0) return clone(value);
  if (Array.isArray(value)) {
    const out: any[] = [];
    for (const element of value) {
      for (const key of keys) {
        if (key.startsWith('k:')) {
          const selector = JSON.parse(key.slice(2));
          if (matches(element, selector)) out.push({ ...selector, ...extract(element, set[key]) });
        } else if (key.startsWith('v:')) {
          if (JSON.stringify(element) === JSON.stringify(JSON.parse(key.slice(2)))) out.push(clone(element));
        }
      }
    }
    for (const key of keys) {
      if (key.startsWith('i:')) {
        const element = value[Number(key.slice(2))];
        if (element !== undefined) out.push(extract(element, set[key]));
      }
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const key of keys) {
      if (!key.startsWith('f:')) continue;
      const name = key.slice(2);
      if (name in value) out[name] = extract(value[name], set[key]);
    }
    return out;
  }
  return clone(value);
}

/**
 * The configuration `manager` last applied to `obj`: identity (apiVersion, kind, name,
 * namespace) plus every field of its Apply entry in managedFields. Without such an entry,
 * only the identity, which applied back removes everything the manager owns.
 */
export function appliedConfiguration(obj: KubeObject, manager: string = KUBEYARD_MANAGER): KubeObject {
  const plain = JSON.parse(JSON.stringify(obj));
  const entry = (plain.metadata?.managedFields ?? []).find((e: any) => e.manager === manager && e.operation === 'Apply');
  const extracted = entry?.fieldsV1 ? extract(plain, entry.fieldsV1) : {};
  const { metadata: extractedMetadata, ...rest } = extracted as Record<string, any>;
  delete rest.apiVersion;
  delete rest.kind;
  const metadata: Record<string, any> = { name: plain.metadata?.name };
  if (plain.metadata?.namespace) metadata.namespace = plain.metadata.namespace;
  return { apiVersion: plain.apiVersion, kind: plain.kind, ...rest, metadata: { ...extractedMetadata, ...metadata } };
}
