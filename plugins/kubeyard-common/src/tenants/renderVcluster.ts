/*
 * The virtual-cluster workload in a tenant's host namespace (SEED-DIGEST §1, vcluster): a k3s
 * control plane as a StatefulSet with its Service and ServiceAccount, labelled the way the
 * vcluster chart labels it (`app: vcluster`, `release: <name>`) so vcluster tooling finds it.
 */
import type { KubeManifest } from './manifests';
import type { TenantSpec } from './tenantSpec';
import { k3sImage, VCLUSTER_STORAGE, vclusterSizing } from './vclusterPresets';
import { formatBytes, formatCpu, parseQuantity } from '../quantity';

/** Labels of the vcluster workload, as the vcluster chart sets them. */
export function vclusterWorkloadLabels(name: string): Record<string, string> {
  return { app: 'vcluster', release: name };
}

/** Name of the ServiceAccount (and Role) the virtual cluster runs as. */
export function vclusterServiceAccount(name: string): string {
  return `vc-${name}`;
}

// The virtual cluster syncs its pods, services and their configuration into the host
// namespace; it needs nothing outside it and no access to quotas or policies.
const SYNC_RULES = [
  {
    apiGroups: [''],
    resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'secrets', 'services'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  { apiGroups: [''], resources: ['events', 'pods/log'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'], verbs: ['get', 'list', 'watch'] },
];

/** ServiceAccount, Role, RoleBinding, Service and StatefulSet of a tenant's virtual cluster. */
export function renderVcluster(spec: TenantSpec, namespace: string, labels: Record<string, string>): KubeManifest[] {
  const name = spec.name;
  const selector = vclusterWorkloadLabels(name);
  const workloadLabels = { ...labels, ...selector };
  const serviceAccount = vclusterServiceAccount(name);
  const requests = vclusterSizing(spec.vcluster?.nodes);
  // Limits at twice the requests, as in the seed's values (1/2Gi requested, 2/4Gi limit).
  const limits = {
    cpu: formatCpu(2 * parseQuantity(requests.cpu)),
    memory: formatBytes(2 * parseQuantity(requests.memory)),
  };
  // Non-root with the restricted profile's settings, so the control plane is admitted at every
  // Pod Security level the tenant may choose.
  const containerSecurity = {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    runAsUser: 12345,
    seccompProfile: { type: 'RuntimeDefault' },
  };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: serviceAccount, namespace, labels: { ...workloadLabels } } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: serviceAccount, namespace, labels: { ...workloadLabels } },
      rules: SYNC_RULES.map(rule => ({ ...rule, apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: serviceAccount, namespace, labels: { ...workloadLabels } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: serviceAccount },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels: { ...workloadLabels } },
      spec: {
        type: 'ClusterIP',
        selector: { ...selector },
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace, labels: { ...workloadLabels } },
      spec: {
        // One replica: k3s keeps its state in SQLite on the data volume, which cannot be shared;
        // the seed's three replicas need an external etcd.
        replicas: 1,
        serviceName: name,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: { ...selector } },
        template: {
          metadata: { labels: { ...workloadLabels } },
          spec: {
            serviceAccountName: serviceAccount,
            terminationGracePeriodSeconds: 10,
            securityContext: { fsGroup: 12345 },
            containers: [
              {
                name: 'vcluster',
                image: k3sImage(spec.vcluster?.k8sVersion),
                command: ['/bin/k3s'],
                args: [
                  'server',
                  '--write-kubeconfig=/data/k3s-config/kube-config.yaml',
                  '--data-dir=/data',
                  '--disable=traefik,servicelb,metrics-server,local-storage,coredns',
                  '--disable-network-policy',
                  '--disable-agent',
                  '--disable-cloud-controller',
                  '--flannel-backend=none',
                ],
                ports: [{ name: 'https', containerPort: 6443, protocol: 'TCP' }],
                resources: { limits, requests: { ...requests } },
                securityContext: containerSecurity,
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: VCLUSTER_STORAGE } } },
          },
        ],
      },
    },
  ];
}
