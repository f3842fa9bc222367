/*
 * ResourceQuota admission and accounting. Writes that would push a namespace over a quota are
 * rejected with the real message; admitted writes update status.used right away (as the real
 * admission plugin does), and status.hard mirrors spec.hard.
 */
import type { KubeObject, ResourceType } from '../../types';
import { forbidden } from '../errors';
import { qosClassOf } from '../defaults';
import { addQuantities, formatQuantity, Quantity, zeroQuantity } from '../quantity';
import { AdmissionPlugin, AdmissionRequest, Change, ObjectReader } from './types';
import { parseResourceList, ResourceList, usageDelta, usageOf } from './quotaUsage';

type Json = Record<string, any>;

const QUOTAS = '/resourcequotas';
/** Resources whose presence in a quota forces every container to declare them. */
const CONTAINER_CONSTRAINED = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

function prettyPrint(list: ResourceList, names: string[]): string {
  return names.map(n => `${n}=${formatQuantity(list.get(n) ?? zeroQuantity())}`).join(',');
}

/** Whether a quota's scopes select this object (scoped quotas only ever track pods). */
export function quotaMatches(quota: KubeObject, t: ResourceType, obj: KubeObject): boolean {
  const spec = (quota.spec ?? {}) as Json;
  const scopes: string[] = [...(spec.scopes ?? [])];
  const selectorTerms = (spec.scopeSelector?.matchExpressions ?? []) as Json[];
  if (scopes.length === 0 && selectorTerms.length === 0) return true;
  if (t.group !== '' || t.resource !== 'pods') return false;
  const podSpec = (obj.spec ?? {}) as Json;
  const scopeMatches = (scope: string, operator = 'Exists', values: string[] = []): boolean => {
    switch (scope) {
      case 'Terminating':
        return podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null;
      case 'NotTerminating':
        return podSpec.activeDeadlineSeconds === undefined || podSpec.activeDeadlineSeconds === null;
      case 'BestEffort':
        return qosClassOf(podSpec) === 'BestEffort';
      case 'NotBestEffort':
        return qosClassOf(podSpec) !== 'BestEffort';
      case 'PriorityClass': {
        const name = podSpec.priorityClassName ?? '';
        if (operator === 'In') return values.includes(name);
        if (operator === 'NotIn') return !values.includes(name);
        if (operator === 'DoesNotExist') return !name;
        return !!name;
      }
      default:
        return false;
    }
  };
  return (
    scopes.every(s => scopeMatches(s)) &&
    selectorTerms.every(term => scopeMatches(term.scopeName, term.operator, term.values))
  );
}

function missingContainerResources(pod: KubeObject, hardNames: string[]): string | undefined {
  const required = hardNames.filter(n => CONTAINER_CONSTRAINED.has(n));
  if (required.length === 0) return undefined;
  const spec = (pod.spec ?? {}) as Json;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])] as Json[]) {
    const requests = c?.resources?.requests ?? {};
    const limits = c?.resources?.limits ?? {};
    const has = new Set<string>();
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined) has.add(r).add(`requests.${r}`);
      if (limits[r] !== undefined) has.add(`limits.${r}`);
    }
    for (const r of required) if (!has.has(r)) missing.set(r, (missing.get(r) ?? new Set()).add(c?.name));
  }
  if (missing.size === 0) return undefined;
  return [...missing.entries()]
    .map(([r, names]) => `${r} for: ${[...names].sort().join(',')}`)
    .sort()
    .join('; ');
}

/** Which group/resource a quota resource name counts, for full recomputation. */
function groupResourceOfCount(name: string): string | undefined {
  const legacy: Record<string, string> = {
    pods: '/pods',
    services: '/services',
    'services.loadbalancers': '/services',
    'services.nodeports': '/services',
    configmaps: '/configmaps',
    secrets: '/secrets',
    persistentvolumeclaims: '/persistentvolumeclaims',
    'requests.storage': '/persistentvolumeclaims',
    replicationcontrollers: '/replicationcontrollers',
    resourcequotas: '/resourcequotas',
  };
  if (legacy[name]) return legacy[name];
  if (name.includes('storageclass.storage.k8s.io/')) return '/persistentvolumeclaims';
  if (/^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.test(name)) return '/pods';
  const m = /^count\/([^.]+)(?:\.(.+))?$/.exec(name);
  return m ? `${m[2] ?? ''}/${m[1]}` : undefined;
}

