import type {
  TenantDetail,
  TenantOperation,
  TenantPlan,
  TenantsResponse,
  TenantValidationErrorBody,
  VerifyReport,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { tenantScenario } from '../testing/tenantScenario';
import { readLiveState } from './liveState';
import {
  clusterClient,
  eventually,
  kubeObjects,
  presentObjects,
  specOf,
  startTenantBackend,
  tenantInput,
  type Sim,
} from './__testUtils__/tenantTestKit';

jest.setTimeout(120_000);

describe('tenant API', () => {
  let sim: Sim;
  let backend: Awaited<ReturnType<typeof startTenantBackend>>;
  let server: any;

  beforeAll(async () => {
    // Three 64-core workers per cluster: 192 cores of headroom.
    sim = await startSimulator({ scenario: tenantScenario(['alpha', 'beta'], 3), port: 0, seed: 1 });
    backend = await startTenantBackend(sim);
    server = backend.server;
    await eventually('the index', async () => {
      const res = await request(server).get('/api/kubeyard/clusters');
      return res.body.clusters?.length === 2 && res.body.clusters.every((c: any) => c.sync.state === 'synced');
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const post = (mode: string, body: unknown, query = '') => request(server).post(`/api/kubeyard/tenants?mode=${mode}${query}`).send(body as object);

  describe('validation', () => {
    it.each([
      ['a name that is not a DNS label', { name: 'Bad_Name' }, 'name'],
      ['a reserved name', { name: 'kube-payments' }, 'name'],
      ['an unknown cluster', { clusters: ['alpha', 'nowhere'] }, 'clusters.1'],
      ['a duplicate cluster', { clusters: ['alpha', 'alpha'] }, 'clusters.1'],
      ['an owner missing from the catalog', { owner: 'group:default/ghosts' }, 'owner'],
      ['a user missing from the catalog', { admins: ['user:default/nobody'] }, 'admins.0'],
      ['a malformed quantity', { tier: { preset: 'xs', quotaOverrides: { 'requests.cpu': 'lots' } } }, 'tier.quotaOverrides.requests.cpu'],
      ['a quota above the tier ceiling', { tier: { preset: 'l', quotaOverrides: { 'requests.cpu': '500' } } }, 'tier.quotaOverrides.requests.cpu'],
      ['a quota above the cluster headroom', { tier: { preset: 'l', quotaOverrides: { 'requests.cpu': '200' } } }, 'clusters.0'],
    ])('rejects %s with 400 and field errors, writing nothing', async (_what, override, field) => {
      const input = { ...tenantInput('rejected', ['alpha']), ...override };
      const res = await post('apply', input);
      expect(res.status).toBe(400);
      const body = res.body as TenantValidationErrorBody;
      expect(body.error.name).toBe('InputError');
      expect(body.fields.map(f => f.field)).toContain(field);
      expect(body.fields.every(f => f.message.length > 0)).toBe(true);
      const tenants = await request(server).get('/api/kubeyard/tenants');
      expect((tenants.body as TenantsResponse).tenants.map(t => t.name)).not.toContain(input.name);
      const detail = await request(server).get(`/api/kubeyard/tenants/${input.name}`);
      expect(detail.status).toBe(404);
      const live = await clusterClient(sim, 'alpha').list('v1', 'Namespace', { fieldSelector: `metadata.name=${input.name}` });
      expect(live).toHaveLength(0);
    });

    it('rejects a bad mode, a non-object body and a malformed JSON body with 400', async () => {
      expect((await post('deploy', tenantInput('x', ['alpha']))).status).toBe(400);
      expect((await post('apply', [1, 2])).status).toBe(400);
      const res = await request(server).post('/api/kubeyard/tenants?mode=plan').set('content-type', 'application/json').send('{"name":');
      expect(res.status).toBe(400);
    });
  });

  describe('plan and apply', () => {
    const input = tenantInput('payments', ['alpha', 'beta']);

    it('plans every object as a create, then applies them all, then plans nothing to do', async () => {
      const plan = (await post('plan', input)).body as TenantPlan;
      expect(plan.clusters.map(c => c.cluster)).toEqual(['alpha', 'beta']);
      expect(plan.clusters.every(c => c.reachable)).toBe(true);
      expect(plan.summary.create).toBeGreaterThan(20);
      expect(plan.summary.update + plan.summary.unchanged + plan.summary.delete).toBe(0);

      const res = await post('apply', input);
      expect(res.status).toBe(200);
      const op = res.body as TenantOperation;
      expect(op).toMatchObject({ tenant: 'payments', kind: 'apply', status: 'succeeded', initiator: 'user:default/mock' });
      expect(op.steps).toHaveLength(plan.summary.create);
      expect(op.steps.every(s => s.status === 'done' && s.action === 'create')).toBe(true);
      for (const cluster of ['alpha', 'beta']) {
        const { present, expected } = await presentObjects(sim, cluster, specOf(input));
        expect(present).toBe(expected);
      }

      const again = (await post('plan', input)).body as TenantPlan;
      expect(again.summary).toEqual({ create: 0, update: 0, unchanged: plan.summary.create, delete: 0 });
    });

    it('applies the same spec again without changing a single resourceVersion', async () => {
      const client = clusterClient(sim, 'alpha');
      const versions = async () => {
        const live = await readLiveState(client, 'payments');
        return new Map([...live.objects].map(([key, obj]) => [key, obj.metadata?.resourceVersion]));
      };
      const before = await versions();
      const op = (await post('apply', input)).body as TenantOperation;
      expect(op).toMatchObject({ kind: 'update', status: 'succeeded' });
      expect(op.steps.every(s => s.action === 'unchanged')).toBe(true);
      expect(await versions()).toEqual(before);
    });

    it('shows the tenant with per-cluster status, quota and history', async () => {
      const detail = await eventually('quota in the index', async () => {
        const body = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
        return body.clusterStatus?.every(c => c.quota) ? body : undefined;
      });
      expect(detail).toMatchObject({ name: 'payments', owner: 'group:default/team-payments', status: 'Active', tier: 'xs', clusters: ['alpha', 'beta'] });
      expect(detail.clusterStatus.map(c => [c.cluster, c.phase, c.registryState])).toEqual([
        ['alpha', 'Active', 'present'],
        ['beta', 'Active', 'present'],
      ]);
      expect(detail.clusterStatus[0].quota!.hard['requests.cpu']).toBe('5');
      expect(detail.history.map(h => h.kind)).toEqual(['update', 'apply']);
      expect(detail.findings).toEqual([]);
      const list = (await request(server).get('/api/kubeyard/tenants')).body as TenantsResponse;
      expect(list.tenants.find(t => t.name === 'payments')).toMatchObject({ status: 'Active', quotaPressure: expect.any(Number) });
    });

    it('reports quota pressure above 80 % and 90 %', async () => {
      // Fill the pods quota of xs (25) to 23 on alpha: 92 %.
      const client = clusterClient(sim, 'alpha');
      for (let i = 0; i < 23; i++) {
        await client.apply({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `filler-${i}`, namespace: 'payments' },
          spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '100m', memory: '128Mi' } } }] },
        });
      }
      const detail = await eventually('quota pressure', async () => {
        const body = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
        return body.findings.some(f => f.id === 'tenant.quota.pressure' && f.severity === 'critical') ? body : undefined;
      });
      const pods = detail.findings.find(f => f.message.startsWith('pods'))!;
      expect(pods).toMatchObject({ severity: 'critical', object: { cluster: 'alpha', kind: 'ResourceQuota' } });
      expect(pods.message).toMatch(/92 %/);
    });
  });

  describe('virtual cluster tenants', () => {
    it('applies the host namespace and the vcluster workload, and applying again changes nothing', async () => {
      const input = tenantInput('ci-sandbox', ['beta'], { isolation: 'vcluster', vcluster: { nodes: 10 }, tier: { preset: 's' } });
      const op = (await post('apply', input)).body as TenantOperation;
      expect(op.status).toBe('succeeded');
      expect(op.steps.map(s => s.object)).toEqual(expect.arrayContaining(['/Service/ci-sandbox/ci-sandbox', 'apps/StatefulSet/ci-sandbox/ci-sandbox']));
      const again = (await post('apply', input)).body as TenantOperation;
      expect(again.steps.filter(s => s.action !== 'unchanged')).toEqual([]);
    });
  });

  describe('verify', () => {
    const input = () => tenantInput('payments', ['alpha', 'beta']);

    it('passes every check of a correct tenant, each stating expected and actual', async () => {
      const res = await request(server).post('/api/kubeyard/tenants/payments/verify').send({});
      expect(res.status).toBe(200);
      const report = res.body as VerifyReport;
      expect(report.failed).toBe(0);
      expect(report.passed).toBe(report.checks.length);
      const categories = new Set(report.checks.map(c => c.category));
      expect([...categories].sort()).toEqual(['limits', 'network', 'presence', 'quota', 'rbac']);
      for (const check of report.checks) {
        expect(check.expected).toBeTruthy();
        expect(check.actual).toBeTruthy();
      }
      const names = report.checks.filter(c => c.cluster === 'alpha').map(c => c.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'tenant-admin (User alice): create deployments.apps in payments',
          'tenant-admin (User alice): update resourcequotas in payments',
          'tenant-admin (User alice): get pods in default',
          'tenant-developer (Group team-payments): delete pods in payments',
          'tenant-viewer (Group auditors): get secrets in payments',
        ]),
      );
      const admin = report.checks.find(c => c.name === 'tenant-admin (User alice): update resourcequotas in payments')!;
      expect(admin).toMatchObject({ expected: 'denied', actual: 'denied', pass: true });
    });

    it('names the failing check when the tenant-admin Role was widened by hand, and refuses to overwrite it silently', async () => {
      const objects = kubeObjects(sim, 'beta');
      const roleRef = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'tenant-admin', namespace: 'payments' } };
      const role = JSON.parse(JSON.stringify(await objects.read(roleRef as any)));
      role.rules.push({ apiGroups: [''], resources: ['resourcequotas'], verbs: ['update'] });
      await objects.replace(role, undefined, undefined, 'kubectl-edit');

      const report = (await request(server).post('/api/kubeyard/tenants/payments/verify').send({})).body as VerifyReport;
      const failing = report.checks.filter(c => !c.pass);
      expect(failing.map(c => [c.cluster, c.name, c.expected, c.actual])).toEqual([
        ['beta', 'tenant-admin (User alice): update resourcequotas in payments', 'denied', 'allowed'],
        ['beta', 'tenant-admin (ServiceAccount payments/payments-admin): update resourcequotas in payments', 'denied', 'allowed'],
      ]);
      const detail = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
      expect(detail.history[0]).toMatchObject({ kind: 'verify', status: 'failed', report: { failed: 2 } });

      // The rules now belong to kubectl-edit too: the plan shows the conflict, and apply
      // (force off) fails that step naming the other manager, then undoes what it did.
      const plan = (await post('plan', input())).body as TenantPlan;
      const planned = plan.clusters.find(c => c.cluster === 'beta')!.objects.find(o => o.key === 'rbac.authorization.k8s.io/Role/payments/tenant-admin')!;
      expect(planned.error).toMatch(/conflict.*kubectl-edit/);
      const op = (await post('apply', input())).body as TenantOperation;
      expect(op.status).toBe('compensated');
      const failed = op.steps.find(s => s.status === 'failed')!;
      expect(failed).toMatchObject({ cluster: 'beta', object: 'rbac.authorization.k8s.io/Role/payments/tenant-admin' });
      expect(failed.error).toMatch(/^field conflict: .*kubectl-edit.*\.rules/);
      expect(op.error).toMatch(/undone/);

      // Once the hand-made Role is removed, apply recreates it and verify passes again.
      await objects.delete(roleRef as any);
      const fixed = (await post('apply', input())).body as TenantOperation;
      expect(fixed.status).toBe('succeeded');
      expect(fixed.steps.find(s => s.cluster === 'beta' && s.object.endsWith('/Role/payments/tenant-admin'))?.action).toBe('create');
      expect(((await request(server).post('/api/kubeyard/tenants/payments/verify').send({})).body as VerifyReport).failed).toBe(0);
    });

  });

  describe('one operation at a time', () => {
    it('answers 409 while an apply is running, and shows its progress', async () => {
      sim.faults.set('alpha', { latencyMs: 600, pathPattern: '^/api/v1/namespaces/payments/limitranges/payments-limits$', count: 1 });
      const input = tenantInput('payments', ['alpha', 'beta'], { tier: { preset: 's' } });
      const started = await post('apply', input, '&wait=false');
      expect(started.status).toBe(202);
      const op = started.body as TenantOperation;
      expect(op).toMatchObject({ kind: 'update', status: 'running' });
      const second = await post('apply', input);
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/busy: update operation .* is still running/) });
      const progress = (await request(server).get(`/api/kubeyard/tenants/payments/operations/${op.id}`)).body as TenantOperation;
      expect(progress.status).toBe('running');
      expect(progress.steps.some(s => s.status === 'running' || s.status === 'pending')).toBe(true);
      const done = await eventually('the apply', async () => {
        const body = (await request(server).get(`/api/kubeyard/tenants/payments/operations/${op.id}`)).body as TenantOperation;
        return body.status !== 'running' ? body : undefined;
      });
      expect(done.status).toBe('succeeded');
      expect(done.steps.filter(s => s.action === 'update').map(s => s.object)).toEqual([
        '/ResourceQuota/payments/payments-quota',
        '/LimitRange/payments/payments-limits',
        '/ResourceQuota/payments/payments-quota',
        '/LimitRange/payments/payments-limits',
      ]);
    });

    it('answers 404 for unknown tenants and operations', async () => {
      expect((await request(server).get('/api/kubeyard/tenants/nope')).status).toBe(404);
      expect((await request(server).get('/api/kubeyard/tenants/payments/operations/nope')).status).toBe(404);
      expect((await request(server).patch('/api/kubeyard/tenants/nope').send({ tier: { preset: 's' } })).status).toBe(404);
      expect((await request(server).post('/api/kubeyard/tenants/nope/verify').send({})).status).toBe(404);
      expect((await request(server).delete('/api/kubeyard/tenants/nope?confirm=nope')).status).toBe(404);
    });

    it('refuses a second tenant in a namespace another tenant holds', async () => {
      const res = await post('plan', tenantInput('payments-two', ['alpha'], { namespace: 'payments' }));
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field: 'namespace', message: expect.stringMatching(/belongs to tenant "payments"/) }]);
    });
  });

  describe('PATCH', () => {
    it('merges a partial spec, validates it and applies the difference', async () => {
      const res = await request(server).patch('/api/kubeyard/tenants/payments').send({ tier: { quotaOverrides: { pods: 60 } } });
      expect(res.status).toBe(200);
      const op = res.body as TenantOperation;
      expect(op).toMatchObject({ kind: 'update', status: 'succeeded' });
      expect(op.steps.filter(s => s.action === 'update').map(s => [s.cluster, s.object])).toEqual([
        ['alpha', '/ResourceQuota/payments/payments-quota'],
        ['beta', '/ResourceQuota/payments/payments-quota'],
      ]);
      const detail = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
      expect(detail.spec.tier).toEqual({ preset: 's', quotaOverrides: { pods: '60' } });
    });

    it('rejects a rename and invalid values with 400 and changes nothing', async () => {
      const rename = await request(server).patch('/api/kubeyard/tenants/payments').send({ name: 'other' });
      expect(rename.status).toBe(400);
      expect(rename.body.fields).toEqual([{ field: 'name', message: expect.stringMatching(/cannot be renamed/) }]);
      const bad = await request(server).patch('/api/kubeyard/tenants/payments').send({ clusters: ['alpha', 'mars'] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: any) => f.field)).toEqual(['clusters.1']);
    });

    it('deletes objects no longer rendered: the viewer binding once nobody views', async () => {
      const op = (await request(server).patch('/api/kubeyard/tenants/payments').send({ viewers: null })).body as TenantOperation;
      expect(op.status).toBe('succeeded');
      expect(op.steps.filter(s => s.action !== 'unchanged').map(s => [s.cluster, s.object, s.action, s.status])).toEqual([
        ['alpha', 'rbac.authorization.k8s.io/RoleBinding/payments/tenant-viewer', 'delete', 'done'],
        ['beta', 'rbac.authorization.k8s.io/RoleBinding/payments/tenant-viewer', 'delete', 'done'],
      ]);
      const plan = (await post('plan', { ...tenantInput('payments', ['alpha', 'beta'], { tier: { preset: 's', quotaOverrides: { pods: 60 } } }), viewers: [] })).body as TenantPlan;
      expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0 });
    });

    it('removes the tenant from a cluster taken out of its spec', async () => {
      const op = (await request(server).patch('/api/kubeyard/tenants/payments').send({ clusters: ['alpha'] })).body as TenantOperation;
      expect(op.status).toBe('succeeded');
      expect(op.steps.filter(s => s.action === 'delete')).toEqual([expect.objectContaining({ cluster: 'beta', object: '/Namespace//payments', status: 'done' })]);
      expect(await clusterClient(sim, 'beta').list('v1', 'Namespace', { fieldSelector: 'metadata.name=payments' })).toEqual([]);
      const detail = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
      expect(detail.clusters).toEqual(['alpha']);
      expect(detail.clusterStatus.map(c => c.cluster)).toEqual(['alpha']);
    });
  });

  describe('ownership findings', () => {
    it('finds unowned namespaces, owners that are not groups, drift and missing tenants', async () => {
      const objects = kubeObjects(sim, 'beta');
      await objects.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'rogue', labels: { 'kubeyard.io/owner': 'group.default.ghosts' } } } as any);
      expect((await post('apply', tenantInput('search', ['alpha', 'beta'], { owner: 'group:default/team-search', admins: [], developers: [], viewers: [] }))).body.status).toBe('succeeded');
      // Someone relabels search's namespace on alpha, and deletes it on beta.
      const ns = JSON.parse(JSON.stringify(await kubeObjects(sim, 'alpha').read({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'search' } } as any)));
      ns.metadata.labels['kubeyard.io/owner'] = 'group.default.team-payments';
      await kubeObjects(sim, 'alpha').replace(ns);
      await clusterClient(sim, 'beta').delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'search' } });

      const findings = await eventually('the findings', async () => {
        const body = (await request(server).get('/api/kubeyard/ownership/findings')).body;
        return body.findings?.some((f: any) => f.id === 'ownership.tenant.missing-on-cluster') && body.findings.some((f: any) => f.id === 'ownership.owner.drift')
          ? (body.findings as Array<{ id: string; severity: string; object: { name: string; cluster?: string } }>)
          : undefined;
      });
      const summary = findings.map(f => `${f.id} ${f.severity} ${f.object.cluster}/${f.object.name}`).sort();
      expect(summary).toEqual(
        expect.arrayContaining([
          'ownership.namespace.no-owner info alpha/legacy',
          'ownership.namespace.no-owner info beta/legacy',
          'ownership.namespace.no-owner info alpha/ingress-nginx',
          'ownership.owner.not-a-group warning beta/rogue',
          'ownership.owner.drift warning alpha/search',
          'ownership.tenant.missing-on-cluster critical beta/search',
        ]),
      );
      expect(summary.filter(s => /\/(default|kube-system)$/.test(s))).toEqual([]);
      expect(summary.filter(s => s.includes('/payments'))).toEqual([]);
    });
  });

  describe('decommission', () => {
    const del = (query: string) => request(server).delete(`/api/kubeyard/tenants/payments${query}`);

    it('asks for the name to be typed back', async () => {
      expect((await del('')).status).toBe(400);
      const wrong = await del('?confirm=payment');
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/repeat its name: \?confirm=payments/);
    });

    it('refuses while pods run, naming them, unless forced', async () => {
      const busy = await del('?confirm=payments');
      expect(busy.status).toBe(409);
      expect(busy.body.error.message).toMatch(/still runs pods: alpha: 23 \(filler-/);
      const forced = await del('?confirm=payments&force=true');
      expect(forced.status).toBe(200);
      expect(forced.body).toMatchObject({ kind: 'decommission', status: 'succeeded', steps: [{ cluster: 'alpha', object: '/Namespace//payments', action: 'delete', status: 'done' }] });
      expect((await request(server).get('/api/kubeyard/tenants/payments')).status).toBe(404);
      expect(await clusterClient(sim, 'alpha').list('v1', 'Namespace', { fieldSelector: 'metadata.name=payments' })).toEqual([]);
      // The operation stays readable after the tenant is gone.
      const op = await request(server).get(`/api/kubeyard/tenants/payments/operations/${forced.body.id}`);
      expect(op.status).toBe(200);
    });

    it('lets a new tenant take the name, with a fresh history', async () => {
      const op = (await post('apply', tenantInput('payments', ['beta']))).body as TenantOperation;
      expect(op).toMatchObject({ kind: 'apply', status: 'succeeded' });
      const detail = (await request(server).get('/api/kubeyard/tenants/payments')).body as TenantDetail;
      expect(detail.history.map(h => h.kind)).toEqual(['apply']);
    });
  });
});
