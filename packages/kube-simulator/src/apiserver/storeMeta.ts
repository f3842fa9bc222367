/*
 * Small per-object rules of the registries: which metadata the server owns, which types track
 * generation, default propagation policies, and the random names and uids the server assigns.
 */
import type { KubeObject, ResourceType } from '../types';
import { badRequest } from './errors';
import { groupVersion } from './typeRegistry';
import type { PropagationPolicy } from './storeInternals';

/** Metadata the client cannot set on create. */
export const SERVER_OWNED_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'selfLink',
] as const;

const GENERATION_GROUPS = new Set(['apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io', 'apiextensions.k8s.io']);

/** Whether metadata.generation is maintained for a type (custom resources always). */
export function tracksGeneration(t: ResourceType, custom: boolean): boolean {
  return custom || GENERATION_GROUPS.has(t.group);
}

/** Whether a type serves a status subresource (writes to the main resource keep status). */
export function hasStatusSubresource(t: ResourceType): boolean {
  return !!t.subresources?.includes('status');
}

/** The propagation policy when DeleteOptions names none (batch/v1 Jobs still orphan their pods). */
export function defaultPropagationPolicy(t: ResourceType): PropagationPolicy {
  return t.group === 'batch' && t.resource === 'jobs' ? 'Orphan' : 'Background';
}

/**
 * The alphabet Kubernetes uses for generated names and pod-template-hash (no vowels, no
 * look-alike characters), from k8s.io/apimachinery/pkg/util/rand.
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A random generated-name suffix from the safe alphabet: the registry appends 5 characters to generateName. */
export function randomSuffix(random: () => number, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SAFE_ALPHABET[Math.floor(random() * SAFE_ALPHABET.length)];
  return s;
}

const HEX = '0123456789abcdef';

/** A version-4 UUID drawn from `random` (deterministic for seeded scenarios). */
export function randomUid(random: () => number): string {
  const variant = HEX[8 + Math.floor(random() * 4)];
  // Joined from its characters, the uid is one flat string (not a rope of its pieces).
  const chars: string[] = [];
  const hex = (n: number) => {
    for (let i = 0; i < n; i++) chars.push(HEX[Math.floor(random() * 16)]);
  };
  hex(8);
  chars.push('-');
  hex(4);
  chars.push('-4');
  hex(3);
  chars.push('-', variant);
  hex(3);
  chars.push('-');
  hex(12);
  return chars.join('');
}

let lastTime = NaN;
let lastText = '';

/**
 * RFC 3339 with second precision, as Kubernetes serializes metav1.Time. Simulated time stands
 * still between clock advances, so the text of the last time is kept: every timestamp written
 * in one tick is one (flat) string.
 */
export function rfc3339(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    // toISOString always ends in `.sssZ`.
    lastText = [date.toISOString().slice(0, -5), 'Z'].join('');
    lastTime = time;
  }
  return lastText;
}

/** Fills in or checks apiVersion and kind of a request body against the endpoint's type. */
export function checkKind(t: ResourceType, obj: KubeObject, servedVersions: string[]): void {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw badRequest('the body of the request is not a Kubernetes object');
  const expected = groupVersion(t.group, t.version);
  if (!obj.apiVersion) obj.apiVersion = expected;
  if (!obj.kind) obj.kind = t.kind;
  if (obj.apiVersion !== expected && !servedVersions.map(v => groupVersion(t.group, v)).includes(obj.apiVersion)) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (obj.kind !== t.kind) throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${t.kind})`);
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object') throw badRequest('metadata must be an object');
}

/** Drops undefined members of metadata so stored objects compare and serialize cleanly. */
export function compactMetadata(obj: KubeObject): void {
  const meta = obj.metadata as Record<string, unknown>;
  for (const k of Object.keys(meta)) if (meta[k] === undefined) delete meta[k];
}
