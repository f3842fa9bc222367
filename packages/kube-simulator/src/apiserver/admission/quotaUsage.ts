/*
 * Quota usage of one object (the quota evaluators of pkg/quota/v1/evaluator/core): what a pod,
 * service or claim consumes of each ResourceQuota resource name, including count/<resource>.
 */
import type { KubeObject, ResourceType } from '../../types';
import { addQuantities, compareQuantities, Quantity, tryParseQuantity, zeroQuantity } from '../quantity';

type Json = Record<string, any>;

/** Resource name → quantity. */
export type ResourceList = Map<string, Quantity>;

const COUNT = (n: number): Quantity => ({ nanos: BigInt(n) * 1_000_000_000n, format: 'DecimalSI' });

/** Legacy object-count names that predate count/<resource>. */
const LEGACY_COUNT_NAMES: Record<string, string> = {
  '/pods': 'pods',
  '/services': 'services',
  '/configmaps': 'configmaps',
  '/secrets': 'secrets',
  '/persistentvolumeclaims': 'persistentvolumeclaims',
  '/replicationcontrollers': 'replicationcontrollers',
  '/resourcequotas': 'resourcequotas',
};

/** `count/pods`, `count/deployments.apps`. */
export function countResourceName(t: { group: string; resource: string }): string {
  return t.group ? `count/${t.resource}.${t.group}` : `count/${t.resource}`;
}

function sumContainers(containers: Json[] | undefined, kind: 'requests' | 'limits', resource: string): Quantity | undefined {
  let total: Quantity | undefined;
  for (const c of containers ?? []) {
    const q = tryParseQuantity(c?.resources?.[kind]?.[resource]);
    if (q) total = total ? addQuantities(total, q) : q;
  }
  return total;
}

function maxContainers(containers: Json[] | undefined, kind: 'requests' | 'limits', resource: string): Quantity | undefined {
  let max: Quantity | undefined;
  for (const c of containers ?? []) {
    const q = tryParseQuantity(c?.resources?.[kind]?.[resource]);
    if (q && (!max || compareQuantities(q, max) > 0)) max = q;
  }
  return max;
}

/** The pod's effective request or limit: max(sum of containers, largest init container). */
export function podResource(spec: Json | undefined, kind: 'requests' | 'limits', resource: string): Quantity | undefined {
  const sum = sumContainers(spec?.containers, kind, resource);
  const init = maxContainers(spec?.initContainers, kind, resource);
  if (!sum) return init;
  if (!init) return sum;
  return compareQuantities(init, sum) > 0 ? init : sum;
}

/** Whether a pod still consumes quota (terminal pods do not). */
export function podCountsAgainstQuota(pod: KubeObject): boolean {
  const phase = (pod.status as Json | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

const COMPUTE_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

function podUsage(pod: KubeObject): ResourceList {
  const usage: ResourceList = new Map();
  if (!podCountsAgainstQuota(pod)) return usage;
  usage.set('pods', COUNT(1));
  const spec = pod.spec as Json | undefined;
  for (const r of COMPUTE_RESOURCES) {
    const request = podResource(spec, 'requests', r);
    const limit = podResource(spec, 'limits', r);
    if (request) {
      usage.set(`requests.${r}`, request);
      usage.set(r, request);
    }
    if (limit) usage.set(`limits.${r}`, limit);
  }
  return usage;
}

function serviceUsage(svc: KubeObject): ResourceList {
  const spec = (svc.spec ?? {}) as Json;
  const usage: ResourceList = new Map([['services', COUNT(1)]]);
  const type = spec.type ?? 'ClusterIP';
  usage.set('services.loadbalancers', COUNT(type === 'LoadBalancer' ? 1 : 0));
  const nodePorts = type === 'NodePort' || type === 'LoadBalancer' ? ((spec.ports ?? []) as Json[]).length : 0;
  usage.set('services.nodeports', COUNT(nodePorts));
  return usage;
}

function claimUsage(pvc: KubeObject): ResourceList {
  const spec = (pvc.spec ?? {}) as Json;
  const usage: ResourceList = new Map([['persistentvolumeclaims', COUNT(1)]]);
  const storage = tryParseQuantity(spec.resources?.requests?.storage) ?? zeroQuantity('BinarySI');
  usage.set('requests.storage', storage);
  if (spec.storageClassName) {
    usage.set(`${spec.storageClassName}.storageclass.storage.k8s.io/requests.storage`, storage);
    usage.set(`${spec.storageClassName}.storageclass.storage.k8s.io/persistentvolumeclaims`, COUNT(1));
  }
  return usage;
}

/** Everything `obj` (of type t) consumes; an empty map for objects quota does not track. */
export function usageOf(t: ResourceType, obj: KubeObject | undefined): ResourceList {
  if (!obj) return new Map();
  const key = `${t.group}/${t.resource}`;
  let usage: ResourceList;
  if (key === '/pods') usage = podUsage(obj);
  else if (key === '/services') usage = serviceUsage(obj);
  else if (key === '/persistentvolumeclaims') usage = claimUsage(obj);
  else usage = new Map();
  if (key === '/pods' && !podCountsAgainstQuota(obj)) return usage;
  usage.set(countResourceName(t), COUNT(1));
  const legacy = LEGACY_COUNT_NAMES[key];
  if (legacy) usage.set(legacy, COUNT(1));
  return usage;
}

/** new − old for every resource in either. */
export function usageDelta(newUsage: ResourceList, oldUsage: ResourceList): ResourceList {
  const delta: ResourceList = new Map();
  for (const name of new Set([...newUsage.keys(), ...oldUsage.keys()])) {
    const n = newUsage.get(name);
    const o = oldUsage.get(name);
    const format = (n ?? o)!.format;
    delta.set(name, { nanos: (n?.nanos ?? 0n) - (o?.nanos ?? 0n), format });
  }
  return delta;
}

// Stored quota objects are frozen, so their parsed hard/used maps can be reused until replaced.
const parsedLists = new WeakMap<object, ResourceList>();

/**
 * Parses a quota's hard/used map, skipping unparseable entries (validation rejects those).
 * The result is shared: do not change it.
 */
export function parseResourceList(list: Json | undefined): ResourceList {
  if (list && Object.isFrozen(list)) {
    const hit = parsedLists.get(list);
    if (hit) return hit;
  }
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(v);
    if (q) out.set(k, q);
  }
  if (list && Object.isFrozen(list)) parsedLists.set(list, out);
  return out;
}
