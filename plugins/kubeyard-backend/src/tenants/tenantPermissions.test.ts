import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials, BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { AuthorizeResult, type PolicyDecision } from '@backstage/plugin-permission-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { tenantScenario } from '../testing/tenantScenario';
import { createTenantConditionalDecision, tenantConditions } from './tenantPermissions';
import { eventually, startTenantBackend, tenantInput, type Sim } from './__testUtils__/tenantTestKit';

jest.setTimeout(120_000);

/** What the policy knows of each user: its ownership claims (as user.info.ownershipEntityRefs). */
const CLAIMS: Record<string, string[]> = {
  'user:default/alice': ['user:default/alice', 'group:default/team-payments'],
  'user:default/mallory': ['user:default/mallory', 'group:default/team-search'],
};
const PLATFORM = 'user:default/pat';
const DENIED = 'user:default/guest';

function userOf(credentials: BackstageCredentials): string {
  return (credentials.principal as BackstageUserPrincipal).userEntityRef;
}

/**
 * The policy of the reference app, written as the permission mock: the platform team may do
 * everything; anybody else may request tenants and act on the tenants their groups own.
 */
const permissions = mockServices.permissions.mock({
  async authorize(requests, options) {
    const user = userOf(options!.credentials);
    return requests.map(() => ({ result: user === DENIED ? AuthorizeResult.DENY : AuthorizeResult.ALLOW }));
  },
  async authorizeConditional(requests, options): Promise<PolicyDecision[]> {
    const user = userOf(options!.credentials);
    return requests.map(({ permission }) => {
      if (user === PLATFORM) return { result: AuthorizeResult.ALLOW };
      if (user === DENIED) return { result: AuthorizeResult.DENY };
      return createTenantConditionalDecision(permission as any, tenantConditions.isTenantOwner({ claims: CLAIMS[user] ?? [user] }));
    }) as PolicyDecision[];
  },
});

