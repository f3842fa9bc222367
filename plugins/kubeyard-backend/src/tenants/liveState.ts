/*
 * What a cluster holds of a tenant before an operation: its namespace and, per kind Kubeyard
 * renders, the objects in it. Read with one LIST per kind rather than one GET per object:
 * fewer requests, and an object's own path is touched only by the write to it.
 */
import {
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  manifestKey,
  type KubeManifest,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import type { TenantClusterClient } from './clusterClient';

/** The kinds a tenant may hold inside its namespace, with the apiVersion they are read at. */
export const NAMESPACED_TENANT_KINDS: Array<{ apiVersion: string; kind: string }> = [
  { apiVersion: 'v1', kind: 'ResourceQuota' },
  { apiVersion: 'v1', kind: 'LimitRange' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
];

/** A tenant's objects on one cluster, keyed by manifestKey. */
export interface LiveState {
  namespace?: KubeObject;
  objects: Map<string, KubeObject>;
}

/** The manifestKey of a live object. */
export function liveKey(obj: KubeObject): string {
  return manifestKey({
    apiVersion: obj.apiVersion ?? 'v1',
    kind: obj.kind ?? '',
    metadata: { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace },
  });
}

/** Whether an object carries this tenant's Kubeyard labels. */
export function belongsToTenant(obj: KubeObject | KubeManifest | undefined, tenant: string): boolean {
  const labels = obj?.metadata?.labels ?? {};
  return labels[KUBEYARD_LABELS.managedBy] === KUBEYARD_MANAGER && labels[KUBEYARD_LABELS.tenant] === tenant;
}

/** Reads the tenant namespace and every object of the tenant kinds in it. */
export async function readLiveState(client: TenantClusterClient, namespace: string): Promise<LiveState> {
  const [ns] = await client.list('v1', 'Namespace', { fieldSelector: `metadata.name=${namespace}` });
  const objects = new Map<string, KubeObject>();
  if (!ns) return { objects };
  objects.set(liveKey(ns), ns);
  const lists = await Promise.all(NAMESPACED_TENANT_KINDS.map(({ apiVersion, kind }) => client.list(apiVersion, kind, { namespace })));
  for (const obj of lists.flat()) objects.set(liveKey(obj), obj);
  return { namespace: ns, objects };
}

/**
 * Objects of the tenant that are there but no longer rendered (a RoleBinding whose last
 * member left), in the reverse of the apply order, so dependents go first.
 */
export function staleObjects(live: LiveState, rendered: KubeManifest[], tenant: string): KubeObject[] {
  const wanted = new Set(rendered.map(m => manifestKey(m)));
  const order = (kind?: string) => NAMESPACED_TENANT_KINDS.findIndex(k => k.kind === kind);
  return [...live.objects.values()]
    .filter(obj => obj.kind !== 'Namespace' && !wanted.has(liveKey(obj)) && belongsToTenant(obj, tenant))
    .sort((a, b) => order(b.kind) - order(a.kind));
}
