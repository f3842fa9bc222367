import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import { migrateTenantRegistry, rollbackTenantRegistry } from './migrations';
import { TenantRegistry } from './TenantRegistry';
import { specOf, tenantInput } from './__testUtils__/tenantTestKit';

jest.setTimeout(60_000);

const postgres = Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING);
const databases = TestDatabases.create({ ids: ['SQLITE_3', ...(postgres ? (['POSTGRES_15'] as const) : [])], disableDocker: true });

function registrySuite(databaseId: TestDatabaseId) {
  let knex: Knex;
  let registry: TenantRegistry;
  const spec = specOf(tenantInput('payments', ['alpha', 'beta']));

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateTenantRegistry(knex);
    registry = new TenantRegistry(knex);
  });

  it('migrates down and up again', async () => {
    await rollbackTenantRegistry(knex);
    expect(await knex.schema.hasTable('tenants')).toBe(false);
    await migrateTenantRegistry(knex);
    expect(await knex.schema.hasTable('tenant_locks')).toBe(true);
  });

  it('stores tenants with their spec, owner, status and timestamps', async () => {
    const created = new Date('2025-06-01T10:00:00.000Z');
    await registry.putTenant(spec, 'Pending', created);
    await registry.putTenant({ ...spec, displayName: 'Renamed' }, 'Active');
    const record = await registry.getTenant('payments');
    expect(record).toMatchObject({ name: 'payments', owner: 'group:default/team-payments', status: 'Active', createdAt: '2025-06-01T10:00:00.000Z' });
    expect(record!.spec.displayName).toBe('Renamed');
    expect(Date.parse(record!.updatedAt)).toBeGreaterThan(created.getTime());
    expect((await registry.listTenants()).map(t => t.name)).toEqual(['payments']);
  });

  it('keeps one state per cluster', async () => {
    await registry.setClusterState('payments', 'alpha', 'partial', { operationId: 'op-1', error: 'boom' });
    await registry.setClusterState('payments', 'alpha', 'present', { operationId: 'op-2' });
    await registry.setClusterState('payments', 'beta', 'absent');
    expect((await registry.clusterStates('payments')).map(r => [r.cluster, r.state, r.operationId, r.error])).toEqual([
      ['alpha', 'present', 'op-2', undefined],
      ['beta', 'absent', undefined, undefined],
    ]);
    await registry.removeClusterState('payments', 'beta');
    expect((await registry.clusterStates('payments')).map(r => r.cluster)).toEqual(['alpha']);
  });

  it('lets one operation per tenant run, and releases the lock when it finishes', async () => {
    const first = await registry.startOperation({ tenant: 'payments', kind: 'apply', initiator: 'user:default/alice', spec }, 60_000);
    await expect(registry.startOperation({ tenant: 'payments', kind: 'verify', initiator: 'user:default/bob' }, 60_000)).rejects.toThrow(
      /tenant payments is busy: apply operation .* by user:default\/alice/,
    );
    // Another tenant is not affected.
    const other = await registry.startOperation({ tenant: 'search', kind: 'apply', initiator: 'user:default/bob' }, 60_000);
    await registry.finishOperation(other.id, 'succeeded');
    await registry.finishOperation(first.id, 'succeeded');
    const next = await registry.startOperation({ tenant: 'payments', kind: 'verify', initiator: 'user:default/bob' }, 60_000);
    await registry.finishOperation(next.id, 'succeeded', { result: { passed: 3 } });
    expect(await registry.operationResult(next.id)).toEqual({ passed: 3 });
    expect(await registry.operationSpec(first.id)).toEqual(spec);
  });

  it('admits exactly one of many operations started at the same moment', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => registry.startOperation({ tenant: 'race', kind: 'apply', initiator: `user:default/u${i}` }, 60_000)),
    );
    const won = attempts.filter(a => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of attempts.filter(a => a.status === 'rejected')) expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    await registry.finishOperation((won[0] as PromiseFulfilledResult<{ id: string }>).value.id, 'succeeded');
  });

  it('takes over a lock whose heartbeat stopped, marking its operation failed', async () => {
    const abandoned = await registry.startOperation({ tenant: 'stale', kind: 'apply', initiator: 'user:default/alice' }, 60_000);
    await knex('tenant_locks').where({ tenant: 'stale' }).update({ renewed_at: new Date(Date.now() - 120_000) });
    await expect(registry.startOperation({ tenant: 'stale', kind: 'apply', initiator: 'user:default/bob' }, 300_000)).rejects.toThrow(ConflictError);
    const successor = await registry.startOperation({ tenant: 'stale', kind: 'apply', initiator: 'user:default/bob' }, 60_000);
    const old = await registry.getOperation('stale', abandoned.id);
    expect(old).toMatchObject({ status: 'failed', error: expect.stringMatching(/^abandoned: no progress since .* took over/) });
    await registry.renewLock('stale', successor.id);
    await registry.finishOperation(successor.id, 'failed', { error: 'x' });
  });

  it('records steps in order and their progress, and lists history newest first', async () => {
    const { id } = await registry.startOperation({ tenant: 'steps', kind: 'apply', initiator: 'user:default/alice' }, 60_000);
    const seqs = await registry.addSteps(id, [
      { cluster: 'alpha', object: '/Namespace//steps', action: 'create' },
      { cluster: 'alpha', object: '/ResourceQuota/steps/steps-quota', action: 'create' },
    ]);
    expect(seqs).toEqual([0, 1]);
    await registry.updateStep(id, 0, { status: 'running', started: true });
    await registry.updateStep(id, 0, { status: 'done', action: 'unchanged', finished: true });
    await registry.updateStep(id, 1, { status: 'failed', error: 'HTTP 500', finished: true });
    await registry.finishOperation(id, 'compensated', { error: 'undone' });
    const op = await registry.getOperation('steps', id);
    expect(op).toMatchObject({ status: 'compensated', error: 'undone', finishedAt: expect.any(String) });
    expect(op!.steps.map(s => [s.object, s.action, s.status, s.error])).toEqual([
      ['/Namespace//steps', 'unchanged', 'done', undefined],
      ['/ResourceQuota/steps/steps-quota', 'create', 'failed', 'HTTP 500'],
    ]);
    expect(op!.steps[0].startedAt).toEqual(expect.any(String));
    const verify = await registry.startOperation({ tenant: 'steps', kind: 'verify', initiator: 'user:default/alice' }, 60_000);
    await registry.finishOperation(verify.id, 'succeeded');
    expect((await registry.listOperations('steps')).map(o => o.kind)).toEqual(['verify', 'apply']);
    expect(await registry.listOperations('steps', { since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await registry.getOperation('other', id)).toBeUndefined();
  });

  it('keeps audit rows of who did what, when, and how it ended', async () => {
    const auditId = await registry.audit({ actor: 'user:default/alice', action: 'apply', tenant: 'audited', operationId: 'op-9', outcome: 'running' });
    await registry.finishAudit(auditId, 'succeeded');
    expect(await registry.listAudit('audited')).toEqual([
      expect.objectContaining({ actor: 'user:default/alice', action: 'apply', operationId: 'op-9', outcome: 'succeeded', createdAt: expect.any(String), finishedAt: expect.any(String) }),
    ]);
  });

  it('forgets a tenant but keeps its operations and audit', async () => {
    await registry.removeTenant('payments');
    expect(await registry.getTenant('payments')).toBeUndefined();
    expect(await registry.clusterStates('payments')).toEqual([]);
    expect((await registry.listOperations('payments')).length).toBeGreaterThan(0);
  });
}

describe('TenantRegistry on SQLite', () => {
  registrySuite('SQLITE_3');
});

// Runs when KUBEYARD_TEST_PG is set (scripts/test.js passes it on to TestDatabases).
(postgres ? describe : describe.skip)('TenantRegistry on PostgreSQL 15', () => {
  registrySuite('POSTGRES_15');
});