/** Computes status.used from scratch for a quota (on quota create/update). */
export function computeQuotaUsed(
  quota: KubeObject,
  reader: ObjectReader,
  typeOf: (groupResource: string) => ResourceType | undefined,
): Record<string, string> {
  const hard = parseResourceList((quota.spec as Json)?.hard);
  const namespace = quota.metadata.namespace!;
  const totals = new Map<string, Quantity>();
  const scanned = new Set<string>();
  for (const name of hard.keys()) {
    const gr = groupResourceOfCount(name);
    if (!gr || scanned.has(gr)) continue;
    scanned.add(gr);
    const t = typeOf(gr);
    if (!t) continue;
    for (const obj of reader.scan(gr, namespace)) {
      if (!quotaMatches(quota, t, obj)) continue;
      for (const [r, q] of usageOf(t, obj)) totals.set(r, totals.has(r) ? addQuantities(totals.get(r)!, q) : q);
    }
  }
  const used: Record<string, string> = {};
  for (const [name, h] of hard) used[name] = formatQuantity(totals.get(name) ?? zeroQuantity(h.format));
  return used;
}

/** The ResourceQuota admission plugin. */
export class ResourceQuotaAdmission implements AdmissionPlugin {
  readonly name = 'ResourceQuota';

  constructor(private readonly typeOf: (groupResource: string) => ResourceType | undefined) {}

  admit(req: AdmissionRequest, reader: ObjectReader): void {
    const t = req.resourceType;
    if (t.group !== '' || t.resource !== 'resourcequotas' || req.subresource === 'status' || req.operation === 'DELETE') return;
    const hard = ((req.object.spec as Json)?.hard ?? {}) as Record<string, unknown>;
    req.object.status = { hard: { ...hard }, used: computeQuotaUsed(req.object, reader, this.typeOf) };
  }

  validate(req: AdmissionRequest, reader: ObjectReader): void {
    if (req.operation === 'DELETE' || !req.namespace) return;
    const t = req.resourceType;
    const quotas = [...reader.scan(QUOTAS, req.namespace)].sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    if (quotas.length === 0) return;
    const delta = usageDelta(usageOf(t, req.object), usageOf(t, req.oldObject));
    const isPodCreate = req.operation === 'CREATE' && t.group === '' && t.resource === 'pods';
    for (const quota of quotas) {
      if (!quotaMatches(quota, t, req.object)) continue;
      const hard = parseResourceList((quota.status as Json)?.hard ?? (quota.spec as Json)?.hard);
      const hardNames = [...hard.keys()];
      if (isPodCreate) {
        const missing = missingContainerResources(req.object, hardNames);
        if (missing) throw forbidden(t, req.name || undefined, `failed quota: ${quota.metadata.name}: must specify ${missing}`);
      }
      const used = parseResourceList((quota.status as Json)?.used);
      const exceeded = [...delta.entries()]
        .filter(([name, d]) => d.nanos > 0n && hard.has(name) && (used.get(name)?.nanos ?? 0n) + d.nanos > hard.get(name)!.nanos)
        .map(([name]) => name)
        .sort();
      if (exceeded.length) {
        throw forbidden(
          t,
          req.name || undefined,
          `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(delta, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
        );
      }
    }
  }
}

/**
 * Keeps status.used current after every committed change in a namespace with quotas.
 * `writeStatus` stores the new status (a real write: new resourceVersion, MODIFIED event).
 */
export function updateQuotaUsage(change: Change, reader: ObjectReader, writeStatus: (quota: KubeObject, status: Json) => void): void {
  const t = change.resourceType;
  const namespace = change.object.metadata.namespace;
  if (!namespace || (t.group === '' && t.resource === 'resourcequotas')) return;
  const quotas = [...reader.scan(QUOTAS, namespace)];
  if (quotas.length === 0) return;
  const after = change.type === 'DELETED' ? undefined : change.object;
  const before = change.type === 'ADDED' ? undefined : change.previous ?? (change.type === 'DELETED' ? change.object : undefined);
  for (const quota of quotas) {
    const status = (quota.status ?? {}) as Json;
    const hard = parseResourceList(status.hard ?? (quota.spec as Json)?.hard);
    const newUsage = after && quotaMatches(quota, t, after) ? usageOf(t, after) : new Map();
    const oldUsage = before && quotaMatches(quota, t, before) ? usageOf(t, before) : new Map();
    const delta = usageDelta(newUsage, oldUsage);
    const relevant = [...delta.entries()].filter(([name, d]) => d.nanos !== 0n && hard.has(name));
    if (relevant.length === 0) continue;
    const used = parseResourceList(status.used);
    const nextUsed: Record<string, string> = { ...(status.used ?? {}) };
    for (const [name, d] of relevant) {
      const current = used.get(name) ?? zeroQuantity(hard.get(name)!.format);
      // Sums keep the first operand's format; starting from zero, take the delta's (512Mi, not 536870912).
      const next = addQuantities(current.nanos === 0n ? zeroQuantity(d.format) : current, d);
      nextUsed[name] = formatQuantity(next.nanos < 0n ? zeroQuantity(current.format) : next);
    }
    writeStatus(quota, { ...status, used: nextUsed });
  }
}
