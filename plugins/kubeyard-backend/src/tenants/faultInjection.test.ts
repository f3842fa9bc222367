/*
 * The fault-injection suite of issue #5: for every step boundary of an apply (each object on
 * each cluster) an API error (500) and a timeout (latency above the request timeout) are
 * injected on exactly that object's write; afterwards, once compensated or rerun, no cluster
 * may hold part of a tenant, and the registry must say what each cluster holds. Also: a
 * backend stopped in the middle of an apply, restarted on the same database.
 */
import { renderTenant, type TenantDetail, type TenantOperation } from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { tenantScenario } from '../testing/tenantScenario';
import { clusterClient, eventually, presentObjects, specOf, startTenantBackend, tenantInput, type Sim } from './__testUtils__/tenantTestKit';
import { objectPath } from './kubeRest';

jest.setTimeout(900_000);

const CLUSTERS = ['alpha', 'beta'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Fault = 'error' | 'timeout';
const faultOf = (kind: Fault, pathPattern: string) =>
  kind === 'error' ? { errorStatus: 500, pathPattern, count: 1 } : { latencyMs: 1_600, pathPattern, count: 1 };

describe('fault injection at every step boundary of an apply', () => {
  let sim: Sim;
  let backend: Awaited<ReturnType<typeof startTenantBackend>>;
  const tally = { injected: 0, consumed: 0, compensated: 0, reruns: 0, partialTenants: 0, registryMismatches: 0 };
  const problems: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ scenario: tenantScenario(CLUSTERS, 16), port: 0, seed: 3 });
    backend = await startTenantBackend(sim);
    await eventually('the index', async () => {
      const res = await request(backend.server).get('/api/kubeyard/clusters');
      return res.body.clusters?.every((c: any) => c.sync.state === 'synced');
    });
  });

  afterAll(async () => {
    const lines = [
      `fault injection: ${tally.injected} faults injected (${tally.consumed} hit their request), ` +
        `${tally.compensated} applies compensated, ${tally.reruns} completed by a rerun; ` +
        `partial tenants found: ${tally.partialTenants}; registry mismatches: ${tally.registryMismatches}`,
      ...problems,
    ];
    console.log(lines.join('\n'));
    await backend?.stop();
    await sim?.stop();
  });

  const apply = (input: object) => request(backend.server).post('/api/kubeyard/tenants?mode=apply').send(input);

  /** Counts clusters holding part of the tenant, and clusters where the registry says otherwise. */
  async function audit(name: string, expectAll: Record<string, boolean>, label: string) {
    const spec = specOf(tenantInput(name, CLUSTERS));
    const detail = (await request(backend.server).get(`/api/kubeyard/tenants/${name}`)).body as TenantDetail;
    for (const cluster of CLUSTERS) {
      const { present, expected, missing } = await presentObjects(sim, cluster, spec);
      if (present !== 0 && present !== expected) {
        tally.partialTenants += 1;
        problems.push(`${label}: ${cluster} holds ${present} of ${expected} objects (missing ${missing.join(', ')})`);
      }
      const registry = detail.clusterStatus?.find(c => c.cluster === cluster)?.registryState;
      const registrySaysAll = registry === 'present';
      if ((present === expected) !== registrySaysAll || (present === expected) !== expectAll[cluster]) {
        tally.registryMismatches += 1;
        problems.push(`${label}: ${cluster} holds ${present} of ${expected}, registry says ${registry ?? 'nothing'}`);
      }
    }
  }

  const boundaries: Array<[string, number, Fault]> = [];
  const objectCount = renderTenant(specOf(tenantInput('probe', CLUSTERS)), { clusterName: 'alpha' }).length;
  for (const cluster of CLUSTERS) {
    for (let index = 0; index < objectCount; index++) {
      for (const kind of ['error', 'timeout'] as Fault[]) boundaries.push([cluster, index, kind]);
    }
  }

  let n = 0;
  it.each(boundaries)('create: fault on %s, object #%i, %s', async (cluster, index, kind) => {
    const name = `fi-${n++}`;
    const input = tenantInput(name, CLUSTERS);
    const target = renderTenant(specOf(input), { clusterName: cluster })[index];
    sim.faults.set(cluster, faultOf(kind, `^${escape(objectPath(target))}$`));
    tally.injected += 1;
    const op = (await apply(input)).body as TenantOperation;
    if (!sim.faults.get(cluster)) tally.consumed += 1;
    sim.faults.clear();
    // The faulted step failed; after a timeout its write may have happened, so it is undone too.
    const expected = {
      error: { status: 'failed', error: expect.stringMatching(/^HTTP 500/) },
      timeout: { status: 'compensated', error: expect.stringMatching(/no answer after 1000 ms \(outcome unknown/) },
    }[kind];
    const failedStep = op.steps.find(s => s.error && !s.error.startsWith('not attempted'));
    expect(failedStep).toMatchObject({ cluster, object: expect.stringContaining(`/${target.kind}/`), ...expected });
    // With the cluster healthy again, compensation always finishes: nothing of the tenant is left.
    expect(op.status).toBe('compensated');
    tally.compensated += 1;
    await audit(name, { alpha: false, beta: false }, `${name} (${kind} on ${cluster} ${target.kind} ${target.metadata.name})`);
    // Whatever happened, applying again completes the tenant everywhere.
    const rerun = (await apply(input)).body as TenantOperation;
    expect(rerun.status).toBe('succeeded');
    await audit(name, { alpha: true, beta: true }, `${name} after rerun`);
    expect(tally.partialTenants).toBe(0);
    expect(tally.registryMismatches).toBe(0);
  });

  it('a cluster that goes down before it can be compensated: the operation stays failed, its steps say what exists, a rerun completes it', async () => {
    const name = `fd-${n++}`;
    const input = tenantInput(name, CLUSTERS);
    const namespace = renderTenant(specOf(input), { clusterName: 'alpha' })[0];
    sim.faults.set('alpha', faultOf('timeout', `^${escape(objectPath(namespace))}$`));
    tally.injected += 1;
    const started = (await request(backend.server).post('/api/kubeyard/tenants?mode=apply&wait=false').send(input)).body as TenantOperation;
    const operation = () => request(backend.server).get(`/api/kubeyard/tenants/${name}/operations/${started.id}`);
    await eventually('beta to finish its writes', async () => {
      const op = (await operation()).body as TenantOperation;
      return op.steps.filter(s => s.cluster === 'beta').every(s => s.status === 'done');
    });
    sim.faults.set('beta', { down: true, latencyMs: 1_500 });
    tally.injected += 1;
    const op = await eventually('the operation to end', async () => {
      const body = (await operation()).body as TenantOperation;
      return body.status !== 'running' ? body : undefined;
    });
    sim.faults.clear();
    tally.consumed += 2;
    expect(op.status).toBe('failed');
    expect(op.error).toMatch(/could not undo the changes on beta/);
    // alpha was undone; beta's steps still say done, and beta holds the whole bundle.
    expect(op.steps.filter(s => s.cluster === 'alpha').every(s => s.status !== 'done')).toBe(true);
    expect(op.steps.filter(s => s.cluster === 'beta').every(s => s.status === 'done')).toBe(true);
    // The registry says so too: nothing on alpha, the whole bundle on beta, the tenant Failed.
    const detail = (await request(backend.server).get(`/api/kubeyard/tenants/${name}`)).body as TenantDetail;
    expect(detail.status).toBe('Failed');
    expect(detail.clusterStatus.map(c => [c.cluster, c.registryState])).toEqual([
      ['alpha', 'absent'],
      ['beta', 'present'],
    ]);
    const beta = await presentObjects(sim, 'beta', specOf(input));
    expect(beta.present).toBe(beta.expected);
    expect((await presentObjects(sim, 'alpha', specOf(input))).present).toBe(0);
    tally.reruns += 1;
    expect((await apply(input)).body.status).toBe('succeeded');
    await audit(name, { alpha: true, beta: true }, `${name} after rerun`);
    expect(tally.partialTenants).toBe(0);
  });

  const updates: Array<[string, string, Fault]> = [];
  for (const cluster of CLUSTERS) {
    for (const kind of ['ResourceQuota', 'LimitRange']) for (const fault of ['error', 'timeout'] as Fault[]) updates.push([cluster, kind, fault]);
  }

  it.each(updates)('update xs → s: fault on %s %s, %s: every cluster keeps xs, or gets s', async (cluster, kind, fault) => {
    const name = `fu-${n++}`;
    const before = tenantInput(name, CLUSTERS);
    expect((await apply(before)).body.status).toBe('succeeded');
    const after = tenantInput(name, CLUSTERS, { tier: { preset: 's' } });
    const target = renderTenant(specOf(after), { clusterName: cluster }).find(m => m.kind === kind)!;
    sim.faults.set(cluster, faultOf(fault, `^${escape(objectPath(target))}$`));
    tally.injected += 1;
    const op = (await apply(after)).body as TenantOperation;
    if (!sim.faults.get(cluster)) tally.consumed += 1;
    sim.faults.clear();
    expect(op.status).toBe('compensated');
    tally.compensated += 1;
    const quotas = await Promise.all(
      CLUSTERS.map(async c => (await clusterClient(sim, c).get({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: `${name}-quota`, namespace: name } }))?.spec?.hard['requests.cpu']),
    );
    const limits = await Promise.all(
      CLUSTERS.map(async c => (await clusterClient(sim, c).get({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: `${name}-limits`, namespace: name } }))?.spec?.limits[0].max.cpu),
    );
    // xs: requests.cpu 5, Pod max cpu 4 — on every cluster, as before the operation.
    if (quotas.some(q => q !== '5') || limits.some(l => l !== '4')) {
      tally.partialTenants += 1;
      problems.push(`${name}: after compensation quota requests.cpu ${quotas.join('/')}, pod max cpu ${limits.join('/')}`);
    }
    const detail = (await request(backend.server).get(`/api/kubeyard/tenants/${name}`)).body as TenantDetail;
    expect(detail.spec.tier.preset).toBe('xs');
    expect(detail.status).toBe('Failed');
    // The managed fields are Kubeyard's again: the update now goes through.
    expect((await apply(after)).body.status).toBe('succeeded');
    expect(tally.partialTenants).toBe(0);
  });
});

