/*
 * ObjectMeta validation (apimachinery's ValidateObjectMeta): name or generateName, namespace
 * presence, labels, annotations and ownerReferences.
 */
import type { KubeObject, ResourceType } from '../../types';
import { FieldError, forbiddenField, invalidField, requiredField } from '../fieldErrors';
import {
  labelValueErrors,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  nameIsPathSegment,
  NameValidator,
  qualifiedNameErrors,
} from './names';

/** The name rule of each group/resource; everything else is a DNS-1123 subdomain. */
const NAME_RULES: Record<string, NameValidator> = {
  '/namespaces': nameIsDNSLabel,
  '/services': nameIsDNS1035Label,
  'rbac.authorization.k8s.io/roles': nameIsPathSegment,
  'rbac.authorization.k8s.io/rolebindings': nameIsPathSegment,
  'rbac.authorization.k8s.io/clusterroles': nameIsPathSegment,
  'rbac.authorization.k8s.io/clusterrolebindings': nameIsPathSegment,
  // Nodes often carry FQDNs; subdomain is what the real validation uses as well.
};

/** The name validator for a type. */
export function nameValidatorFor(t: ResourceType): NameValidator {
  return NAME_RULES[`${t.group}/${t.resource}`] ?? nameIsDNSSubdomain;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Validates labels (as map of qualified keys to label values). */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) return [invalidField(field, labels, 'must be a map of string keys to string values')];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    for (const e of qualifiedNameErrors(key)) errors.push(invalidField(field, key, e));
    if (typeof value !== 'string') errors.push(invalidField(`${field}`, value, 'must be a string'));
    else for (const e of labelValueErrors(value)) errors.push(invalidField(field, value, e));
  }
  return errors;
}

function validateAnnotations(annotations: unknown): FieldError[] {
  if (annotations === undefined || annotations === null) return [];
  const field = 'metadata.annotations';
  if (typeof annotations !== 'object' || Array.isArray(annotations)) return [invalidField(field, annotations, 'must be a map of string keys to string values')];
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
    for (const e of qualifiedNameErrors(key.toLowerCase())) errors.push(invalidField(field, key, e));
    if (typeof value !== 'string') errors.push(invalidField(field, value, 'must be a string'));
    size += key.length + String(value).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errors.push({ type: 'FieldValueTooLong', field, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return errors;
}

function validateOwnerReferences(obj: KubeObject): FieldError[] {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return [];
  const errors: FieldError[] = [];
  let controllers = 0;
  refs.forEach((ref, i) => {
    const f = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errors.push(invalidField(`${f}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errors.push(invalidField(`${f}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errors.push(invalidField(`${f}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errors.push(invalidField(`${f}.uid`, ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller) controllers++;
  });
  if (controllers > 1) {
    errors.push(invalidField('metadata.ownerReferences', refs, 'Only one reference can have Controller set to true'));
  }
  return errors;
}

/** Validates ObjectMeta of an object about to be stored. */
export function validateObjectMeta(t: ResourceType, obj: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj.metadata;
  const validateName = nameValidatorFor(t);
  if (!meta.name) {
    errors.push(requiredField('metadata.name', 'name or generateName is required'));
  } else {
    for (const e of validateName(meta.name, false)) errors.push(invalidField('metadata.name', meta.name, e));
  }
  if (meta.generateName) {
    for (const e of validateName(meta.generateName, true)) errors.push(invalidField('metadata.generateName', meta.generateName, e));
  }
  if (t.namespaced) {
    if (!meta.namespace) errors.push(requiredField('metadata.namespace'));
    else for (const e of nameIsDNSLabel(meta.namespace, false)) errors.push(invalidField('metadata.namespace', meta.namespace, e));
  } else if (meta.namespace) {
    errors.push(forbiddenField('metadata.namespace', 'not allowed on this type'));
  }
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations));
  errors.push(...validateOwnerReferences(obj));
  if (meta.finalizers && !Array.isArray(meta.finalizers)) errors.push(invalidField('metadata.finalizers', meta.finalizers, 'must be a list'));
  return errors;
}
