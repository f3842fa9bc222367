import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  evaluateWorkloadHa,
  KUBERNETES_ID_ANNOTATION,
  LabelSelectorError,
  matchesLabelSelector,
  matchesRequirements,
  parseLabelSelector,
  type EntityWorkload,
  type EntityWorkloadsResponse,
  type HpaInfo,
  type NodeInfo,
  type PdbInfo,
  type PodInfo,
  type WorkloadInfo,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';

const WORKLOAD_TYPES = ['deployments', 'statefulsets', 'daemonsets'] as const;

/**
 * The label selector that finds an entity's workloads, read from the same annotations as
 * @backstage/plugin-kubernetes: `backstage.io/kubernetes-label-selector` wins over
 * `backstage.io/kubernetes-id` (which means `backstage.io/kubernetes-id=<id>`).
 */
export function workloadSelectorOf(entity: Entity): EntityWorkloadsResponse['selector'] {
  const annotations = entity.metadata.annotations ?? {};
  const kubernetesId = annotations[KUBERNETES_ID_ANNOTATION];
  const labelSelector =
    annotations['backstage.io/kubernetes-label-selector'] ??
    (kubernetesId ? `${KUBERNETES_ID_ANNOTATION}=${kubernetesId}` : undefined);
  return { kubernetesId, labelSelector, namespace: annotations['backstage.io/kubernetes-namespace'] };
}

function workloadOnCluster(snapshot: ClusterSnapshot, workload: WorkloadInfo, nodes: NodeInfo[]): EntityWorkload {
  const inNamespace = <T extends { namespace: string }>(items: T[]) => items.filter(i => i.namespace === workload.namespace);
  const hasSelector = Object.keys(workload.selector).length > 0;
  const pods = inNamespace(snapshot.list<PodInfo>('pods')).filter(
    pod => hasSelector && matchesLabelSelector(pod.labels, { matchLabels: workload.selector }),
  );
  const zoneOf = new Map(nodes.map(node => [node.name, node.zone]));
  const findings = evaluateWorkloadHa({
    cluster: snapshot.name,
    workload,
    pods,
    pdbs: inNamespace(snapshot.list<PdbInfo>('poddisruptionbudgets')),
    hpas: inNamespace(snapshot.list<HpaInfo>('horizontalpodautoscalers')),
    nodes,
  });
  return {
    kind: workload.kind,
    namespace: workload.namespace,
    name: workload.name,
    desiredReplicas: workload.desiredReplicas,
    readyReplicas: workload.readyReplicas,
    pods: pods
      .map(pod => ({
        name: pod.name,
        nodeName: pod.nodeName,
        zone: pod.nodeName ? zoneOf.get(pod.nodeName) : undefined,
        phase: pod.phase,
        ready: pod.ready,
        restarts: pod.restarts,
        waitingReason: pod.waitingReason,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    findings,
  };
}

/** An entity's workloads on every cluster, from the index. */
export function entityWorkloads(entityRef: string, entity: Entity, clusters: ClusterSnapshot[]): EntityWorkloadsResponse {
  const selector = workloadSelectorOf(entity);
  if (!selector.labelSelector) {
    throw new InputError(
      `${entityRef} has neither a backstage.io/kubernetes-id nor a backstage.io/kubernetes-label-selector annotation, so its workloads cannot be found`,
    );
  }
  let requirements;
  try {
    requirements = parseLabelSelector(selector.labelSelector);
  } catch (error) {
    if (error instanceof LabelSelectorError) throw new InputError(`${entityRef}: ${error.message}`);
    throw error;
  }
  return {
    entityRef,
    selector,
    clusters: clusters.map(snapshot => {
      const nodes = snapshot.list<NodeInfo>('nodes');
      const workloads = WORKLOAD_TYPES.flatMap(type => snapshot.list<WorkloadInfo>(type))
        .filter(w => !selector.namespace || w.namespace === selector.namespace)
        .filter(w => matchesRequirements(w.labels, requirements))
        .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`))
        .map(w => workloadOnCluster(snapshot, w, nodes));
      return { cluster: snapshot.name, sync: snapshot.sync, workloads };
    }),
  };
}
