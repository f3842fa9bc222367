/*
 * The `tenants` shorthand: Kubeyard's soft-tenancy bundle for one namespace (SEED-DIGEST §1):
 * labelled Namespace with Pod Security labels, ResourceQuota and LimitRange, NetworkPolicies
 * (default deny; same namespace; ingress controller; DNS to kube-dns as ONE peer; listed
 * namespaces; HTTPS to the internet through ipBlock), the tenant-admin ServiceAccount and the
 * tenant-admin / tenant-developer / tenant-viewer Roles with their bindings.
 */
import type { KubeObject } from '../types';
import type { TenantSpec } from './scenarioFile';

/** Encodes a catalog entity ref for a label value: "group:default/team-payments" → "group.default.team-payments". */
export function encodeEntityRef(ref: string): string {
  const match = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref);
  const kind = (match?.[1] ?? 'group').toLowerCase();
  const namespace = match?.[2] ?? 'default';
  return `${kind}.${namespace}.${match?.[3] ?? ref}`;
}

/** ResourceQuota spec.hard per tier; "large" is the digest's bundle, the others scale it down. */
export const QUOTA_TIERS: Record<
  'large' | 'medium' | 'small',
  Record<string, string>
> = {
  large: {
    'requests.cpu': '100',
    'requests.memory': '200Gi',
    'limits.cpu': '200',
    'limits.memory': '400Gi',
    'requests.storage': '1Ti',
    persistentvolumeclaims: '50',
    pods: '500',
    services: '100',
    'services.loadbalancers': '10',
    'services.nodeports': '20',
    configmaps: '200',
    secrets: '200',
    replicationcontrollers: '50',
  },
  medium: {
    'requests.cpu': '25',
    'requests.memory': '50Gi',
    'limits.cpu': '50',
    'limits.memory': '100Gi',
    'requests.storage': '256Gi',
    persistentvolumeclaims: '12',
    pods: '125',
    services: '25',
    'services.loadbalancers': '2',
    'services.nodeports': '5',
    configmaps: '50',
    secrets: '50',
    replicationcontrollers: '12',
  },
  small: {
    'requests.cpu': '4',
    'requests.memory': '8Gi',
    'limits.cpu': '8',
    'limits.memory': '16Gi',
    'requests.storage': '100Gi',
    persistentvolumeclaims: '5',
    pods: '50',
    services: '10',
    'services.loadbalancers': '1',
    'services.nodeports': '2',
    configmaps: '20',
    secrets: '20',
    replicationcontrollers: '5',
  },
};

/** The LimitRange of the digest's tenant bundle. */
export const TENANT_LIMITS = [
  {
    type: 'Pod',
    max: { cpu: '16', memory: '32Gi' },
    min: { cpu: '100m', memory: '128Mi' },
  },
  {
    type: 'Container',
    default: { cpu: '1', memory: '1Gi' },
    defaultRequest: { cpu: '500m', memory: '512Mi' },
    max: { cpu: '8', memory: '16Gi' },
    min: { cpu: '100m', memory: '128Mi' },
    maxLimitRequestRatio: { cpu: '4', memory: '4' },
  },
  {
    type: 'PersistentVolumeClaim',
    max: { storage: '100Gi' },
    min: { storage: '1Gi' },
  },
];

const WORKLOADS = [
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'replicasets',
];

function role(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  rules: unknown[],
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name, namespace, labels },
    rules,
  };
}

function binding(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  roleName: string,
  subjects: unknown[],
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace, labels },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: roleName,
    },
    subjects,
  };
}

function networkPolicy(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels },
    spec,
  };
}

const byName = (name: string) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

