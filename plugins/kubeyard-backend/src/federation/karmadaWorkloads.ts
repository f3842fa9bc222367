import type { FederatedPlacement, FederatedWorkload } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot, KubeObject } from '../fleet';
import { firstKubernetesId } from './kubefedWorkloads';
import { memberState } from './memberState';

const TYPE_KEYS: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

/**
 * Karmada ResourceBindings (work.karmada.io/v1alpha2) of a Karmada control plane: the
 * scheduler's decision in `spec.clusters[{name, replicas}]`, conditions Scheduled and
 * FullyApplied, and per member `status.aggregatedStatus[{clusterName, applied, health}]`,
 * joined with the readiness the fleet index sees on each member.
 */
export function karmadaWorkloads(host: ClusterSnapshot, members: Map<string, ClusterSnapshot>): FederatedWorkload[] {
  return host.list<KubeObject>('resourcebindings').map(binding => {
    const resource = binding.spec?.resource ?? {};
    const namespace: string = resource.namespace ?? binding.metadata?.namespace ?? '';
    const name: string = resource.name ?? binding.metadata?.name ?? '';
    const kind: string = resource.kind ?? 'Deployment';
    const aggregated = new Map<string, any>((binding.status?.aggregatedStatus ?? []).map((a: any) => [a.clusterName, a]));
    const scheduled: Array<{ name: string; replicas?: number }> = binding.spec?.clusters ?? [];
    const clusterNames = [...new Set([...scheduled.map(c => c.name), ...aggregated.keys()])].sort();
    const placements: FederatedPlacement[] = clusterNames.map(cluster => {
      const status = aggregated.get(cluster);
      const member = memberState(members.get(cluster), TYPE_KEYS[kind] ?? 'deployments', namespace, name);
      const health: FederatedPlacement['health'] =
        status?.health === 'Healthy' || status?.health === 'Unhealthy' ? status.health : 'Unknown';
      return {
        cluster,
        desiredReplicas: scheduled.find(c => c.name === cluster)?.replicas,
        readyReplicas: member.readyReplicas,
        applied: status ? Boolean(status.applied) : undefined,
        health,
        message: status?.appliedMessage ?? member.message,
      };
    });
    const desired = scheduled.map(c => c.replicas).filter((r): r is number => r !== undefined);
    return {
      source: 'Karmada',
      hostCluster: host.name,
      namespace,
      name,
      kind,
      kubernetesId: firstKubernetesId(members, clusterNames, namespace, name),
      totalDesiredReplicas: resource.replicas ?? (desired.length ? desired.reduce((s, r) => s + r, 0) : undefined),
      placements,
      conditions: (binding.status?.conditions ?? []).map((c: any) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message })),
    };
  });
}
