import * as k8s from '@kubernetes/client-node';
import type { RunningSimulator } from './startSimulator';
import { ALICE_TOKEN, kubeConfigFor, startTestSimulator, statusOf, testScenario } from '../__testUtils__/testSimulator';

const aliceCanReadPods = [
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'pod-reader', namespace: 'team-a' },
    rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'alice-reads-pods', namespace: 'team-a' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }],
  },
];

describe('authentication, RBAC and impersonation over HTTP', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator(testScenario(aliceCanReadPods));
  });

  afterAll(() => sim.stop());

  it('requires a known bearer token (401 Status)', async () => {
    const url = `${sim.clusters[0].url}/api/v1/namespaces`;
    for (const headers of [{}, { Authorization: 'Bearer wrong' }] as Array<Record<string, string>>) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
  });

  it('lets the scenario token do anything (system:masters)', async () => {
    const core = kubeConfigFor(sim).makeApiClient(k8s.CoreV1Api);
    expect((await core.listNode()).kind).toBe('NodeList');
  });

  it('evaluates RBAC for other users, with the real Forbidden message', async () => {
    const core = kubeConfigFor(sim, 'c1', ALICE_TOKEN).makeApiClient(k8s.CoreV1Api);
    expect((await core.listNamespacedPod({ namespace: 'team-a' })).items).toEqual([]);
    const denied = await statusOf(core.listNamespacedPod({ namespace: 'default' }));
    expect(denied).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
      details: { kind: 'pods' },
    });
    const named = await statusOf(core.deleteNamespacedPod({ namespace: 'team-a', name: 'x' }));
    expect(named.message).toBe('pods "x" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "team-a"');
    const cluster = await statusOf(core.listNode());
    expect(cluster.message).toBe('nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope');
    // Discovery is open to every authenticated user (system:discovery).
    const res = await fetch(`${sim.clusters[0].url}/apis`, { headers: { Authorization: `Bearer ${ALICE_TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it('honours Impersonate-User for identities allowed to impersonate', async () => {
    const url = `${sim.clusters[0].url}/api/v1/namespaces/default/pods`;
    const asAlice = await fetch(url, { headers: { Authorization: 'Bearer admin-token', 'Impersonate-User': 'alice' } });
    expect(asAlice.status).toBe(403);
    expect((await asAlice.json()).message).toContain('User "alice" cannot list resource "pods"');
    const asMaster = await fetch(url, { headers: { Authorization: 'Bearer admin-token', 'Impersonate-User': 'bob', 'Impersonate-Group': 'system:masters' } });
    expect(asMaster.status).toBe(200);
    const byAlice = await fetch(url, { headers: { Authorization: `Bearer ${ALICE_TOKEN}`, 'Impersonate-User': 'bob' } });
    expect(byAlice.status).toBe(403);
    expect((await byAlice.json()).message).toBe('users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it('answers SelfSubjectAccessReview and SubjectAccessReview with the same evaluator', async () => {
    const aliceAuthz = kubeConfigFor(sim, 'c1', ALICE_TOKEN).makeApiClient(k8s.AuthorizationV1Api);
    const review = (verb: string, namespace: string, resource = 'pods', subresource?: string) => ({
      spec: { resourceAttributes: { verb, namespace, resource, group: '', subresource } },
    });
    expect((await aliceAuthz.createSelfSubjectAccessReview({ body: review('list', 'team-a') })).status?.allowed).toBe(true);
    expect((await aliceAuthz.createSelfSubjectAccessReview({ body: review('get', 'team-a', 'pods', 'log') })).status?.allowed).toBe(true);
    expect((await aliceAuthz.createSelfSubjectAccessReview({ body: review('delete', 'team-a') })).status?.allowed).toBe(false);
    expect((await aliceAuthz.createSelfSubjectAccessReview({ body: review('list', 'default') })).status?.allowed).toBe(false);

    const adminAuthz = kubeConfigFor(sim).makeApiClient(k8s.AuthorizationV1Api);
    const sar = await adminAuthz.createSubjectAccessReview({
      body: { spec: { user: 'alice', groups: ['devs'], resourceAttributes: { verb: 'watch', namespace: 'team-a', resource: 'pods' } } },
    });
    expect(sar.status).toMatchObject({ allowed: true, reason: expect.stringContaining('RoleBinding "alice-reads-pods/team-a"') });
    const denied = await statusOf(aliceAuthz.createSubjectAccessReview({ body: { spec: { user: 'alice', resourceAttributes: { verb: 'get', resource: 'pods' } } } }));
    expect(denied.code).toBe(403);
  });
});
