/*
 * LimitRanger admission (plugin/pkg/admission/limitranger): fills container requests and
 * limits from LimitRange defaults, then enforces min, max and maxLimitRequestRatio for
 * Containers, Pods and PersistentVolumeClaims with the real plugin's messages.
 */
import { forbidden } from '../errors';
import { compareQuantities, formatQuantity, parseQuantity, Quantity, tryParseQuantity } from '../quantity';
import { podResource } from './quotaUsage';
import { AdmissionPlugin, AdmissionRequest, ObjectReader } from './types';

type Json = Record<string, any>;

interface LimitItem {
  type: string;
  max?: Json;
  min?: Json;
  default?: Json;
  defaultRequest?: Json;
  maxLimitRequestRatio?: Json;
}

function limitItems(reader: ObjectReader, namespace: string, type: string): LimitItem[] {
  const items: LimitItem[] = [];
  for (const lr of reader.scan('/limitranges', namespace)) {
    for (const item of ((lr.spec as Json)?.limits ?? []) as LimitItem[]) if (item?.type === type) items.push(item);
  }
  return items;
}

const text = (q: Quantity) => formatQuantity(q);

function minConstraint(kind: string, resource: string, enforced: Quantity, request?: Quantity, limit?: Quantity): string | undefined {
  if (!request) return `minimum ${resource} usage per ${kind} is ${text(enforced)}.  No request is specified`;
  if (compareQuantities(request, enforced) < 0) return `minimum ${resource} usage per ${kind} is ${text(enforced)}, but request is ${text(request)}`;
  if (limit && compareQuantities(limit, enforced) < 0) return `minimum ${resource} usage per ${kind} is ${text(enforced)}, but limit is ${text(limit)}`;
  return undefined;
}

function maxConstraint(kind: string, resource: string, enforced: Quantity, request?: Quantity, limit?: Quantity): string | undefined {
  if (!limit) return `maximum ${resource} usage per ${kind} is ${text(enforced)}.  No limit is specified`;
  if (compareQuantities(limit, enforced) > 0) return `maximum ${resource} usage per ${kind} is ${text(enforced)}, but limit is ${text(limit)}`;
  if (request && compareQuantities(request, enforced) > 0) return `maximum ${resource} usage per ${kind} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

function ratioConstraint(kind: string, resource: string, enforced: Quantity, request?: Quantity, limit?: Quantity): string | undefined {
  const prefix = `${resource} max limit to request ratio per ${kind} is ${text(enforced)}`;
  if (!request || request.nanos === 0n) return `${prefix}, but no request is specified or request is 0`;
  if (!limit || limit.nanos === 0n) return `${prefix}, but no limit is specified or limit is 0`;
  const ratio = Number(limit.nanos) / Number(request.nanos);
  if (ratio * 1e9 > Number(enforced.nanos) + 1e-6) return `${prefix}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function check(item: LimitItem, kind: string, requests: (r: string) => Quantity | undefined, limits: (r: string) => Quantity | undefined): string[] {
  const errors: string[] = [];
  const each = (list: Json | undefined, fn: typeof minConstraint) => {
    for (const [resource, value] of Object.entries(list ?? {})) {
      const enforced = tryParseQuantity(value);
      if (!enforced) continue;
      const e = fn(kind, resource, enforced, requests(resource), limits(resource));
      if (e) errors.push(e);
    }
  };
  each(item.min, minConstraint);
  each(item.max, maxConstraint);
  each(item.maxLimitRequestRatio, ratioConstraint);
  return errors;
}

function containerQuantity(c: Json, kind: 'requests' | 'limits', resource: string): Quantity | undefined {
  return tryParseQuantity(c?.resources?.[kind]?.[resource]);
}

/** A pod's summed limit exists only when every container sets it. */
function podLimit(spec: Json, resource: string): Quantity | undefined {
  const containers = (spec.containers ?? []) as Json[];
  if (containers.length === 0 || containers.some(c => c?.resources?.limits?.[resource] === undefined)) return undefined;
  return podResource(spec, 'limits', resource);
}

function applyContainerDefaults(spec: Json, items: LimitItem[]): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])] as Json[]) {
    if (!c || typeof c !== 'object') continue;
    c.resources ??= {};
    for (const item of items) {
      for (const [r, v] of Object.entries(item.default ?? {})) {
        c.resources.limits ??= {};
        if (c.resources.limits[r] === undefined) c.resources.limits[r] = v;
      }
      for (const [r, v] of Object.entries(item.defaultRequest ?? {})) {
        c.resources.requests ??= {};
        if (c.resources.requests[r] === undefined) c.resources.requests[r] = v;
      }
    }
  }
}

function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

/** The LimitRanger admission plugin. */
export class LimitRangerAdmission implements AdmissionPlugin {
  readonly name = 'LimitRanger';

  admit(req: AdmissionRequest, reader: ObjectReader): void {
    if (!this.isPodCreate(req)) return;
    const items = limitItems(reader, req.namespace!, 'Container');
    if (items.length) applyContainerDefaults((req.object.spec ?? {}) as Json, items);
  }

  validate(req: AdmissionRequest, reader: ObjectReader): void {
    if (this.isPodCreate(req)) this.validatePod(req, reader);
    else if (req.operation === 'CREATE' && req.resourceType.group === '' && req.resourceType.resource === 'persistentvolumeclaims') {
      this.validateClaim(req, reader);
    }
  }

  private isPodCreate(req: AdmissionRequest): boolean {
    return req.operation === 'CREATE' && req.resourceType.group === '' && req.resourceType.resource === 'pods' && !!req.namespace;
  }

  private validatePod(req: AdmissionRequest, reader: ObjectReader): void {
    const spec = (req.object.spec ?? {}) as Json;
    const errors: string[] = [];
    for (const item of limitItems(reader, req.namespace!, 'Container')) {
      for (const c of [...(spec.containers ?? [])] as Json[]) {
        errors.push(...check(item, 'Container', r => containerQuantity(c, 'requests', r), r => containerQuantity(c, 'limits', r)));
      }
    }
    for (const item of limitItems(reader, req.namespace!, 'Pod')) {
      errors.push(...check(item, 'Pod', r => podResource(spec, 'requests', r), r => podLimit(spec, r)));
    }
    if (errors.length) throw forbidden(req.resourceType, req.name || undefined, aggregate(errors));
  }

  private validateClaim(req: AdmissionRequest, reader: ObjectReader): void {
    const spec = (req.object.spec ?? {}) as Json;
    const request = tryParseQuantity(spec.resources?.requests?.storage);
    const limit = tryParseQuantity(spec.resources?.limits?.storage);
    const errors: string[] = [];
    for (const item of limitItems(reader, req.namespace!, 'PersistentVolumeClaim')) {
      for (const [resource, value] of Object.entries(item.min ?? {})) {
        const min = parseQuantity(value);
        if (!request) errors.push(`minimum ${resource} usage per PersistentVolumeClaim is ${text(min)}.  No request is specified`);
        else if (compareQuantities(request, min) < 0) errors.push(`minimum ${resource} usage per PersistentVolumeClaim is ${text(min)}, but request is ${text(request)}`);
      }
      for (const [resource, value] of Object.entries(item.max ?? {})) {
        const max = parseQuantity(value);
        const observed = limit ?? request;
        if (observed && compareQuantities(observed, max) > 0) {
          errors.push(`maximum ${resource} usage per PersistentVolumeClaim is ${text(max)}, but request is ${text(observed)}`);
        }
      }
    }
    if (errors.length) throw forbidden(req.resourceType, req.name || undefined, aggregate(errors));
  }
}
