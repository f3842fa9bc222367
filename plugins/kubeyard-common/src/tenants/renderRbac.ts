/*
 * The tenant's ServiceAccount, Roles and RoleBindings (SEED-DIGEST §1), without the seed's
 * defects: tenant-admin lists its resources (never `*` resources, so admins cannot edit their
 * own ResourceQuota, LimitRange, NetworkPolicies or RBAC) and tenant-viewer lists what it may
 * read (never `*`, which would include Secrets).
 */
import { parseMemberRef } from './catalogRefs';
import type { ResolvedClusterFacts } from './clusterFacts';
import { compareStrings, KubeManifest } from './manifests';
import type { TenantSpec } from './tenantSpec';

/** A PolicyRule of a Role. */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** A RoleBinding subject. */
export interface RbacSubject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  apiGroup?: string;
  namespace?: string;
}

const READ = ['get', 'list', 'watch'];
const WRITE_NO_DELETE = ['get', 'list', 'watch', 'create', 'update', 'patch'];

/** Rules of the three tenant roles. */
export const TENANT_ROLE_RULES: Record<'tenant-admin' | 'tenant-developer' | 'tenant-viewer', RbacRule[]> = {
  'tenant-admin': [
    {
      apiGroups: [''],
      resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'pods/exec', 'pods/log', 'secrets', 'services'],
      verbs: ['*'],
    },
    { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: ['*'] },
    { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: ['*'] },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['*'] },
    // Admins see their limits but never change them: the quota is what the platform promised
    // the other tenants.
    { apiGroups: [''], resources: ['events', 'limitranges', 'resourcequotas'], verbs: READ },
  ],
  'tenant-developer': [
    { apiGroups: [''], resources: ['pods'], verbs: WRITE_NO_DELETE },
    { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: WRITE_NO_DELETE },
    { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE_NO_DELETE },
    { apiGroups: [''], resources: ['pods/exec', 'pods/log'], verbs: ['create', 'get'] },
    { apiGroups: [''], resources: ['configmaps'], verbs: WRITE_NO_DELETE },
    { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
    { apiGroups: [''], resources: ['endpoints', 'services'], verbs: READ },
  ],
  'tenant-viewer': [
    { apiGroups: [''], resources: ['endpoints', 'events', 'pods', 'services'], verbs: READ },
    { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: READ },
    { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: READ },
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  ],
};

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The name of a tenant's admin ServiceAccount. */
export function tenantAdminServiceAccount(spec: Pick<TenantSpec, 'name'>): string {
  return `${spec.name}-admin`;
}

/** Maps catalog refs to RBAC subjects: users through the cluster's naming, groups by catalog name. */
export function memberSubjects(refs: string[], facts: Pick<ResolvedClusterFacts, 'userSubjectName'>): RbacSubject[] {
  const subjects: RbacSubject[] = [];
  for (const ref of refs) {
    const parsed = parseMemberRef(ref);
    if (!parsed) continue;
    const subject: RbacSubject =
      parsed.kind === 'user'
        ? { kind: 'User', apiGroup: RBAC_GROUP, name: facts.userSubjectName(parsed) }
        : { kind: 'Group', apiGroup: RBAC_GROUP, name: parsed.name };
    if (!subjects.some(s => s.kind === subject.kind && s.name === subject.name)) subjects.push(subject);
  }
  // Sorted, so reordering members in the request does not make apply report a change.
  const rank = { Group: 0, User: 1, ServiceAccount: 2 };
  return subjects.sort((a, b) => rank[a.kind] - rank[b.kind] || compareStrings(a.name, b.name));
}

/** Role bundle of a tenant namespace: ServiceAccount, Roles, RoleBindings (bindings without subjects are left out). */
export function renderRbac(
  spec: TenantSpec,
  namespace: string,
  labels: Record<string, string>,
  facts: ResolvedClusterFacts,
): KubeManifest[] {
  const serviceAccount = tenantAdminServiceAccount(spec);
  const manifests: KubeManifest[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: serviceAccount, namespace, labels: { ...labels } } },
  ];
  for (const [name, rules] of Object.entries(TENANT_ROLE_RULES)) {
    manifests.push({
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'Role',
      metadata: { name, namespace, labels: { ...labels } },
      rules: rules.map(rule => ({ apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })),
    });
  }
  // Without named admins, the owning group administers its tenant.
  const admins = spec.admins.length > 0 ? spec.admins : [spec.owner];
  const bindings: Array<[string, RbacSubject[]]> = [
    ['tenant-admin', [...memberSubjects(admins, facts), { kind: 'ServiceAccount', name: serviceAccount, namespace }]],
    ['tenant-developer', memberSubjects(spec.developers, facts)],
    ['tenant-viewer', memberSubjects(spec.viewers, facts)],
  ];
  for (const [role, subjects] of bindings) {
    if (subjects.length === 0) continue;
    manifests.push({
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'RoleBinding',
      metadata: { name: role, namespace, labels: { ...labels } },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: role },
      subjects,
    });
  }
  return manifests;
}
