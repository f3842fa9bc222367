/*
 * Per-type validation: the checks of each built-in registry's strategy that clients can hit.
 * Returns field errors; the store turns them into a 422 Invalid Status.
 */
import { CronExpressionParser } from 'cron-parser';
import type { KubeObject, ResourceType } from '../../types';
import { validateCustomResourceDefinition } from '../customResourceDefinitions';
import { FieldError, invalidField, notSupportedField, requiredField } from '../fieldErrors';
import { labelSelectorObjectMatcher, LabelSelectorObject } from '../labelSelector';
import { configMapKeyErrors } from './names';
import { validateObjectMeta } from './objectMeta';
import { validatePodSpec, validateResourceList } from './podSpec';

type Json = Record<string, any>;
type Validator = (obj: KubeObject, old?: KubeObject) => FieldError[];

function validateWorkload(obj: KubeObject, old?: KubeObject, selectorRequired = true): FieldError[] {
  const spec = (obj.spec ?? {}) as Json;
  const errors: FieldError[] = [];
  if (spec.replicas !== undefined && (!Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    errors.push(invalidField('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = spec.selector as LabelSelectorObject | undefined;
  const templateLabels = spec.template?.metadata?.labels;
  if (!selector && selectorRequired) errors.push(requiredField('spec.selector'));
  else if (selector && Object.keys(selector).length === 0 && selectorRequired) {
    errors.push(invalidField('spec.selector', selector, 'empty selector is invalid for deployment'));
  } else if (selector && !labelSelectorObjectMatcher(selector)(templateLabels)) {
    errors.push(invalidField('spec.template.metadata.labels', templateLabels ?? {}, '`selector` does not match template `labels`'));
  }
  if (old && selector && JSON.stringify((old.spec as Json)?.selector) !== JSON.stringify(selector)) {
    errors.push(invalidField('spec.selector', selector, 'field is immutable'));
  }
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  return errors;
}

function validateCronJob(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Json;
  const errors: FieldError[] = [];
  if (!spec.schedule) errors.push(requiredField('spec.schedule'));
  else {
    try {
      const schedule = String(spec.schedule).replace(/^(TZ|CRON_TZ)=\S+\s+/, '');
      if (!schedule.startsWith('@')) CronExpressionParser.parse(schedule);
    } catch (err) {
      errors.push(invalidField('spec.schedule', spec.schedule, `unparseable schedule: ${(err as Error).message}`));
    }
  }
  errors.push(...validatePodSpec(spec.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec'));
  return errors;
}

function validateService(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Json;
  const errors: FieldError[] = [];
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (spec.type && !types.includes(spec.type)) errors.push(notSupportedField('spec.type', spec.type, types));
  const ports = spec.ports as Json[] | undefined;
  if ((!ports || ports.length === 0) && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') errors.push(requiredField('spec.ports'));
  (ports ?? []).forEach((p, i) => {
    if (!Number.isInteger(p?.port) || p.port < 1 || p.port > 65535) {
      errors.push(invalidField(`spec.ports[${i}].port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
    }
    if ((ports ?? []).length > 1 && !p?.name) errors.push(requiredField(`spec.ports[${i}].name`));
  });
  return errors;
}

function validateDataKeys(obj: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['data', 'binaryData', 'stringData']) {
    const data = obj[field] as Json | undefined;
    if (!data) continue;
    for (const key of Object.keys(data)) for (const e of configMapKeyErrors(key)) errors.push(invalidField(field, key, e));
    if (field === 'data' && obj.kind === 'Secret') {
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
          errors.push(invalidField(`data[${key}]`, '<secret contents redacted>', 'illegal base64 data'));
        }
      }
    }
  }
  return errors;
}

function validateResourceQuota(obj: KubeObject): FieldError[] {
  return validateResourceList((obj.spec as Json)?.hard, 'spec.hard').errors;
}

function validateLimitRange(obj: KubeObject): FieldError[] {
  const limits = ((obj.spec as Json)?.limits ?? []) as Json[];
  const errors: FieldError[] = [];
  const types = ['Pod', 'Container', 'PersistentVolumeClaim'];
  limits.forEach((item, i) => {
    const f = `spec.limits[${i}]`;
    if (!types.includes(item?.type)) errors.push(notSupportedField(`${f}.type`, item?.type ?? '', types));
    for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
      errors.push(...validateResourceList(item?.[key], `${f}.${key}`).errors);
    }
  });
  return errors;
}

function validatePersistentVolumeClaim(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Json;
  const errors: FieldError[] = [];
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errors.push(requiredField('spec.accessModes', 'at least 1 access mode is required'));
  const requests = validateResourceList(spec.resources?.requests, 'spec.resources.requests');
  errors.push(...requests.errors);
  if (!requests.parsed.has('storage') && requests.errors.length === 0) errors.push(requiredField('spec.resources[storage]'));
  return errors;
}

function validateRbacRules(obj: KubeObject): FieldError[] {
  const rules = (obj.rules ?? []) as Json[];
  const errors: FieldError[] = [];
  rules.forEach((rule, i) => {
    if (!Array.isArray(rule?.verbs) || rule.verbs.length === 0) errors.push(requiredField(`rules[${i}].verbs`, 'verbs must contain at least one value'));
    const hasResources = Array.isArray(rule?.resources) && rule.resources.length > 0;
    const hasUrls = Array.isArray(rule?.nonResourceURLs) && rule.nonResourceURLs.length > 0;
    if (!hasResources && !hasUrls && obj.kind !== 'ClusterRole') {
      errors.push(requiredField(`rules[${i}].resources`, 'resource rules must supply at least one api group'));
    }
  });
  return errors;
}

function validateBinding(obj: KubeObject): FieldError[] {
  const ref = obj.roleRef as Json | undefined;
  const errors: FieldError[] = [];
  if (!ref?.name) errors.push(requiredField('roleRef.name'));
  const kinds = obj.kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'];
  if (ref && !kinds.includes(ref.kind)) errors.push(notSupportedField('roleRef.kind', ref.kind ?? '', kinds));
  ((obj.subjects ?? []) as Json[]).forEach((s, i) => {
    if (!['User', 'Group', 'ServiceAccount'].includes(s?.kind)) errors.push(notSupportedField(`subjects[${i}].kind`, s?.kind ?? '', ['Group', 'ServiceAccount', 'User']));
    if (!s?.name) errors.push(requiredField(`subjects[${i}].name`));
  });
  return errors;
}

const VALIDATORS: Record<string, Validator> = {
  '/pods': obj => validatePodSpec(obj.spec, 'spec'),
  '/services': validateService,
  '/configmaps': validateDataKeys,
  '/secrets': validateDataKeys,
  '/resourcequotas': validateResourceQuota,
  '/limitranges': validateLimitRange,
  '/persistentvolumeclaims': validatePersistentVolumeClaim,
  'apps/deployments': validateWorkload,
  'apps/replicasets': validateWorkload,
  'apps/statefulsets': validateWorkload,
  'apps/daemonsets': validateWorkload,
  'batch/jobs': (obj, old) => validateWorkload(obj, old, false),
  'batch/cronjobs': validateCronJob,
  'rbac.authorization.k8s.io/roles': validateRbacRules,
  'rbac.authorization.k8s.io/clusterroles': validateRbacRules,
  'rbac.authorization.k8s.io/rolebindings': validateBinding,
  'rbac.authorization.k8s.io/clusterrolebindings': validateBinding,
  'apiextensions.k8s.io/customresourcedefinitions': validateCustomResourceDefinition,
};

/** All validation errors for an object about to be stored (`old` on update). */
export function validateObject(t: ResourceType, obj: KubeObject, old?: KubeObject): FieldError[] {
  const errors = validateObjectMeta(t, obj);
  const specific = VALIDATORS[`${t.group}/${t.resource}`];
  if (specific) errors.push(...specific(obj, old));
  return errors;
}