describe('tenant permissions', () => {
  let sim: Sim;
  let backend: Awaited<ReturnType<typeof startTenantBackend>>;
  const as = (user: string) => mockCredentials.user.header(user);

  beforeAll(async () => {
    sim = await startSimulator({ scenario: tenantScenario(['alpha']), port: 0, seed: 5 });
    backend = await startTenantBackend(sim, { features: [permissions.factory] });
    await eventually('the index', async () => (await request(backend.server).get('/api/kubeyard/clusters')).body.clusters?.[0]?.sync.state === 'synced');
    const created = await request(backend.server).post('/api/kubeyard/tenants?mode=apply').set('authorization', as('user:default/alice')).send(tenantInput('perm', ['alpha']));
    if (created.body.status !== 'succeeded') throw new Error(`alice could not create her tenant: ${JSON.stringify(created.body)}`);
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  it('lets members of the owning Group read and update their tenant', async () => {
    expect((await request(backend.server).get('/api/kubeyard/tenants/perm').set('authorization', as(PLATFORM))).body.history[0].initiator).toBe('user:default/alice');
    const alice = as('user:default/alice');
    expect((await request(backend.server).get('/api/kubeyard/tenants/perm').set('authorization', alice)).status).toBe(200);
    expect((await request(backend.server).get('/api/kubeyard/tenants').set('authorization', alice)).body.tenants.map((t: any) => t.name)).toEqual(['perm']);
    const patched = await request(backend.server).patch('/api/kubeyard/tenants/perm').set('authorization', alice).send({ tier: { preset: 's' } });
    expect(patched.status).toBe(200);
    expect((await request(backend.server).post('/api/kubeyard/tenants/perm/verify').set('authorization', alice).send({})).status).toBe(200);
  });

  it.each([
    ['PATCH /tenants/perm', (r: request.Agent) => r.patch('/api/kubeyard/tenants/perm').send({ tier: { preset: 'xs' } })],
    ['POST /tenants (an update of perm)', (r: request.Agent) => r.post('/api/kubeyard/tenants?mode=apply').send(tenantInput('perm', ['alpha']))],
    ['POST /tenants/perm/verify', (r: request.Agent) => r.post('/api/kubeyard/tenants/perm/verify').send({})],
    ['GET /tenants/perm', (r: request.Agent) => r.get('/api/kubeyard/tenants/perm')],
    ['DELETE /tenants/perm', (r: request.Agent) => r.delete('/api/kubeyard/tenants/perm?confirm=perm')],
  ])('answers 403 to a user outside the owning Group: %s', async (_what, send) => {
    const agent = request.agent(backend.server).set('authorization', as('user:default/mallory'));
    const res = await send(agent);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ name: 'NotAllowedError', message: expect.stringMatching(/tenant perm .*owned by group:default\/team-payments/) });
  });

  it('lists only the tenants a user may read', async () => {
    const res = await request(backend.server).get('/api/kubeyard/tenants').set('authorization', as('user:default/mallory'));
    expect(res.status).toBe(200);
    expect(res.body.tenants).toEqual([]);
    const findings = await request(backend.server).get('/api/kubeyard/ownership/findings').set('authorization', as('user:default/mallory'));
    expect(findings.status).toBe(200);
    expect(findings.body.findings).toEqual([]);
  });

  it('answers 403 when the policy denies outright', async () => {
    const guest = as(DENIED);
    expect((await request(backend.server).post('/api/kubeyard/tenants?mode=plan').set('authorization', guest).send(tenantInput('new-one', ['alpha']))).status).toBe(403);
    expect((await request(backend.server).get('/api/kubeyard/tenants').set('authorization', guest)).status).toBe(403);
    expect((await request(backend.server).get('/api/kubeyard/ownership/findings').set('authorization', guest)).status).toBe(403);
  });

  it('registers isTenantOwner, so the permission backend can evaluate conditional decisions', async () => {
    const metadata = await request(backend.server)
      .get('/api/kubeyard/.well-known/backstage/permissions/metadata')
      .set('authorization', mockCredentials.service.header());
    expect(metadata.status).toBe(200);
    expect(metadata.body.permissions.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['kubeyard.tenant.create', 'kubeyard.tenant.read', 'kubeyard.tenant.update', 'kubeyard.tenant.delete', 'kubeyard.cost.read']),
    );
    // One rule per resource type: tenants by owner, cost rows by owner.
    expect(metadata.body.rules.map((r: any) => `${r.resourceType}:${r.name}`).sort()).toEqual(['kubeyard-cost:IS_COST_OWNER', 'kubeyard-tenant:IS_TENANT_OWNER']);
    const applied = await request(backend.server)
      .post('/api/kubeyard/.well-known/backstage/permissions/apply-conditions')
      .set('authorization', mockCredentials.service.header())
      .send({
        items: [
          { id: 'owner', resourceRef: 'perm', resourceType: 'kubeyard-tenant', conditions: { rule: 'IS_TENANT_OWNER', resourceType: 'kubeyard-tenant', params: { claims: ['group:default/team-payments'] } } },
          { id: 'stranger', resourceRef: 'perm', resourceType: 'kubeyard-tenant', conditions: { rule: 'IS_TENANT_OWNER', resourceType: 'kubeyard-tenant', params: { claims: ['group:default/team-search'] } } },
        ],
      });
    expect(applied.status).toBe(200);
    expect(applied.body.items).toEqual([
      { id: 'owner', result: AuthorizeResult.ALLOW },
      { id: 'stranger', result: AuthorizeResult.DENY },
    ]);
  });

  it('lets the platform team decommission any tenant', async () => {
    const res = await request(backend.server).delete('/api/kubeyard/tenants/perm?confirm=perm').set('authorization', as(PLATFORM));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'decommission', status: 'succeeded', initiator: PLATFORM });
  });
});
