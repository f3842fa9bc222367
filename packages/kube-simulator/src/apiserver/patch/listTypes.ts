/*
 * How lists merge, shared by strategic merge patch (patchMergeKey/patchStrategy tags) and
 * server-side apply (x-kubernetes-list-type/-map-keys). The real API server reads these from
 * the Go types and OpenAPI schemas; the simulator keeps the ones of the built-in types that
 * clients actually patch. Custom resources use neither, so their lists are atomic.
 */

/** A list's merge behaviour. */
export type ListType =
  | { type: 'map'; keys: string[] }
  | { type: 'set' }
  | { type: 'atomic' };

const ATOMIC: ListType = { type: 'atomic' };
const SET: ListType = { type: 'set' };
const byName: ListType = { type: 'map', keys: ['name'] };

/** List fields of built-in types by field name (unambiguous across the built-in schemas). */
const LIST_TYPES: Record<string, ListType> = {
  containers: byName,
  initContainers: byName,
  ephemeralContainers: byName,
  volumes: byName,
  env: byName,
  imagePullSecrets: byName,
  resourceClaims: byName,
  volumeMounts: { type: 'map', keys: ['mountPath'] },
  volumeDevices: { type: 'map', keys: ['devicePath'] },
  conditions: { type: 'map', keys: ['type'] },
  hostAliases: { type: 'map', keys: ['ip'] },
  ownerReferences: { type: 'map', keys: ['uid'] },
  topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
  finalizers: SET,
};

/**
 * The list type of `field` holding `items` (peeked to tell container ports from service
 * ports, which share the field name but not the key).
 */
export function listTypeOf(field: string, items: unknown[], builtin: boolean): ListType {
  if (field === 'finalizers') return SET; // metadata.finalizers is a set on every type
  if (field === 'ownerReferences') return LIST_TYPES.ownerReferences;
  if (!builtin) return ATOMIC;
  if (field === 'ports') {
    const first = items.find(i => i && typeof i === 'object') as Record<string, unknown> | undefined;
    if (first && 'containerPort' in first) return { type: 'map', keys: ['containerPort', 'protocol'] };
    if (first && 'port' in first) return { type: 'map', keys: ['port', 'protocol'] };
    return ATOMIC;
  }
  return LIST_TYPES[field] ?? ATOMIC;
}

/** Default values of key fields that the schema defaults (protocol: TCP). */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** The identity of a map-list item: its key fields, as in FieldsV1 `k:{...}`. */
export function itemKey(item: unknown, keys: string[]): Record<string, unknown> | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (item as Record<string, unknown>)[k] ?? KEY_DEFAULTS[k];
    if (v === undefined) {
      if (k === keys[0]) return undefined;
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** Stable text of an item key, for comparing items across objects. */
export function itemKeyText(item: unknown, keys: string[]): string | undefined {
  const key = itemKey(item, keys);
  if (!key) return undefined;
  return JSON.stringify(Object.keys(key).sort().map(k => [k, key[k]]));
}
