import type { LoggerService } from '@backstage/backend-plugin-api';
import { RESTORE_DRILL_CLEANUP_PENDING, restoreDrillRecordOf, type VeleroRestore } from '@kubeyard/backstage-plugin-kubeyard-common';
import { startSimulator } from '@kubeyard/kube-simulator';
import { backupWriteScenario } from '../testing/backupWriteScenario';
import { clusterClient, eventually, type Sim } from '../tenants/__testUtils__/tenantTestKit';
import type { TenantClusterClient } from '../tenants';
import { createDrillNamespace } from './restoreDrillNamespace';
import { RestoreDrillDriver, type RestoreDrillTimings } from './RestoreDrillDriver';

jest.setTimeout(60_000);

const logger = { info: () => {}, warn: () => {}, debug: () => {}, error: () => {}, child: () => logger } as unknown as LoggerService;

const source = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'shop', labels: { 'kubeyard.io/tenant': 'shop', 'app.kubernetes.io/managed-by': 'kubeyard' } },
};

/** The simulator's clock stands still unless a test advances it: a Restore stays InProgress. */
function scenario() {
  const base = backupWriteScenario();
  return {
    ...base,
    clusters: base.clusters.map(cluster => ({
      ...cluster,
      objects: [
        ...cluster.objects,
        source,
        {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          metadata: { name: 'shop-b1', namespace: 'velero' },
          spec: { includedNamespaces: ['shop'] },
          status: { phase: 'Completed', startTimestamp: '2025-06-01T09:00:00Z', completionTimestamp: '2025-06-01T09:01:00Z' },
        },
      ],
    })),
  };
}

describe('RestoreDrillDriver', () => {
  let sim: Sim;
  let client: TenantClusterClient;
  const restoreRef = (name: string) => ({ apiVersion: 'velero.io/v1', kind: 'Restore', metadata: { name, namespace: 'velero' } });
  const readRestore = async (name: string) => (await client.get(restoreRef(name))) as unknown as VeleroRestore;
  const readCopy = () => client.get({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-restored' } });
  const driverWith = (timings: Partial<RestoreDrillTimings>) =>
    new RestoreDrillDriver({ for: () => client }, logger, { pollIntervalMs: 20, restoreTimeoutMs: 3_600_000, podsReadyTimeoutMs: 600_000, ...timings });

  /** A Kubeyard drill as startRestoreDrill makes it; `namespaceFor` names the Restore the copy is labelled with. */
  async function startDrill(name: string, namespaceFor = name): Promise<VeleroRestore> {
    await createDrillNamespace(client, source, namespaceFor);
    return (await client.create({
      ...restoreRef(name),
      metadata: {
        ...restoreRef(name).metadata,
        labels: { 'app.kubernetes.io/managed-by': 'kubeyard', 'kubeyard.io/tenant': 'shop', 'kubeyard.io/restore-drill': 'true', 'kubeyard.io/restore-drill-namespace': 'shop' },
        annotations: { 'kubeyard.io/restore-drill-keep': 'false' },
      },
      spec: { backupName: 'shop-b1', includedNamespaces: ['shop'], namespaceMapping: { shop: 'shop-restored' } },
    })) as unknown as VeleroRestore;
  }

  async function removeCopy() {
    await client.delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-restored' } });
    await eventually('shop-restored gone', async () => !(await readCopy()));
  }

  beforeAll(async () => {
    sim = await startSimulator({ scenario: scenario(), port: 0, seed: 1 });
    client = clusterClient(sim, 'alpha');
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('on its own timeout records timedOut, keeps the namespace under the running Restore, and removes it once the Restore ended', async () => {
    const driver = driverWith({ restoreTimeoutMs: 0 });
    driver.ensure('alpha', await startDrill('shop-drill-1'));
    await driver.idle();
    const timedOut = restoreDrillRecordOf(await readRestore('shop-drill-1'));
    expect(timedOut).toMatchObject({ timedOut: true, compliant: false, cleanup: RESTORE_DRILL_CLEANUP_PENDING });
    expect((await readRestore('shop-drill-1')).status?.phase).toBe('InProgress');
    expect(await readCopy()).toBeDefined();

    await sim.clock.advance(61_000);
    expect((await readRestore('shop-drill-1')).status?.phase).toBe('Completed');
    driver.ensure('alpha', await readRestore('shop-drill-1'));
    await driver.idle();
    expect(restoreDrillRecordOf(await readRestore('shop-drill-1'))).toMatchObject({ timedOut: true, cleanup: 'deleted', recordedAt: timedOut!.recordedAt });
    await eventually('shop-restored gone', async () => !(await readCopy()));
  });

  it('leaves a drill someone else recorded alone: no second record, no deletion', async () => {
    const driver = driverWith({});
    driver.ensure('alpha', await startDrill('shop-drill-2'));
    await client.mergePatch(restoreRef('shop-drill-2'), {
      metadata: { annotations: { 'kubeyard.io/restore-drill-recorded-at': '2025-06-01T00:00:00.000Z', 'kubeyard.io/restore-drill-cleanup': 'kept' } },
    });
    await sim.clock.advance(61_000);
    await driver.idle();
    expect(restoreDrillRecordOf(await readRestore('shop-drill-2'))).toEqual({ compliant: false, cleanup: 'kept', recordedAt: '2025-06-01T00:00:00.000Z' });
    expect(await readCopy()).toBeDefined();
    await removeCopy();
  });

  it('deletes only the namespace made for its own drill', async () => {
    const driver = driverWith({ podsReadyTimeoutMs: 0 });
    await startDrill('shop-drill-3', 'shop-drill-other');
    await sim.clock.advance(61_000);
    driver.ensure('alpha', await readRestore('shop-drill-3'));
    await driver.idle();
    expect(restoreDrillRecordOf(await readRestore('shop-drill-3'))?.cleanup).toBe('not deleted: namespace shop-restored was not created for this drill');
    expect(await readCopy()).toBeDefined();
    await removeCopy();
  });

  it('follows only Restores Kubeyard started as drills', async () => {
    const driver = driverWith({});
    const foreign = { ...restoreRef('manual'), metadata: { name: 'manual', namespace: 'velero', labels: { 'kubeyard.io/restore-drill': 'true' } }, spec: {} };
    driver.ensure('alpha', foreign as unknown as VeleroRestore);
    await driver.idle();
    expect((driver as unknown as { active: Map<string, unknown> }).active.size).toBe(0);
  });
});
