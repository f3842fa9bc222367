/*
 * Planning a tenant: per cluster and rendered object, what applying it would do. An object
 * that exists is applied with dryRun=All as field manager `kubeyard`; the API server's answer
 * (defaults, admission, ownership by other managers) is compared with the live object, so
 * the plan shows exactly the fields that would change, and a conflict or a refusal shows as
 * the object's error. Objects in a namespace that does not exist yet are plain creates: the
 * API server refuses even a dry run into a missing namespace.
 */
import {
  manifestKey,
  renderTenant,
  type ClusterPlan,
  type KubeManifest,
  type ObjectAction,
  type PlannedObject,
  type TenantPlan,
  type TenantSpec,
  tenantNamespace,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import { describeKubeError, type TenantClusterClients } from './clusterClient';
import { belongsToTenant, readLiveState, staleObjects } from './liveState';
import { diffObjects } from './objectDiff';


function planned(obj: KubeManifest | KubeObject, action: ObjectAction, extra: Partial<PlannedObject> = {}): PlannedObject {
  return {
    key: manifestKey(obj as KubeManifest),
    apiVersion: obj.apiVersion ?? 'v1',
    kind: obj.kind ?? '',
    ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}),
    name: obj.metadata?.name ?? '',
    action,
    ...extra,
  };
}

async function planCluster(clients: TenantClusterClients, spec: TenantSpec, cluster: string, leaving: boolean): Promise<ClusterPlan> {
  const client = clients.for(cluster);
  if (!client) return { cluster, reachable: false, error: `cluster ${cluster} is not configured`, objects: [] };
  try {
    const live = await readLiveState(client, tenantNamespace(spec));
    if (leaving) {
      const ns = live.namespace;
      return { cluster, reachable: true, objects: ns && belongsToTenant(ns, spec.name) ? [planned(ns, 'delete')] : [] };
    }
    const rendered = renderTenant(spec, { clusterName: cluster });
    const objects = await Promise.all(
      rendered.map(async manifest => {
        const before = live.objects.get(manifestKey(manifest));
        if (!live.namespace && manifest.kind !== 'Namespace') return planned(manifest, 'create');
        try {
          const after = await client.apply(manifest, { dryRun: true });
          if (!before) return planned(manifest, 'create');
          const diff = diffObjects(before, after);
          return planned(manifest, diff.length > 0 ? 'update' : 'unchanged', diff.length > 0 ? { diff } : {});
        } catch (error) {
          return planned(manifest, before ? 'update' : 'create', { error: describeKubeError(error) });
        }
      }),
    );
    for (const stale of staleObjects(live, rendered, spec.name)) objects.push(planned(stale, 'delete'));
    return { cluster, reachable: true, objects };
  } catch (error) {
    return { cluster, reachable: false, error: describeKubeError(error), objects: [] };
  }
}

/**
 * Plans `spec` on each of its clusters and, for an existing tenant, the removal from the
 * clusters `previous` had and `spec` no longer lists.
 */
export async function planTenant(clients: TenantClusterClients, spec: TenantSpec, previous?: TenantSpec): Promise<TenantPlan> {
  const leaving = (previous?.clusters ?? []).filter(cluster => !spec.clusters.includes(cluster));
  const clusters = await Promise.all([
    ...spec.clusters.map(cluster => planCluster(clients, spec, cluster, false)),
    ...leaving.map(cluster => planCluster(clients, spec, cluster, true)),
  ]);
  const summary: Record<ObjectAction, number> = { create: 0, update: 0, unchanged: 0, delete: 0 };
  for (const plan of clusters) for (const obj of plan.objects) summary[obj.action] += 1;
  return { tenant: spec.name, spec, clusters, summary };
}
