import type { KubeObject } from '../fleet';
import type { TenantClusterClient } from '../tenants';

/** How far a restored namespace's workloads have come back. */
export interface RestoredPods {
  ready: number;
  /** Replicas the restored Deployments and StatefulSets ask for, or the pods there are if more. */
  total: number;
  /** When the last pod became Ready (its Ready condition's lastTransitionTime, the cluster's clock), once all are. */
  readyAt?: number;
}

const isReady = (pod: KubeObject) =>
  (pod.status?.conditions as Array<{ type?: string; status?: string }> | undefined)?.some(c => c.type === 'Ready' && c.status === 'True') ?? false;

function readySince(pod: KubeObject): number | undefined {
  const condition = (pod.status?.conditions as Array<{ type?: string; lastTransitionTime?: string }> | undefined)?.find(c => c.type === 'Ready');
  const at = Date.parse(condition?.lastTransitionTime ?? '');
  return Number.isNaN(at) ? undefined : at;
}

/** Counts the Ready pods of a namespace against what its workloads want. */
export async function restoredPods(client: TenantClusterClient, namespace: string): Promise<RestoredPods> {
  const [deployments, statefulSets, pods] = await Promise.all([
    client.list('apps/v1', 'Deployment', { namespace }),
    client.list('apps/v1', 'StatefulSet', { namespace }),
    client.list('v1', 'Pod', { namespace }),
  ]);
  const desired = [...deployments, ...statefulSets].reduce((sum, w) => sum + ((w.spec?.replicas as number | undefined) ?? 1), 0);
  const running = pods.filter(p => !(p.metadata as { deletionTimestamp?: string } | undefined)?.deletionTimestamp && p.status?.phase !== 'Succeeded');
  const ready = running.filter(isReady);
  const total = Math.max(desired, running.length);
  const times = ready.map(readySince).filter((t): t is number => t !== undefined);
  return { ready: ready.length, total, ...(ready.length >= total && times.length > 0 ? { readyAt: Math.max(...times) } : {}) };
}
