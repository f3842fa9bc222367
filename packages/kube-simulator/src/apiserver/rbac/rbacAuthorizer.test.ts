import type { KubeObject, UserInfo } from '../../types';
import { InMemoryClusterStore } from '../clusterStore';
import { AuthorizationAttributes, forbiddenMessage, ruleAllows } from './rbacAuthorizer';

const RBAC = 'rbac.authorization.k8s.io';
const alice: UserInfo = { username: 'alice', groups: ['devs', 'system:authenticated'] };

function attrs(verb: string, resource: string, extra: Partial<AuthorizationAttributes> = {}): AuthorizationAttributes {
  return { user: alice, verb, resourceRequest: true, apiGroup: '', resource, namespace: 'team-a', ...extra };
}

describe('ruleAllows', () => {
  it('matches verbs, groups, resources, subresources and resourceNames', () => {
    const rule = { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] };
    expect(ruleAllows(rule, attrs('get', 'pods'))).toBe(true);
    expect(ruleAllows(rule, attrs('get', 'pods', { subresource: 'log' }))).toBe(true);
    expect(ruleAllows(rule, attrs('get', 'pods', { subresource: 'exec' }))).toBe(false);
    expect(ruleAllows(rule, attrs('delete', 'pods'))).toBe(false);
    expect(ruleAllows(rule, attrs('get', 'pods', { apiGroup: 'apps' }))).toBe(false);
    expect(ruleAllows({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, attrs('delete', 'deployments', { apiGroup: 'apps', subresource: 'scale' }))).toBe(true);
    expect(ruleAllows({ apiGroups: [''], resources: ['*/status'], verbs: ['update'] }, attrs('update', 'pods', { subresource: 'status' }))).toBe(true);
    const named = { apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['settings'] };
    expect(ruleAllows(named, attrs('get', 'configmaps', { name: 'settings' }))).toBe(true);
    expect(ruleAllows(named, attrs('get', 'configmaps', { name: 'other' }))).toBe(false);
    expect(ruleAllows(named, attrs('get', 'configmaps'))).toBe(false);
    expect(ruleAllows({ nonResourceURLs: ['/healthz/*'], verbs: ['get'] }, { user: alice, verb: 'get', resourceRequest: false, path: '/healthz/etcd' })).toBe(true);
  });

  it('words denials like the real authorization filter', () => {
    expect(forbiddenMessage(attrs('list', 'pods'))).toBe('User "alice" cannot list resource "pods" in API group "" in the namespace "team-a"');
    expect(forbiddenMessage(attrs('get', 'pods', { subresource: 'log', namespace: undefined }))).toBe('User "alice" cannot get resource "pods/log" in API group "" at the cluster scope');
    expect(forbiddenMessage({ user: alice, verb: 'get', resourceRequest: false, path: '/metrics' })).toBe('User "alice" cannot get path "/metrics"');
  });
});

describe('RbacAuthorizer', () => {
  const store = new InMemoryClusterStore({ clusterName: 'rbac' });
  const create = (obj: KubeObject) => store.operations.upsert(obj);
  create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  create({
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: { name: 'devs-edit', namespace: 'team-a' },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' },
    subjects: [{ kind: 'Group', name: 'devs', apiGroup: RBAC }],
  });
  create({
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: { name: 'backup-viewer', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
    rules: [{ apiGroups: ['velero.io'], resources: ['backups'], verbs: ['get', 'list'] }],
  });
  create({
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'ci-view' },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }],
  });
  const authorize = (a: AuthorizationAttributes) => store.authorizer.authorize(a).allowed;

  it('grants through the built-in edit role to a group in one namespace', () => {
    expect(authorize(attrs('create', 'deployments', { apiGroup: 'apps' }))).toBe(true);
    expect(authorize(attrs('get', 'secrets'))).toBe(true);
    expect(authorize(attrs('create', 'rolebindings', { apiGroup: RBAC }))).toBe(false);
    expect(authorize(attrs('create', 'deployments', { apiGroup: 'apps', namespace: 'other' }))).toBe(false);
  });

  it('aggregates cluster roles by label and binds service accounts', () => {
    const ci: UserInfo = { username: 'system:serviceaccount:tools:ci', groups: ['system:authenticated'] };
    expect(authorize({ ...attrs('list', 'backups', { apiGroup: 'velero.io' }), user: ci })).toBe(true);
    expect(authorize({ ...attrs('list', 'pods', { namespace: 'anything' }), user: ci })).toBe(true);
    expect(authorize({ ...attrs('list', 'secrets'), user: ci })).toBe(false);
  });

  it('lets system:masters do anything and everyone authenticated use discovery', () => {
    expect(authorize({ ...attrs('delete', 'nodes'), user: { username: 'root', groups: ['system:masters'] } })).toBe(true);
    expect(authorize({ user: alice, verb: 'get', resourceRequest: false, path: '/apis' })).toBe(true);
    expect(authorize({ user: alice, verb: 'get', resourceRequest: false, path: '/metrics' })).toBe(false);
  });

  it('lists the rules of a user for SelfSubjectRulesReview', () => {
    const rules = store.authorizer.rulesFor(alice, 'team-a');
    expect(rules.some(r => r.resources?.includes('deployments') && r.verbs?.includes('create'))).toBe(true);
  });
});
