import {
  projectCustomResource,
  projectHpa,
  projectNamespace,
  projectNode,
  projectPdb,
  projectPod,
  projectResourceQuota,
  projectWorkload,
} from './projections';
import type { WatchedType } from './types';

/** The types the fleet features read (feature folders add theirs to this list). */
export const FLEET_TYPES: WatchedType[] = [
  { key: 'nodes', group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, project: projectNode },
  { key: 'namespaces', group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, project: projectNamespace },
  { key: 'pods', group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, project: projectPod },
  { key: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, project: projectWorkload },
  { key: 'statefulsets', group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, project: projectWorkload },
  { key: 'daemonsets', group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, project: projectWorkload },
  { key: 'poddisruptionbudgets', group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true, project: projectPdb },
  { key: 'horizontalpodautoscalers', group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true, project: projectHpa },
];

/** Federation control-plane types (KubeFed is archived upstream and read-only here). */
export const FEDERATION_TYPES: WatchedType[] = [
  { key: 'kubefedclusters', group: 'core.kubefed.io', version: 'v1beta1', kind: 'KubeFedCluster', plural: 'kubefedclusters', namespaced: true, optional: true, project: projectCustomResource },
  { key: 'federateddeployments', group: 'types.kubefed.io', version: 'v1beta1', kind: 'FederatedDeployment', plural: 'federateddeployments', namespaced: true, optional: true, project: projectCustomResource },
  { key: 'replicaschedulingpreferences', group: 'scheduling.kubefed.io', version: 'v1alpha1', kind: 'ReplicaSchedulingPreference', plural: 'replicaschedulingpreferences', namespaced: true, optional: true, project: projectCustomResource },
  { key: 'karmadaclusters', group: 'cluster.karmada.io', version: 'v1alpha1', kind: 'Cluster', plural: 'clusters', namespaced: false, optional: true, project: projectCustomResource },
  { key: 'propagationpolicies', group: 'policy.karmada.io', version: 'v1alpha1', kind: 'PropagationPolicy', plural: 'propagationpolicies', namespaced: true, optional: true, project: projectCustomResource },
  { key: 'resourcebindings', group: 'work.karmada.io', version: 'v1alpha2', kind: 'ResourceBinding', plural: 'resourcebindings', namespaced: true, optional: true, project: projectCustomResource },
];

/** Types the tenant features read: quota usage per tenant namespace. */
export const TENANT_TYPES: WatchedType[] = [
  { key: 'resourcequotas', group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true, project: projectResourceQuota },
];
