/*
 * CustomResourceDefinition handling: validation, the types a CRD serves, and the status the
 * apiextensions controller would write (Established, NamesAccepted).
 */
import type { KubeObject, ResourceType } from '../types';
import { STANDARD_VERBS } from './builtinTypes';
import { FieldError, invalidField, notSupportedField, requiredField } from './fieldErrors';

interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: unknown; scale?: unknown };
  additionalPrinterColumns?: Array<{ name: string; type: string; jsonPath: string; priority?: number; description?: string }>;
}

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { plural?: string; singular?: string; kind?: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions?: CrdVersion[];
}

function specOf(crd: KubeObject): CrdSpec {
  return (crd.spec ?? {}) as CrdSpec;
}

/** Field errors for a CRD (the subset of apiextensions validation clients trip over). */
export function validateCustomResourceDefinition(crd: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const spec = specOf(crd);
  if (!spec.group) errors.push(requiredField('spec.group'));
  else if (!spec.group.includes('.')) errors.push(invalidField('spec.group', spec.group, 'should be a domain with at least one dot'));
  if (!spec.names?.plural) errors.push(requiredField('spec.names.plural'));
  if (!spec.names?.kind) errors.push(requiredField('spec.names.kind'));
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    errors.push(notSupportedField('spec.scope', spec.scope ?? '', ['Cluster', 'Namespaced']));
  }
  const versions = spec.versions ?? [];
  if (versions.length === 0) errors.push(requiredField('spec.versions', 'must have exactly one version marked as storage version'));
  else if (versions.filter(v => v.storage).length !== 1) {
    errors.push(invalidField('spec.versions', versions.map(v => v.name), 'must have exactly one version marked as storage version'));
  }
  versions.forEach((v, i) => {
    if (!v.name) errors.push(requiredField(`spec.versions[${i}].name`));
  });
  const expected = `${spec.names?.plural ?? ''}.${spec.group ?? ''}`;
  if (spec.group && spec.names?.plural && crd.metadata.name !== expected) {
    errors.push(invalidField('metadata.name', crd.metadata.name, `must be spec.names.plural+"."+spec.group`));
  }
  return errors;
}

/** The resource types a CRD serves: one per served version. */
export function typesForCustomResourceDefinition(crd: KubeObject): ResourceType[] {
  const spec = specOf(crd);
  if (!spec.group || !spec.names?.plural || !spec.names.kind) return [];
  return (spec.versions ?? [])
    .filter(v => v.served !== false && v.name)
    .map(v => {
      const subresources: string[] = [];
      if (v.subresources?.status) subresources.push('status');
      if (v.subresources?.scale) subresources.push('scale');
      const t: ResourceType = {
        group: spec.group!,
        version: v.name!,
        resource: spec.names!.plural!,
        kind: spec.names!.kind!,
        singular: spec.names!.singular ?? spec.names!.kind!.toLowerCase(),
        namespaced: spec.scope !== 'Cluster',
        verbs: STANDARD_VERBS,
      };
      if (spec.names!.shortNames?.length) t.shortNames = spec.names!.shortNames;
      if (spec.names!.categories?.length) t.categories = spec.names!.categories;
      if (subresources.length) t.subresources = subresources;
      return t;
    });
}

/** The storage version of a CRD (objects are stored once and served at every version). */
export function storageVersionOf(crd: KubeObject): string | undefined {
  return specOf(crd).versions?.find(v => v.storage)?.name;
}

/** additionalPrinterColumns of one version, for Table output. */
export function printerColumnsOf(crd: KubeObject, version: string): CrdVersion['additionalPrinterColumns'] {
  return specOf(crd).versions?.find(v => v.name === version)?.additionalPrinterColumns;
}

/** The status the apiextensions controllers write once a CRD is served. */
export function establishedStatus(crd: KubeObject, now: string): Record<string, unknown> {
  const spec = specOf(crd);
  const names = { ...spec.names };
  if (names.kind && !names.listKind) names.listKind = `${names.kind}List`;
  if (names.kind && !names.singular) names.singular = names.kind.toLowerCase();
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    acceptedNames: names,
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    storedVersions: [storageVersionOf(crd)].filter(Boolean),
  };
}
