/*
 * The resource types one cluster serves: the built-ins plus whatever its CRDs define. Lookups
 * are by GVR (URL routing), apiVersion+kind (object bodies) and group+resource (storage).
 */
import type { GVR, KubeObject, ResourceType } from '../types';
import { BUILTIN_TYPES } from './builtinTypes';
import { typesForCustomResourceDefinition } from './customResourceDefinitions';

/** `apps/v1` or `v1`. */
export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Splits `apps/v1` into group and version. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The storage key of a type, independent of version: `apps/deployments`, `/pods`. */
export function groupResourceKey(t: { group: string; resource: string }): string {
  return `${t.group}/${t.resource}`;
}

/** The served types of a cluster. */
export class TypeRegistry {
  private readonly crdTypes = new Map<string, { crd: KubeObject; types: ResourceType[] }>();
  private all: ResourceType[] = [];
  private byGvr = new Map<string, ResourceType>();
  private byKind = new Map<string, ResourceType>();
  private byGroupResource = new Map<string, ResourceType[]>();

  constructor() {
    this.rebuild();
  }

  /** All served types, built-ins first. */
  types(): ResourceType[] {
    return this.all;
  }

  typeFor(gvr: GVR): ResourceType | undefined {
    return this.byGvr.get(`${gvr.group}/${gvr.version}/${gvr.resource}`);
  }

  typeForKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.byKind.get(`${apiVersion}/${kind}`);
  }

  /** Every served version of a group/resource. */
  versionsOf(group: string, resource: string): ResourceType[] {
    return this.byGroupResource.get(`${group}/${resource}`) ?? [];
  }

  /** The CRD that defines a group/resource, if it is a custom resource. */
  definitionOf(group: string, resource: string): KubeObject | undefined {
    for (const { crd, types } of this.crdTypes.values()) {
      if (types.some(t => t.group === group && t.resource === resource)) return crd;
    }
    return undefined;
  }

  /** Whether a group/resource comes from a CRD. */
  isCustom(group: string, resource: string): boolean {
    return this.definitionOf(group, resource) !== undefined;
  }

  /** Starts (or updates) serving what a CRD defines. */
  registerDefinition(crd: KubeObject): void {
    this.crdTypes.set(crd.metadata.name!, { crd, types: typesForCustomResourceDefinition(crd) });
    this.rebuild();
  }

  /** Stops serving what a CRD defined. */
  unregisterDefinition(name: string): void {
    this.crdTypes.delete(name);
    this.rebuild();
  }

  /** Groups in discovery order, each with its versions (preferred first). */
  groups(): Array<{ name: string; versions: string[] }> {
    const order: string[] = [];
    const versions = new Map<string, string[]>();
    for (const t of this.all) {
      if (!versions.has(t.group)) {
        versions.set(t.group, []);
        order.push(t.group);
      }
      const vs = versions.get(t.group)!;
      if (!vs.includes(t.version)) vs.push(t.version);
    }
    return order.map(name => ({ name, versions: sortVersions(versions.get(name)!) }));
  }

  private rebuild(): void {
    // A CRD never shadows a built-in: the real apiserver refuses to serve such a CRD as well.
    const builtinKeys = new Set(BUILTIN_TYPES.map(t => `${t.group}/${t.version}/${t.resource}`));
    const custom = [...this.crdTypes.values()]
      .flatMap(e => e.types)
      .filter(t => !builtinKeys.has(`${t.group}/${t.version}/${t.resource}`));
    this.all = [...BUILTIN_TYPES, ...custom];
    this.byGvr = new Map();
    this.byKind = new Map();
    this.byGroupResource = new Map();
    for (const t of this.all) {
      this.byGvr.set(`${t.group}/${t.version}/${t.resource}`, t);
      this.byKind.set(`${groupVersion(t.group, t.version)}/${t.kind}`, t);
      const key = groupResourceKey(t);
      const list = this.byGroupResource.get(key) ?? [];
      list.push(t);
      this.byGroupResource.set(key, list);
    }
  }
}

/** Kubernetes version priority: GA > beta > alpha, then by number (v2 > v1, v1beta2 > v1beta1). */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [-1, 0, 0];
    const stability = ({ beta: 1, alpha: 0 } as Record<string, number>)[m[2]] ?? 2;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return a.localeCompare(b);
}

function sortVersions(versions: string[]): string[] {
  return [...versions].sort(compareVersions);
}
