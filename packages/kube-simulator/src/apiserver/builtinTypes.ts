/*
 * The resource types every simulated cluster serves natively (what kube-apiserver compiles
 * in), as discovery describes them. CRD-installed types live in customResourceTable.ts.
 */
import type { ResourceType } from '../types';

/** The verbs of an ordinary read/write resource. */
export const STANDARD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

interface Options {
  namespaced?: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  verbs?: string[];
  singular?: string;
}

function type(group: string, version: string, resource: string, kind: string, o: Options = {}): ResourceType {
  const t: ResourceType = {
    group,
    version,
    resource,
    kind,
    singular: o.singular ?? kind.toLowerCase(),
    namespaced: o.namespaced ?? true,
    verbs: o.verbs ?? STANDARD_VERBS,
  };
  if (o.shortNames) t.shortNames = o.shortNames;
  if (o.categories) t.categories = o.categories;
  if (o.subresources) t.subresources = o.subresources;
  return t;
}

const ALL = ['all'];
const CLUSTER = { namespaced: false };

/** Built-in types, in discovery order. */
export const BUILTIN_TYPES: ResourceType[] = [
  // core/v1
  type('', 'v1', 'namespaces', 'Namespace', { ...CLUSTER, shortNames: ['ns'], subresources: ['status', 'finalize'], verbs: NO_COLLECTION_DELETE }),
  type('', 'v1', 'nodes', 'Node', { ...CLUSTER, shortNames: ['no'], subresources: ['status'] }),
  type('', 'v1', 'pods', 'Pod', { shortNames: ['po'], categories: ALL, subresources: ['status', 'log', 'eviction'] }),
  type('', 'v1', 'services', 'Service', { shortNames: ['svc'], categories: ALL, subresources: ['status'], verbs: NO_COLLECTION_DELETE }),
  type('', 'v1', 'endpoints', 'Endpoints', { shortNames: ['ep'], singular: 'endpoints' }),
  type('', 'v1', 'configmaps', 'ConfigMap', { shortNames: ['cm'] }),
  type('', 'v1', 'secrets', 'Secret'),
  type('', 'v1', 'serviceaccounts', 'ServiceAccount', { shortNames: ['sa'] }),
  type('', 'v1', 'resourcequotas', 'ResourceQuota', { shortNames: ['quota'], subresources: ['status'] }),
  type('', 'v1', 'limitranges', 'LimitRange', { shortNames: ['limits'] }),
  type('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', { shortNames: ['pvc'], subresources: ['status'] }),
  type('', 'v1', 'persistentvolumes', 'PersistentVolume', { ...CLUSTER, shortNames: ['pv'], subresources: ['status'] }),
  type('', 'v1', 'events', 'Event', { shortNames: ['ev'] }),
  // apps/v1
  type('apps', 'v1', 'deployments', 'Deployment', { shortNames: ['deploy'], categories: ALL, subresources: ['status', 'scale'] }),
  type('apps', 'v1', 'statefulsets', 'StatefulSet', { shortNames: ['sts'], categories: ALL, subresources: ['status', 'scale'] }),
  type('apps', 'v1', 'daemonsets', 'DaemonSet', { shortNames: ['ds'], categories: ALL, subresources: ['status'] }),
  type('apps', 'v1', 'replicasets', 'ReplicaSet', { shortNames: ['rs'], categories: ALL, subresources: ['status', 'scale'] }),
  // batch/v1
  type('batch', 'v1', 'jobs', 'Job', { categories: ALL, subresources: ['status'] }),
  type('batch', 'v1', 'cronjobs', 'CronJob', { shortNames: ['cj'], categories: ALL, subresources: ['status'] }),
  // networking.k8s.io/v1
  type('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', { shortNames: ['netpol'] }),
  type('networking.k8s.io', 'v1', 'ingresses', 'Ingress', { shortNames: ['ing'], subresources: ['status'] }),
  // rbac.authorization.k8s.io/v1
  type('rbac.authorization.k8s.io', 'v1', 'roles', 'Role'),
  type('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding'),
  type('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', CLUSTER),
  type('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', CLUSTER),
  // authorization.k8s.io/v1: create-only reviews answered by the RBAC evaluator
  type('authorization.k8s.io', 'v1', 'subjectaccessreviews', 'SubjectAccessReview', { ...CLUSTER, verbs: ['create'] }),
  type('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', { ...CLUSTER, verbs: ['create'] }),
  type('authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', { ...CLUSTER, verbs: ['create'] }),
  type('authorization.k8s.io', 'v1', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', { verbs: ['create'] }),
  // authentication.k8s.io/v1: `kubectl auth whoami`
  type('authentication.k8s.io', 'v1', 'selfsubjectreviews', 'SelfSubjectReview', { ...CLUSTER, verbs: ['create'] }),
  // policy/v1
  type('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', { shortNames: ['pdb'], subresources: ['status'] }),
  // autoscaling/v2
  type('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', { shortNames: ['hpa'], categories: ALL, subresources: ['status'] }),
  // storage.k8s.io/v1
  type('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', { ...CLUSTER, shortNames: ['sc'] }),
  // coordination.k8s.io/v1
  type('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  // apiextensions.k8s.io/v1
  type('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', {
    ...CLUSTER,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: ['status'],
  }),
  // metrics.k8s.io/v1beta1: computed on read, never stored
  type('metrics.k8s.io', 'v1beta1', 'pods', 'PodMetrics', { verbs: ['get', 'list'] }),
  type('metrics.k8s.io', 'v1beta1', 'nodes', 'NodeMetrics', { ...CLUSTER, verbs: ['get', 'list'] }),
];

/** Types whose objects are not stored but answered by a handler (reviews, metrics). */
export const VIRTUAL_GROUPS = new Set(['authorization.k8s.io', 'authentication.k8s.io', 'metrics.k8s.io']);

/** The Kind of a subresource's body (deployments/scale speaks autoscaling/v1 Scale). */
export const SUBRESOURCE_KINDS: Record<string, { group: string; version: string; kind: string; verbs: string[] }> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
  status: { group: '', version: '', kind: '', verbs: ['get', 'patch', 'update'] },
  log: { group: '', version: 'v1', kind: 'Pod', verbs: ['get'] },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
  finalize: { group: '', version: 'v1', kind: 'Namespace', verbs: ['update'] },
};