/** The objects of one tenant namespace. */
export function tenantObjects(spec: TenantSpec): KubeObject[] {
  const environment = spec.environment ?? 'production';
  const namespace =
    spec.namespace ??
    `${spec.tenant}-${environment === 'production' ? 'prod' : environment}`;
  const managed = {
    'app.kubernetes.io/managed-by': 'kubeyard',
    'kubeyard.io/tenant': spec.tenant,
  };
  const nsLabels: Record<string, string> = {
    ...managed,
    ...(spec.owner ? { 'kubeyard.io/owner': encodeEntityRef(spec.owner) } : {}),
    ...(spec.costCenter ? { 'kubeyard.io/cost-center': spec.costCenter } : {}),
    'kubeyard.io/environment': environment,
    'pod-security.kubernetes.io/enforce': 'baseline',
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
    ...spec.labels,
  };
  const ownerGroup = spec.owner ? spec.owner.replace(/^.*\//, '') : undefined;
  const objects: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: nsLabels,
        ...(spec.annotations ? { annotations: spec.annotations } : {}),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace, labels: managed },
      spec: { hard: QUOTA_TIERS[spec.tier ?? 'medium'] },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'tenant-limits', namespace, labels: managed },
      spec: { limits: TENANT_LIMITS },
    },
  ];
  if (spec.networkPolicies !== false) {
    objects.push(
      networkPolicy('default-deny-all', namespace, managed, {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      }),
      networkPolicy('allow-same-namespace', namespace, managed, {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      }),
      networkPolicy('allow-ingress-controller', namespace, managed, {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [byName('ingress-nginx')] }],
      }),
      networkPolicy('allow-dns', namespace, managed, {
        podSelector: {},
        policyTypes: ['Egress'],
        // One peer with both selectors (AND): kube-dns pods in kube-system only.
        egress: [
          {
            to: [
              {
                ...byName('kube-system'),
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      }),
    );
    for (const target of spec.egressTo ?? []) {
      const [name, port] = target.split(':');
      objects.push(
        networkPolicy(`allow-egress-${name}`, namespace, managed, {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [byName(name)],
              ...(port
                ? { ports: [{ protocol: 'TCP', port: Number(port) }] }
                : {}),
            },
          ],
        }),
      );
    }
    if (environment === 'production') {
      objects.push(
        networkPolicy('allow-egress-internet-https', namespace, managed, {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [
                {
                  ipBlock: {
                    cidr: '0.0.0.0/0',
                    except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
                  },
                },
              ],
              ports: [{ protocol: 'TCP', port: 443 }],
            },
          ],
        }),
      );
    }
  }
  const admins = spec.adminGroups ?? (ownerGroup ? [ownerGroup] : []);
  const developers = spec.developerGroups ?? [];
  const viewers = spec.viewerGroups ?? ['auditors'];
  const group = (name: string) => ({
    kind: 'Group',
    apiGroup: 'rbac.authorization.k8s.io',
    name,
  });
  objects.push(
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: `${spec.tenant}-admin`, namespace, labels: managed },
    },
    role('tenant-admin', namespace, managed, [
      {
        apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'],
        resources: [
          ...WORKLOADS,
          'pods/log',
          'pods/exec',
          'configmaps',
          'secrets',
          'persistentvolumeclaims',
          'services',
          'endpoints',
          'ingresses',
        ],
        verbs: ['*'],
      },
      {
        apiGroups: [''],
        resources: ['resourcequotas', 'limitranges', 'events'],
        verbs: ['get', 'list', 'watch'],
      },
    ]),
    role('tenant-developer', namespace, managed, [
      {
        apiGroups: ['', 'apps', 'batch'],
        resources: ['pods', 'deployments', 'statefulsets', 'jobs', 'cronjobs'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'],
      },
      {
        apiGroups: [''],
        resources: ['pods/log', 'pods/exec'],
        verbs: ['get', 'create'],
      },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
      {
        apiGroups: [''],
        resources: ['services', 'endpoints'],
        verbs: ['get', 'list', 'watch'],
      },
    ]),
    role('tenant-viewer', namespace, managed, [
      {
        apiGroups: ['', 'apps', 'batch', 'networking.k8s.io'],
        resources: [...WORKLOADS, 'services', 'ingresses'],
        verbs: ['get', 'list', 'watch'],
      },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]),
    binding('tenant-admin', namespace, managed, 'tenant-admin', [
      ...admins.map(group),
      { kind: 'ServiceAccount', name: `${spec.tenant}-admin`, namespace },
    ]),
  );
  if (developers.length)
    objects.push(
      binding(
        'tenant-developer',
        namespace,
        managed,
        'tenant-developer',
        developers.map(group),
      ),
    );
  if (viewers.length)
    objects.push(
      binding(
        'tenant-viewer',
        namespace,
        managed,
        'tenant-viewer',
        viewers.map(group),
      ),
    );
  return objects;
}
