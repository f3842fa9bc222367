import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { backupMigrations } from './migrations';
import type { RecordedRestoreDrill } from './recordedDrills';
import { RestoreDrillStore } from './RestoreDrillStore';

jest.setTimeout(60_000);

// scripts/test.js passes KUBEYARD_TEST_PG on under the name TestDatabases reads.
if (process.env.KUBEYARD_TEST_PG) process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??= process.env.KUBEYARD_TEST_PG;
const postgres = Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING);
const databases = TestDatabases.create({ ids: ['SQLITE_3', ...(postgres ? (['POSTGRES_15'] as const) : [])], disableDocker: true });

const timedOut: RecordedRestoreDrill = {
  cluster: 'prod',
  restoreName: 'shop-drill-20260301000000-ab',
  veleroNamespace: 'velero',
  restoreUid: '6f1c1b7e-0000-4000-8000-000000000001',
  namespace: 'shop',
  tenant: 'shop',
  backupName: 'kubeyard-shop-hourly-20260301000000',
  phase: 'InProgress',
  createdAt: '2026-03-01T00:00:00Z',
  startTimestamp: '2026-03-01T00:00:01Z',
  keep: false,
  requestedBy: 'user:default/alice',
  record: { compliant: false, timedOut: true, tier: 3, tierRtoMs: 14_400_000, cleanup: 'pending', recordedAt: '2026-03-02T00:00:00.000Z' },
};

const measured: RecordedRestoreDrill = {
  cluster: 'dev',
  restoreName: 'web-drill-20260302000000-cd',
  veleroNamespace: 'velero',
  namespace: 'web',
  phase: 'Completed',
  completionTimestamp: '2026-03-02T00:03:00Z',
  keep: true,
  record: {
    compliant: true,
    rtoMs: 200_000,
    restoreMs: 180_000,
    podsReady: { ready: 2, total: 2 },
    tier: 3,
    tierRtoMs: 14_400_000,
    cleanup: 'kept',
    recordedAt: '2026-03-02T00:04:00.000Z',
  },
};

function storeSuite(databaseId: TestDatabaseId) {
  let knex: Knex;
  let store: RestoreDrillStore;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await backupMigrations.latest(knex);
    store = new RestoreDrillStore(knex);
  });

  it('migrates down and up again', async () => {
    await backupMigrations.rollbackAll(knex);
    expect(await knex.schema.hasTable('restore_drills')).toBe(false);
    await backupMigrations.latest(knex);
    expect(await knex.schema.hasTable('restore_drills')).toBe(true);
  });

  it('reads drills back as written, by cluster', async () => {
    await store.upsert(timedOut);
    await store.upsert(measured);
    expect(await store.list()).toEqual([measured, timedOut]);
    expect(await store.list({ clusters: ['prod'] })).toEqual([timedOut]);
  });

  it('replaces a drill written again under the same cluster and Restore name', async () => {
    const finished: RecordedRestoreDrill = { ...timedOut, phase: 'Completed', completionTimestamp: '2026-03-02T01:00:00Z', record: { ...timedOut.record, cleanup: 'deleted' } };
    await store.upsert(finished);
    await store.upsert(finished);
    expect(await store.list({ clusters: ['prod'] })).toEqual([finished]);
    expect(await store.list()).toHaveLength(2);
  });
}

describe('RestoreDrillStore on SQLite', () => {
  storeSuite('SQLITE_3');
});

// Runs when KUBEYARD_TEST_PG is set.
(postgres ? describe : describe.skip)('RestoreDrillStore on PostgreSQL 15', () => {
  storeSuite('POSTGRES_15');
});
