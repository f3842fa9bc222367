/*
 * Structural sharing between stored objects. The replicas of a workload carry the same
 * containers, labels, owner references, managedFields and conditions; stored objects are
 * frozen, so identical parts can be one shared value instead of one copy per object. Readers
 * cannot tell: every object stays JSON-equal to what was written (key order included), and
 * `get`/`list` hand out copies as before.
 */

/** Entries per generation: the table remembers the parts seen recently and forgets the rest. */
const GENERATION_SIZE = 20_000;
/** Member names remembered at most (label and annotation keys make them open-ended). */
const NAME_LIMIT = 10_000;

type Json = Record<string, unknown> | unknown[];

/** Whether a value is a JSON object or array (not a class instance such as a Date). */
function isJson(v: unknown): v is Json {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Mixes a value into a 30-bit hash (kept a small integer, the cheapest Map key). */
function mix(h: number, x: number): number {
  let m = Math.imul(h ^ x, 0x5bd1e995);
  m ^= m >>> 15;
  return m & 0x3fffffff;
}

const TAG = { array: 1, object: 2, string: 3, number: 4, true: 5, false: 6, null: 7, undefined: 8, other: 9 };

/** Whether two objects or arrays have the same members, in the same order, by identity. */
function sameMembers(a: Json, b: Json): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) {
    const k = ak[i];
    if (k !== bk[i] || a[k] !== (b as Record<string, unknown>)[k]) return false;
  }
  return true;
}

/** A map that remembers what was used in the current or the previous generation. */
class Generations<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const hit = this.current.get(key);
    return hit !== undefined ? hit : this.fromPrevious(key);
  }

  private fromPrevious(key: K): V | undefined {
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}

/** A shared part and its id. */
interface Entry {
  node: Json;
  id: number;
}

/**
 * Hash-consing of JSON values: the parts of an object being stored are replaced by the one
 * frozen instance of each distinct value seen recently. Parts are visited bottom-up, once: a
 * part's hash mixes its member names and values (shared parts and strings by their ids), and
 * a candidate with the same hash is taken only when its members are the same values. Parts
 * that are frozen already (from a stored version, or an interned FieldsV1 tree) are not walked
 * again. What was not seen for a generation is forgotten (its objects stay valid, they are
 * just no longer handed out), which bounds the memory of the table.
 */
export class StructureTable {
  private readonly byHash: Generations<number, Entry[]>;
  /** Ids of frozen parts, for the parts of stored objects that a new version keeps. */
  private readonly ids: Generations<Json, number>;
  private readonly stringIds: Generations<string, number>;
  private readonly names = new Map<string, number>();
  private nextId = 1;
  /** The id of the part shareNode returned last. */
  private lastId = 0;

  constructor(generationSize = GENERATION_SIZE) {
    this.byHash = new Generations(generationSize);
    this.ids = new Generations(generationSize);
    this.stringIds = new Generations(generationSize);
  }

  /**
   * Shares every part of an object about to be stored but the object and its metadata, which
   * carry its identity (name, uid, resourceVersion): labels, managedFields, spec, status…
   */
  shareParts(obj: { metadata: object }): void {
    this.shareMembers(obj as unknown as Record<string, unknown>, 'metadata');
    this.shareMembers(obj.metadata as Record<string, unknown>);
  }

  /** The shared, frozen instance of a JSON value (anything else is returned as it is). */
  share<T>(value: T): T {
    return isJson(value) ? (this.shareNode(value) as unknown as T) : value;
  }

  private shareMembers(obj: Record<string, unknown>, skip?: string): void {
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (key !== skip && isJson(v)) obj[key] = this.shareNode(v);
    }
  }

  private shareNode(node: Json): Json {
    if (Object.isFrozen(node)) {
      // Shared already, or frozen elsewhere: known by identity.
      this.lastId = this.ids.get(node) ?? this.remember(node);
      return node;
    }
    let h: number;
    if (Array.isArray(node)) {
      h = TAG.array;
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'object' && v !== null && isJson(v)) {
          const shared = this.shareNode(v);
          if (shared !== v) node[i] = shared;
          h = mix(h, this.lastId);
        } else h = mix(h, this.hashOf(v));
      }
    } else {
      h = TAG.object;
      const keys = Object.keys(node);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const v = node[k];
        h = mix(h, this.nameId(k));
        if (typeof v === 'object' && v !== null && isJson(v)) {
          const shared = this.shareNode(v);
          if (shared !== v) node[k] = shared;
          h = mix(h, this.lastId);
        } else h = mix(h, this.hashOf(v));
      }
    }
    const candidates = this.byHash.get(h);
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i];
        if (sameMembers(c.node, node)) {
          this.lastId = c.id;
          return c.node;
        }
      }
    }
    const id = this.remember(Object.freeze(node) as Json);
    this.byHash.set(h, candidates ? [...candidates, { node, id }] : [{ node, id }]);
    this.lastId = id;
    return node;
  }

  /** The hash of a member that is not a JSON object or array. */
  private hashOf(v: unknown): number {
    switch (typeof v) {
      case 'string':
        return this.stringId(v);
      case 'number':
        return Number.isInteger(v) && Math.abs(v) < 0x3fffffff ? mix(TAG.number, v) : mix(TAG.number, this.stringId(String(v)));
      case 'boolean':
        return v ? TAG.true : TAG.false;
      case 'undefined':
        return TAG.undefined;
      default:
        return v === null ? TAG.null : TAG.other;
    }
  }

  /** Ids of member names: few and recurring, kept until there are too many. */
  private nameId(name: string): number {
    let id = this.names.get(name);
    if (id === undefined) {
      if (this.names.size >= NAME_LIMIT) this.names.clear();
      id = this.nextId++;
      this.names.set(name, id);
    }
    return id;
  }

  private stringId(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.nextId++;
      this.stringIds.set(s, id);
    }
    return id;
  }

  private remember(node: Json): number {
    const id = this.nextId++;
    this.ids.set(node, id);
    return id;
  }
}

/** The table shared by every cluster of the process (identical scenarios share across clusters too). */
export const sharedStructures = new StructureTable();
