import type {
  BackupsResponse,
  ClusterBackupsResponse,
  CoverageResponse,
  RestoreDrillOperation,
  RestoreDrillsResponse,
  TenantBackupOperation,
  TenantScheduleResult,
  TenantValidationErrorBody,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { backupWriteScenario } from '../testing/backupWriteScenario';
import { clusterClient, eventually, startTenantBackend, tenantInput, type Sim } from '../tenants/__testUtils__/tenantTestKit';

jest.setTimeout(120_000);

const SCHEDULES = ['kubeyard-shop-daily', 'kubeyard-shop-weekly-full', 'kubeyard-shop-every-5-minutes'];

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1' }] } },
  },
};

describe('backup write API', () => {
  let sim: Sim;
  let backend: Awaited<ReturnType<typeof startTenantBackend>>;
  let server: any;
  const api = (path: string) => `/api/kubeyard${path}`;
  const schedules = async (cluster: string) =>
    (await clusterClient(sim, cluster).list('velero.io/v1', 'Schedule', { namespace: 'velero' })).map(s => [s.metadata?.name, s.metadata?.resourceVersion]);

  /** Polls `path` while advancing the simulated clock, until `done`; returns every answer seen. */
  async function follow<T>(path: string, done: (body: T) => boolean, stepMs = 30_000): Promise<T[]> {
    const seen: T[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await request(server).get(api(path));
      expect(res.status).toBe(200);
      seen.push(res.body);
      if (done(res.body)) return seen;
      await sim.clock.advance(stepMs);
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`${path} did not finish: ${JSON.stringify(seen[seen.length - 1])}`);
  }

  beforeAll(async () => {
    sim = await startSimulator({ scenario: backupWriteScenario(), port: 0, seed: 1 });
    backend = await startTenantBackend(sim);
    server = backend.server;
    await eventually('the index', async () => {
      const res = await request(server).get(api('/backups'));
      return res.body.clusters?.length === 2 && res.body.clusters.every((c: any) => c.sync.state === 'synced' && c.locations.total === 1);
    });
    const applied = await request(server).post(api('/tenants?mode=apply')).send(tenantInput('shop', ['alpha', 'beta'], { backupTier: 2 }));
    expect(applied.body).toMatchObject({ status: 'succeeded' });
    await clusterClient(sim, 'alpha').apply(deployment);
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  describe('POST /backups/tenants/:tenant/schedule', () => {
    const schedule = (tenant: string, query = '') => request(server).post(api(`/backups/tenants/${tenant}/schedule${query}`)).send({});

    it('dry-runs the tier 2 Schedules on every cluster and writes nothing', async () => {
      const res = await schedule('shop', '?dryRun=true');
      expect(res.status).toBe(200);
      const body = res.body as TenantScheduleResult;
      expect(body).toMatchObject({ tenant: 'shop', tier: 2, dryRun: true });
      for (const cluster of body.clusters) {
        expect(cluster).toMatchObject({ result: 'created', namespaces: ['shop'] });
        expect(cluster.schedules.map(s => [s.name, s.action, s.cron])).toEqual([
          [SCHEDULES[0], 'create', '0 2 * * *'],
          [SCHEDULES[1], 'create', '0 1 * * 0'],
          [SCHEDULES[2], 'create', '*/5 * * * *'],
        ]);
      }
      expect(body.findings.map(f => f.id)).toEqual(['backup.schedule.high-frequency']);
      expect(await schedules('alpha')).toEqual([]);
    });

    it('applies them, and applying again changes nothing, not even a resourceVersion', async () => {
      const first = (await schedule('shop')).body as TenantScheduleResult;
      expect(first.clusters.map(c => c.result)).toEqual(['created', 'created']);
      const before = await schedules('alpha');
      expect(before.map(([name]) => name).sort()).toEqual([...SCHEDULES].sort());
      const again = (await schedule('shop')).body as TenantScheduleResult;
      expect(again.clusters.map(c => c.result)).toEqual(['unchanged', 'unchanged']);
      expect(again.clusters.flatMap(c => c.schedules.map(s => s.action))).toEqual(Array(6).fill('unchanged'));
      expect(await schedules('alpha')).toEqual(before);
    });

    it('follows a tier change: the every-5-minutes Schedule goes, the others stay', async () => {
      const patched = await request(server).patch(api('/tenants/shop')).send({ backupTier: 4 });
      expect(patched.body).toMatchObject({ status: 'succeeded' });
      const dry = (await schedule('shop', '?dryRun=true')).body as TenantScheduleResult;
      expect(dry.clusters[0].schedules.map(s => [s.name, s.action])).toEqual([
        [SCHEDULES[0], 'unchanged'],
        [SCHEDULES[1], 'unchanged'],
        [SCHEDULES[2], 'delete'],
      ]);
      const body = (await schedule('shop')).body as TenantScheduleResult;
      expect(body).toMatchObject({ tier: 4, findings: [] });
      expect(body.clusters.map(c => c.result)).toEqual(['updated', 'updated']);
      expect((await schedules('beta')).map(([name]) => name).sort()).toEqual(SCHEDULES.slice(0, 2).sort());
    });

    it('answers 400 with the field, 404 for an unknown tenant', async () => {
      const bad = await schedule('Bad_Name');
      expect(bad.status).toBe(400);
      expect((bad.body as TenantValidationErrorBody).fields.map(f => f.field)).toEqual(['tenant']);
      const flag = await schedule('shop', '?dryRun=maybe');
      expect(flag.status).toBe(400);
      expect((flag.body as TenantValidationErrorBody).fields).toEqual([{ field: 'dryRun', message: 'must be true or false, not "maybe"' }]);
      expect((await schedule('nobody')).status).toBe(404);
    });
  });

  describe('on-demand backups', () => {
    const backup = (body: object) => request(server).post(api('/backups/tenants/shop/backups')).send(body);

    it('starts a Backup at once and reports progress until Completed', async () => {
      const res = await backup({ cluster: 'alpha' });
      expect(res.status).toBe(202);
      const started = res.body as TenantBackupOperation;
      expect(started).toMatchObject({ tenant: 'shop', done: false, namespaces: ['shop'] });
      expect(started.id).toMatch(/^shop-\d{14}-[0-9a-f]{4}$/);
      const seen = await follow<TenantBackupOperation>(`/backups/tenants/shop/backups/${started.id}`, op => op.done, 60_000);
      const last = seen[seen.length - 1];
      expect(last).toMatchObject({ done: true, outcome: 'Completed', clusters: [{ cluster: 'alpha', phase: 'Completed' }] });
      expect(last.progress.totalItems).toBeGreaterThan(0);
      expect(last.progress.itemsBackedUp).toBe(last.progress.totalItems);
      expect(seen.some(op => op.clusters[0].phase === 'InProgress')).toBe(true);
    });

    it('ends FailedValidation when one cluster cannot back up', async () => {
      const started = (await backup({})).body as TenantBackupOperation;
      const seen = await follow<TenantBackupOperation>(`/backups/tenants/shop/backups/${started.id}`, op => op.done, 60_000);
      const last = seen[seen.length - 1];
      expect(last.outcome).toBe('FailedValidation');
      expect(last.clusters.find(c => c.cluster === 'beta')?.validationErrors?.join()).toContain('Unavailable');
      expect(last.clusters.find(c => c.cluster === 'alpha')?.phase).toBe('Completed');
    });

    it('refuses unknown fields and clusters, and answers 404 for an unknown backup', async () => {
      const unknown = await backup({ clusters: ['alpha'] });
      expect(unknown.status).toBe(400);
      expect((unknown.body as TenantValidationErrorBody).fields[0].message).toContain('unknown field "clusters"');
      expect((await backup({ cluster: 'gamma' })).status).toBe(400);
      expect((await request(server).get(api('/backups/tenants/shop/backups/nope'))).status).toBe(404);
    });

    it('answers 400 for an id that is no object name, before reading anything', async () => {
      for (const id of ['Bad_Id', 'a..b', '-x']) {
        const res = await request(server).get(api(`/backups/tenants/shop/backups/${encodeURIComponent(id)}`));
        expect(res.status).toBe(400);
        expect((res.body as TenantValidationErrorBody).fields.map(f => f.field)).toEqual(['id']);
      }
    });
  });

  describe('restore drills', () => {
    const drill = (body: object) => request(server).post(api('/backups/restore-drills')).send(body);
    const namespaceExists = async (name: string) => Boolean(await clusterClient(sim, 'alpha').get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    const run = async (body: object) => {
      const res = await drill(body);
      expect(res.status).toBe(202);
      const started = res.body as RestoreDrillOperation;
      expect(started).toMatchObject({ tenant: 'shop', cluster: 'alpha', namespace: 'shop', restoredNamespace: 'shop-restored', stage: 'restoring' });
      const seen = await follow<RestoreDrillOperation>(`/backups/restore-drills/${started.id}`, op => op.stage === 'done');
      return seen[seen.length - 1];
    };

    const restores = async () => (await clusterClient(sim, 'alpha').list('velero.io/v1', 'Restore', { namespace: 'velero' })).map(r => r.metadata?.name);

    it('validates the request field by field', async () => {
      const fields = async (body: object) => ((await drill(body)).body as TenantValidationErrorBody).fields.map(f => f.field);
      expect(await fields({ cluster: 'alpha', namespace: 'shop', keep: 'yes' })).toEqual(['keep']);
      expect(await fields({ namespace: 'Shop' })).toEqual(['cluster', 'namespace']);
      expect(await fields({ cluster: 'nowhere', namespace: 'shop' })).toEqual(['cluster']);
      expect(await fields({ cluster: 'alpha', namespace: 'legacy' })).toEqual(['namespace']);
    });

    it("drills only the registry's tenant namespace on the tenant's clusters, and says nothing of what exists", async () => {
      const applied = await request(server).post(api('/tenants?mode=apply')).send(tenantInput('solo', ['alpha']));
      expect(applied.body).toMatchObject({ status: 'succeeded' });
      const beta = await drill({ cluster: 'beta', namespace: 'solo' });
      expect(beta.status).toBe(400);
      expect((beta.body as TenantValidationErrorBody).fields).toEqual([{ field: 'cluster', message: expect.stringContaining('tenant solo is not placed on cluster beta') }]);
      // An existing namespace that is no tenant's and one that does not exist get the same answer.
      const existing = await drill({ cluster: 'alpha', namespace: 'legacy' });
      const missing = await drill({ cluster: 'alpha', namespace: 'ghost' });
      expect([existing.status, missing.status]).toEqual([400, 400]);
      expect(missing.body.fields[0].message).toBe(existing.body.fields[0].message.replace('legacy', 'ghost'));
    });

    it('refuses to restore into a namespace a Kubeyard drill did not make, and never deletes it', async () => {
      const client = clusterClient(sim, 'alpha');
      const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-restored', labels: { 'velero.io/restore-name': 'shop-drill-x' } } };
      await client.apply(ns);
      const before = await restores();
      const res = await drill({ cluster: 'alpha', namespace: 'shop' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('was not made by a Kubeyard restore drill; Kubeyard never deletes it');
      expect(await namespaceExists('shop-restored')).toBe(true);
      expect(await restores()).toEqual(before);
      await client.delete(ns);
      await eventually('shop-restored gone', async () => !(await namespaceExists('shop-restored')));
    });

    it('answers 400 for drill path parameters that are no names or no cluster', async () => {
      const get = (path: string) => request(server).get(api(`/backups/restore-drills/${path}`));
      const bad = await get('alpha/Bad_Name');
      expect(bad.status).toBe(400);
      expect((bad.body as TenantValidationErrorBody).fields.map(f => f.field)).toEqual(['name']);
      const cluster = await get('nowhere/shop-drill-1');
      expect(cluster.status).toBe(400);
      expect((cluster.body as TenantValidationErrorBody).fields.map(f => f.field)).toEqual(['cluster']);
      expect((await get('alpha/shop-drill-1')).status).toBe(404);
    });

    it('restores the newest backup, measures the RTO against the tier, records it and cleans up', async () => {
      const done = await run({ cluster: 'alpha', namespace: 'shop' });
      const restore = await clusterClient(sim, 'alpha').get({ apiVersion: 'velero.io/v1', kind: 'Restore', metadata: { name: done.restoreName, namespace: 'velero' } });
      expect(restore?.spec).toMatchObject({
        namespaceMapping: { shop: 'shop-restored' },
        excludedResources: ['ingresses.networking.k8s.io', 'cronjobs.batch', 'httproutes.gateway.networking.k8s.io'],
      });
      expect(done).toMatchObject({ phase: 'Completed', keep: false, tier: 4, tierRtoMs: 72 * 3_600_000 });
      expect(done.record).toMatchObject({ compliant: true, cleanup: 'deleted', podsReady: { ready: 2, total: 2 } });
      expect(done.record!.rtoMs).toBeGreaterThanOrEqual(done.record!.restoreMs!);
      expect(done.record!.restoreMs).toBeGreaterThanOrEqual(60_000);
      await eventually('shop-restored gone', async () => !(await namespaceExists('shop-restored')));
      await eventually('the drill in the history', async () => {
        const history = (await request(server).get(api('/backups/restore-drills'))).body as RestoreDrillsResponse;
        return history.drills.find(d => d.name === done.restoreName && d.record?.rtoMs === done.record!.rtoMs);
      });
    });

    it('keeps the namespace when asked, not as the tenant\'s, and the next drill waits until it is deleted', async () => {
      const kept = await run({ cluster: 'alpha', namespace: 'shop', keep: true });
      expect(kept.record).toMatchObject({ cleanup: 'kept', compliant: true });
      const client = clusterClient(sim, 'alpha');
      const copy = await client.get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-restored' } });
      expect(copy?.metadata?.labels).toMatchObject({
        'kubeyard.io/restore-drill-namespace': 'shop',
        'kubeyard.io/restore-drill-restore': kept.restoreName,
        'kubeyard.io/owner': 'group.default.team-payments',
        'kubernetes.io/metadata.name': 'shop-restored',
      });
      for (const label of ['kubeyard.io/tenant', 'kubeyard.io/backup-tier', 'kubeyard.io/environment', 'velero.io/restore-name']) {
        expect(copy?.metadata?.labels).not.toHaveProperty([label]);
      }
      const blocked = await drill({ cluster: 'alpha', namespace: 'shop' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.message).toContain('a drill of shop is running or its copy was kept');
      expect(await namespaceExists('shop-restored')).toBe(true);
      const copyDrill = await drill({ cluster: 'alpha', namespace: 'shop-restored' });
      expect(copyDrill.status).toBe(400);
      expect((copyDrill.body as TenantValidationErrorBody).fields.map(f => f.field)).toEqual(['namespace']);
      await client.delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-restored' } });
      await eventually('shop-restored gone', async () => !(await namespaceExists('shop-restored')));
      const next = await run({ cluster: 'alpha', namespace: 'shop' });
      expect(next.record).toMatchObject({ cleanup: 'deleted', compliant: true });
      expect(next.restoreName).not.toBe(kept.restoreName);
    });

    it('still counts a drill once Velero deleted its Restore: history, last drill, drill cadence', async () => {
      const client = clusterClient(sim, 'alpha');
      const scheduleRef = { apiVersion: 'velero.io/v1', kind: 'Schedule', metadata: { name: SCHEDULES[0], namespace: 'velero' } };
      const overdue = async () =>
        ((await request(server).get(api('/backups'))).body as BackupsResponse).findings.some(
          f => f.id === 'restore.drill-overdue' && f.object.cluster === 'alpha' && f.object.name === SCHEDULES[0],
        );
      // A backup of the daily Schedule, as Velero makes them.
      const backupName = `${SCHEDULES[0]}-20250601120000`;
      await client.create({
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: backupName, namespace: 'velero', labels: { 'velero.io/schedule-name': SCHEDULES[0] } },
        spec: { includedNamespaces: ['shop'], storageLocation: 'default' },
      });
      await follow<ClusterBackupsResponse>('/backups/clusters/alpha', body => body.backups.some(b => b.name === backupName && b.phase === 'Completed'), 60_000);
      await sim.clock.advance(2 * 3_600_000);
      // The views judge on the wall clock, the simulated fleet lives in 2025: a cadence that ends
      // an hour after the Schedule's creation, counted to now, makes it overdue until a drill
      // ran in the last two (simulated) hours.
      const created = Date.parse(String((await client.get(scheduleRef))!.metadata!.creationTimestamp));
      const cadence = `${Math.round((Date.now() - created) / 1000) - 3_600}s`;
      await client.mergePatch(scheduleRef, { metadata: { annotations: { 'kubeyard.io/restore-drill-cadence': cadence } } });
      await eventually('the drill overdue', overdue);

      const done = await run({ cluster: 'alpha', namespace: 'shop', backupName });
      expect(done.record).toMatchObject({ compliant: true, cleanup: 'deleted' });
      await eventually('the drill counted', async () => !(await overdue()));
      // Velero's garbage collector deletes a Restore together with its backup.
      await client.delete({ apiVersion: 'velero.io/v1', kind: 'Restore', metadata: { name: done.restoreName, namespace: 'velero' } });
      await eventually('the Restore gone from the index', async () => {
        const cluster = (await request(server).get(api('/backups/clusters/alpha'))).body as ClusterBackupsResponse;
        return !cluster.restores.some(r => r.name === done.restoreName);
      });

      const history = (await request(server).get(api('/backups/restore-drills'))).body as RestoreDrillsResponse;
      expect(history.drills.find(d => d.name === done.restoreName)).toMatchObject({
        cluster: 'alpha',
        backupName,
        phase: 'Completed',
        drill: true,
        namespaceMapping: { shop: 'shop-restored' },
        record: done.record,
      });
      const coverage = (await request(server).get(api('/backups/coverage?tenant=shop'))).body as CoverageResponse;
      expect(coverage.lastDrill).toMatchObject({ cluster: 'alpha', name: done.restoreName, record: done.record });
      expect(await overdue()).toBe(false);
    });
  });
});
