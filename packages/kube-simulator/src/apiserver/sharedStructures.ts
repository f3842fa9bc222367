/*
 * Structural sharing between stored objects. The replicas of a workload carry the same
 * containers, labels, owner references, managedFields and conditions; stored objects are
 * frozen, so identical parts can be one shared value instead of one copy per object. Readers
 * cannot tell: every object stays JSON-equal to what was written (key order included), and
 * `get`/`list` hand out copies as before.
 */

/** Entries per generation: the table remembers the parts seen recently and forgets the rest. */
const GENERATION_SIZE = 20_000;

type Json = Record<string, unknown> | unknown[];

/** Whether a value is a JSON object or array (not a class instance such as a Date). */
function isJson(v: unknown): v is Json {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Hash-consing of JSON values: the parts of an object being stored are replaced by the one
 * frozen instance of each distinct value seen recently. Keys are built bottom-up from the ids
 * of shared parts, so each new part is visited once. Parts that are frozen already (from a
 * stored version, or an interned FieldsV1 tree) are not walked again: they are known by
 * identity. Two generations bound the memory: what was not seen for a generation is
 * forgotten (its objects stay valid, they are just no longer handed out).
 */
export class StructureTable {
  private current = new Map<string, Json>();
  private previous = new Map<string, Json>();
  private currentIds = new Map<Json, number>();
  private previousIds = new Map<Json, number>();
  private nextId = 1;

  constructor(private readonly generationSize = GENERATION_SIZE) {}

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
    return isJson(value) ? (this.shareNode(value, []) as unknown as T) : value;
  }

  private shareMembers(obj: Record<string, unknown>, skip?: string): void {
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (key !== skip && isJson(v)) obj[key] = this.shareNode(v, []);
    }
  }

  /** The shared instance of `node`; appends its key (`#id`) to the parent's key parts. */
  private shareNode(node: Json, parentKey: string[]): Json {
    const known = this.idOf(node);
    if (known !== undefined) {
      parentKey.push('#', String(known), ',');
      return node;
    }
    if (Object.isFrozen(node)) return this.register(node, undefined, parentKey);
    const parts: string[] = [];
    if (Array.isArray(node)) {
      parts.push('[');
      for (let i = 0; i < node.length; i++) node[i] = this.member(node[i], parts);
    } else {
      parts.push('{');
      for (const k of Object.keys(node)) {
        parts.push(JSON.stringify(k), ':');
        node[k] = this.member(node[k], parts);
      }
    }
    const key = parts.join('');
    const hit = this.current.get(key) ?? this.promote(key);
    if (!hit) return this.register(Object.freeze(node) as Json, key, parentKey);
    const id = this.idOf(hit);
    if (id === undefined) return this.register(hit, undefined, parentKey);
    parentKey.push('#', String(id), ',');
    return hit;
  }

  /** Appends the key of one member to `parts` and returns its shared instance. */
  private member(v: unknown, parts: string[]): unknown {
    switch (typeof v) {
      case 'string':
        parts.push(JSON.stringify(v), ',');
        return v;
      case 'number':
        parts.push('n', String(v), ',');
        return v;
      case 'boolean':
        parts.push(v ? 't,' : 'f,');
        return v;
      case 'undefined':
        parts.push('u,');
        return v;
      default:
        if (v === null) {
          parts.push('z,');
          return v;
        }
        if (isJson(v)) return this.shareNode(v, parts);
        // Not JSON (functions, symbols, class instances): never equal to anything else.
        parts.push('x', String(this.nextId++), ',');
        return v;
    }
  }

  private register(node: Json, key: string | undefined, parentKey: string[]): Json {
    if (this.current.size >= this.generationSize || this.currentIds.size >= this.generationSize) {
      this.previous = this.current;
      this.previousIds = this.currentIds;
      this.current = new Map();
      this.currentIds = new Map();
    }
    const id = this.nextId++;
    this.currentIds.set(node, id);
    if (key !== undefined) this.current.set(key, node);
    parentKey.push('#', String(id), ',');
    return node;
  }

  private idOf(node: Json): number | undefined {
    const id = this.currentIds.get(node);
    if (id !== undefined) return id;
    const old = this.previousIds.get(node);
    if (old !== undefined) this.currentIds.set(node, old);
    return old;
  }

  private promote(key: string): Json | undefined {
    const hit = this.previous.get(key);
    if (hit) this.current.set(key, hit);
    return hit;
  }
}

/** The table shared by every cluster of the process (identical scenarios share across clusters too). */
export const sharedStructures = new StructureTable();
