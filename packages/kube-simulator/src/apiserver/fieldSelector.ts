/*
 * Field selectors (`?fieldSelector=`). Like the real API server, each type supports only a
 * fixed set of fields; anything else is a 400 "field label not supported".
 */
import type { KubeObject } from '../types';
import { badRequest } from './errors';

/** One parsed `field=value` / `field!=value` term. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Fields every type supports. */
const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** Extra fields per group/resource, as registered by the real registries' field label conversions. */
const EXTRA_FIELDS: Record<string, string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  '/events': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  '/secrets': ['type'],
  '/namespaces': ['status.phase'],
  '/nodes': ['spec.unschedulable'],
  '/replicationcontrollers': ['status.replicas'],
  '/persistentvolumeclaims': [],
  'apps/replicasets': ['status.replicas'],
  'batch/jobs': ['status.successful'],
  'certificates.k8s.io/certificatesigningrequests': ['spec.signerName'],
};

/** The value a field selector compares against; booleans and numbers as their text. */
export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'source') {
    const source = (obj as { source?: { component?: string } }).source;
    return source?.component ?? '';
  }
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}

/** Parses `a=b,c!=d` (also `==`); throws 400 for malformed terms. */
export function parseFieldSelector(selector: string | undefined): FieldRequirement[] {
  if (!selector || !selector.trim()) return [];
  return selector
    .split(',')
    .map(t => t.trim())
    .filter(Boolean)
    .map(term => {
      const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
      return { field: m[1], operator: m[2] === '!=' ? '!=' : '=', value: m[3] };
    });
}

/** Compiles a field selector for a group/resource; throws 400 for unsupported fields. */
export function fieldMatcher(
  groupResource: { group: string; resource: string },
  selector: string | undefined,
  customResource = false,
): (obj: KubeObject) => boolean {
  const requirements = parseFieldSelector(selector);
  if (requirements.length === 0) return () => true;
  const supported = new Set([...COMMON_FIELDS, ...(customResource ? [] : EXTRA_FIELDS[`${groupResource.group}/${groupResource.resource}`] ?? [])]);
  for (const r of requirements) {
    if (!supported.has(r.field)) throw badRequest(`field label not supported: ${r.field}`);
  }
  return obj =>
    requirements.every(r => {
      const value = fieldValue(obj, r.field);
      return r.operator === '=' ? value === r.value : value !== r.value;
    });
}

/** The metadata.name value of an equality term, used to short-cut lists to a single lookup. */
export function exactNameOf(selector: string | undefined): string | undefined {
  return parseFieldSelector(selector).find(r => r.field === 'metadata.name' && r.operator === '=')?.value;
}
