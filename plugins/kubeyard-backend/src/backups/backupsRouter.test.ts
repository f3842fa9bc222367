import type {
  BackupsResponse,
  ClusterBackupsResponse,
  CoverageResponse,
  RestoreDrillsResponse,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { startKubeyardTestBackend } from '../testing/startKubeyardTestBackend';
import { backupScenario, scheduledBackupName } from '../testing/backupScenario';

type Sim = Awaited<ReturnType<typeof startSimulator>>;

jest.setTimeout(90_000);

const HOUR = 60 * 60 * 1000;

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop-web', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'shop-web', 'kubeyard.io/backup-tier': '4' } },
    spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'bad-tier', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'shop-web', 'kubeyard.io/backup-tier': 'gold' } },
    spec: { type: 'service', owner: 'group:default/shop', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'kubernetes-tenant', owner: 'group:default/shop' },
  },
];

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('backups API', () => {
  const wall = new Date();
  const start = new Date(wall.getTime() - 30 * HOUR);
  let sim: Sim;
  let server: Awaited<ReturnType<typeof startKubeyardTestBackend>>['server'];
  let stopBackend: () => Promise<void>;

  const get = async <T>(path: string, query: Record<string, string> = {}) => {
    const res = await request(server).get(`/api/kubeyard${path}`).query(query);
    return { status: res.status, body: res.body as T };
  };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: backupScenario({ wall, start }), port: 0, seed: 1 });
    const backend = await startKubeyardTestBackend({ fleet: sim, entities });
    server = backend.server;
    stopBackend = backend.stop;
    await eventually(async () => {
      const { body } = await get<BackupsResponse>('/backups');
      return body.clusters?.length === 2 && body.clusters.every(c => c.sync.state === 'synced') && body.clusters[0].schedules.total === 2;
    });
  });

  afterAll(async () => {
    await stopBackend?.();
    await sim?.stop();
  });

  it('GET /backups summarises Velero on every cluster', async () => {
    const { status, body } = await get<BackupsResponse>('/backups');
    expect(status).toBe(200);
    const [alpha, beta] = body.clusters;
    expect(alpha).toMatchObject({
      cluster: 'alpha',
      veleroInstalled: true,
      locations: { total: 1, available: 1 },
      schedules: { total: 2, active: 1, paused: 1, invalid: 0 },
      // Everything on alpha finished more than 24 h before now.
      last24h: { completed: 0, partiallyFailed: 0, failed: 0 },
      newestCompleted: expect.any(String),
    });
    expect(Date.parse(alpha.newestCompleted!)).toBe(start.getTime() - HOUR + 5 * 60_000);
    expect(alpha.last24h.successRate).toBeUndefined();
    expect(beta).toMatchObject({ cluster: 'beta', veleroInstalled: true, locations: { total: 1, available: 0 }, schedules: { total: 0 } });
    expect(beta.findings.critical).toBeGreaterThan(0);
    expect(body.timeline.map(b => b.name)).toEqual(['ledger-adhoc', scheduledBackupName('shop-6h', new Date(start.getTime() - HOUR))]);
    expect(body.coverage.partial).toBe(1);
    expect(body.coverage.uncovered).toBeGreaterThan(0);
  });

  it('reports a Failed backup, a paused schedule and an Unavailable location as findings', async () => {
    const { body } = await get<BackupsResponse>('/backups');
    const failed = body.findings.find(f => f.id === 'backup.failed');
    expect(failed).toMatchObject({ severity: 'critical', object: { kind: 'Backup', name: 'ledger-adhoc', cluster: 'alpha' } });
    const unavailable = body.findings.find(f => f.id === 'backup.location-unavailable');
    expect(unavailable).toMatchObject({ severity: 'critical', object: { kind: 'BackupStorageLocation', name: 'default', cluster: 'beta' } });
    expect(unavailable!.message).toMatch(/NoSuchBucket/);
    expect(body.findings.map(f => f.id)).toContain('backup.schedule-paused');
    expect(body.findings[0].severity).toBe('critical');
  });

  it('GET /backups/clusters/:name lists locations, schedules with their next run, backups and restores', async () => {
    const { status, body } = await get<ClusterBackupsResponse>('/backups/clusters/alpha');
    expect(status).toBe(200);
    expect(body.locations).toEqual([expect.objectContaining({ name: 'default', provider: 'aws', bucket: 'backups-alpha', phase: 'Available', default: true })]);
    const shop = body.schedules.find(s => s.name === 'shop-6h')!;
    expect(shop).toMatchObject({ cron: '0 */6 * * *', paused: false, phase: 'Enabled', labelSelector: 'backup=true', includedNamespaces: ['shop'], intervalMs: 6 * HOUR });
    expect(Date.parse(shop.nextRun!)).toBeGreaterThan(Date.now() - 1000);
    const weekly = body.schedules.find(s => s.name === 'weekly-full')!;
    expect(weekly.paused).toBe(true);
    expect(weekly.nextRun).toBeUndefined();
    expect(body.backups.map(b => [b.name, b.phase])).toEqual([
      [scheduledBackupName('shop-6h', new Date(start.getTime() - HOUR)), 'Completed'],
      ['ledger-adhoc', 'Failed'],
    ]);
    expect(body.backups[0]).toMatchObject({ scheduleName: 'shop-6h', warnings: 1, progress: { totalItems: 12, itemsBackedUp: 12 } });
    expect(body.backups[1]).toMatchObject({ errors: 3, includedNamespaces: ['ledger'] });
    expect(body.restores).toEqual([expect.objectContaining({ name: 'shop-drill-1', drill: true, phase: 'Completed', durationMs: 12 * 60_000 })]);
  });

  it('GET /backups/clusters/:name answers 404 for an unknown cluster', async () => {
    const { status, body } = await get<any>('/backups/clusters/nope');
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/no cluster named "nope".*alpha, beta/);
  });

  it('GET /backups/coverage?tenant= shows partial coverage with the unlabelled workload', async () => {
    const { status, body } = await get<CoverageResponse>('/backups/coverage', { tenant: 'shop' });
    expect(status).toBe(200);
    expect(body.namespaces).toEqual([
      {
        cluster: 'alpha',
        namespace: 'shop',
        status: 'partial',
        schedules: ['shop-6h'],
        uncoveredWorkloads: [{ kind: 'Deployment', name: 'worker', reason: 'labels-not-selected' }],
        workloadCount: 2,
      },
    ]);
    expect(body.ignoredSchedules).toEqual([expect.objectContaining({ name: 'weekly-full', reason: 'paused' })]);
    // Tier 4 from the namespace label; the worker is in no backup, so no schedule covers the whole namespace.
    expect(body.rpo).toMatchObject({ tier: 4, rpoMs: 24 * HOUR, compliant: false });
    expect(body.rpo!.findings.map(f => f.id)).toContain('backup.rpo.no-schedule');
    expect(body.lastDrill).toMatchObject({ name: 'shop-drill-1', durationMs: 12 * 60_000 });
  });

  it('GET /backups/coverage?entityRef= of a tenant Resource uses the tenant namespaces', async () => {
    const { status, body } = await get<CoverageResponse>('/backups/coverage', { entityRef: 'resource:default/shop' });
    expect(status).toBe(200);
    expect(body.namespaces.map(n => [n.namespace, n.status])).toEqual([['shop', 'partial']]);
    expect(body.rpo?.tier).toBe(4);
  });

  it('GET /backups/coverage without a filter covers every namespace of the fleet', async () => {
    const { body } = await get<CoverageResponse>('/backups/coverage');
    const ledger = body.namespaces.find(n => n.namespace === 'ledger')!;
    expect(ledger).toMatchObject({ cluster: 'alpha', status: 'uncovered', uncoveredWorkloads: [{ kind: 'Deployment', name: 'api', reason: 'namespace-excluded' }] });
    expect(body.rpo).toBeUndefined();
  });

  it.each([
    [{ entityRef: 'component:default/shop-web', tenant: 'shop' }, 400, /either entityRef or tenant/],
    [{ entityRef: 'component:default/' }, 400, /not an entity reference/],
    [{ entityRef: 'component:default/missing' }, 404, /no catalog entity/],
    [{ entityRef: 'component:default/bad-tier' }, 400, /backup-tier="gold"/],
    [{ tenant: 'Not_A_Name' }, 400, /not a tenant name/],
    [{ tenant: 'nobody' }, 404, /kubeyard.io\/tenant=nobody/],
  ])('GET /backups/coverage %j answers %i', async (query, status, message) => {
    const res = await get<any>('/backups/coverage', query);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('GET /backups/restore-drills lists the drills with their measured RTO', async () => {
    const { body } = await get<RestoreDrillsResponse>('/backups/restore-drills');
    expect(body.drills).toEqual([expect.objectContaining({ cluster: 'alpha', name: 'shop-drill-1', namespaceMapping: { shop: 'shop-restored' }, durationMs: 12 * 60_000 })]);
  });

  it('advancing the clock past the schedule makes new Completed backups that restore RPO compliance', async () => {
    const entityRef = 'component:default/shop-web';
    const before = await get<CoverageResponse>('/backups/coverage', { entityRef });
    expect(before.body.namespaces).toEqual([expect.objectContaining({ namespace: 'shop', status: 'covered', schedules: ['shop-6h'], workloadCount: 1 })]);
    expect(before.body.rpo).toMatchObject({ tier: 4, compliant: false, intervalMs: 6 * HOUR });
    expect(before.body.rpo!.findings.map(f => f.id)).toEqual(['backup.rpo.exceeded']);

    // 29 simulated hours: shop-6h runs at every 6th hour; the sim ends an hour before the backend's now.
    await sim.clock.advance(29 * HOUR);

    await eventually(async () => {
      const { body } = await get<ClusterBackupsResponse>('/backups/clusters/alpha');
      return body.backups.filter(b => b.scheduleName === 'shop-6h' && b.phase === 'Completed').length >= 5;
    });
    const { body: cluster } = await get<ClusterBackupsResponse>('/backups/clusters/alpha');
    const fresh = cluster.backups.filter(b => b.scheduleName === 'shop-6h' && b.phase === 'Completed');
    expect(Date.parse(fresh[0].completionTimestamp!)).toBeGreaterThan(wall.getTime() - 7 * HOUR);
    expect(fresh[0].name).toMatch(/^shop-6h-\d{14}$/);

    const after = await get<CoverageResponse>('/backups/coverage', { entityRef });
    expect(after.body.rpo).toMatchObject({ tier: 4, compliant: true, newestCompletedAt: fresh[0].completionTimestamp });
    expect(after.body.rpo!.findings).toEqual([]);

    const { body: summary } = await get<BackupsResponse>('/backups');
    const alpha = summary.clusters.find(c => c.cluster === 'alpha')!;
    expect(alpha.last24h.completed).toBeGreaterThanOrEqual(3);
    expect(alpha.last24h.successRate).toBe(1);
    expect(alpha.newestCompleted).toBe(fresh[0].completionTimestamp);
    expect(summary.findings.map(f => f.id)).not.toContain('backup.stale');
  });
});
