/*
 * Discovery documents: /version, /api (APIVersions), /apis (APIGroupList), /apis/GROUP
 * (APIGroup), /api/v1 and /apis/GROUP/VERSION (APIResourceList with subresources).
 */
import type { ResourceType } from '../types';
import { SUBRESOURCE_KINDS } from './builtinTypes';
import { groupVersion, TypeRegistry } from './typeRegistry';

/** The /version document for a Kubernetes version such as v1.31.4. */
export function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m ? m[1] : '1',
    minor: m ? m[2] : '31',
    gitVersion,
    gitCommit: 'kube-simulator',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** /api */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDocument(group: { name: string; versions: string[] }): Record<string, unknown> {
  const versions = group.versions.map(v => ({ groupVersion: groupVersion(group.name, v), version: v }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

/** /apis */
export function apiGroupList(registry: TypeRegistry): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry.groups().filter(g => g.name !== '').map(groupDocument),
  };
}

/** /apis/GROUP, or undefined when the group is not served. */
export function apiGroup(registry: TypeRegistry, name: string): Record<string, unknown> | undefined {
  const group = registry.groups().find(g => g.name === name && name !== '');
  return group ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) } : undefined;
}

function resourceEntries(t: ResourceType): Array<Record<string, unknown>> {
  const main: Record<string, unknown> = {
    name: t.resource,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs,
  };
  if (t.shortNames?.length) main.shortNames = t.shortNames;
  if (t.categories?.length) main.categories = t.categories;
  const entries = [main];
  for (const sub of t.subresources ?? []) {
    const k = SUBRESOURCE_KINDS[sub];
    if (!k) continue;
    const entry: Record<string, unknown> = {
      name: `${t.resource}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: k.kind || t.kind,
      verbs: k.verbs,
    };
    // A subresource speaking another group's kind (Scale, Eviction) names its group and version.
    if (k.version && (k.group !== t.group || k.version !== t.version)) {
      entry.group = k.group;
      entry.version = k.version;
    }
    entries.push(entry);
  }
  return entries;
}

/** /api/v1 or /apis/GROUP/VERSION, or undefined when not served. */
export function apiResourceList(registry: TypeRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const types = registry.types().filter(t => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources: types.flatMap(resourceEntries),
  };
}