describe('a backend stopped in the middle of an apply', () => {
  it('leaves the operation failed with its steps, and a new backend on the same database completes it', async () => {
    const sim = await startSimulator({ scenario: tenantScenario(CLUSTERS, 4), port: 0, seed: 4 });
    const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeyard-restart-'));
    const tenants = { requestTimeoutSeconds: 10 };
    try {
      const first = await startTenantBackend(sim, { databaseDir, tenants });
      await eventually('the index', async () => (await request(first.server).get('/api/kubeyard/clusters')).body.clusters?.every((c: any) => c.sync.state === 'synced'));
      const input = tenantInput('restart', CLUSTERS);
      const role = renderTenant(specOf(input), { clusterName: 'alpha' }).find(m => m.kind === 'Role')!;
      sim.faults.set('alpha', { latencyMs: 2_000, pathPattern: `^${escape(objectPath(role))}$`, count: 1 });
      const started = (await request(first.server).post('/api/kubeyard/tenants?mode=apply&wait=false').send(input)).body as TenantOperation;
      await eventually('the Role write in flight', async () => {
        const op = (await request(first.server).get(`/api/kubeyard/tenants/restart/operations/${started.id}`)).body as TenantOperation;
        return op.steps.some(s => s.cluster === 'alpha' && s.object === `rbac.authorization.k8s.io/Role/restart/${role.metadata.name}` && s.status === 'running');
      });
      await first.stop();

      const second = await startTenantBackend(sim, { databaseDir, tenants });
      await eventually('the index', async () => (await request(second.server).get('/api/kubeyard/clusters')).body.clusters?.every((c: any) => c.sync.state === 'synced'));
      const interrupted = (await request(second.server).get(`/api/kubeyard/tenants/restart/operations/${started.id}`)).body as TenantOperation;
      expect(interrupted.status).toBe('failed');
      expect(interrupted.error).toMatch(/interrupted/);
      const inFlight = interrupted.steps.find(s => s.object.endsWith(`/Role/restart/${role.metadata.name}`) && s.cluster === 'alpha')!;
      expect(inFlight).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted.*outcome unknown/) });
      const detail = (await request(second.server).get('/api/kubeyard/tenants/restart')).body as TenantDetail;
      expect(detail.status).toBe('Failed');
      expect(detail.clusterStatus.find(c => c.cluster === 'alpha')?.registryState).toBe('partial');

      const rerun = (await request(second.server).post('/api/kubeyard/tenants?mode=apply').send(input)).body as TenantOperation;
      expect(rerun.status).toBe('succeeded');
      for (const cluster of CLUSTERS) {
        const { present, expected } = await presentObjects(sim, cluster, specOf(input));
        expect(present).toBe(expected);
      }
      const after = (await request(second.server).get('/api/kubeyard/tenants/restart')).body as TenantDetail;
      expect(after.status).toBe('Active');
      expect(after.clusterStatus.map(c => c.registryState)).toEqual(['present', 'present']);
      console.log(`backend restart: operation ${started.id} interrupted with ${interrupted.steps.filter(s => s.status === 'done').length} steps done; the rerun on a new backend converged`);
      await second.stop();
    } finally {
      await sim.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    }
  });
});
