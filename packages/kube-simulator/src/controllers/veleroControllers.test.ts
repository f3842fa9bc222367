import type { KubeObject } from '../types';
import {
  startTestCluster,
  type TestCluster,
  testNodes,
} from './__testing__/clusterHarness';
import { crdBundle } from '../scenario/crds';
import { GVRS } from './gvr';

const ns = (name: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});
const bsl = (name: string, phase: string, isDefault = false): KubeObject => ({
  apiVersion: 'velero.io/v1',
  kind: 'BackupStorageLocation',
  metadata: { name, namespace: 'velero' },
  spec: {
    provider: 'aws',
    default: isDefault,
    objectStorage: { bucket: `bucket-${name}` },
  },
  status: { phase },
});
const schedule = (
  name: string,
  cron: string,
  spec: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'velero.io/v1',
  kind: 'Schedule',
  metadata: { name, namespace: 'velero', labels: { team: 'platform' } },
  spec: { schedule: cron, template: { includedNamespaces: ['shop'] }, ...spec },
});
const shopObjects: KubeObject[] = [
  ns('shop', { 'kubeyard.io/tenant': 'shop' }),
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'shop', labels: { app: 'web' } },
    data: { mode: 'live' },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  },
];
const base = [
  ns('velero'),
  bsl('default', 'Available', true),
  ...testNodes(2),
  ...shopObjects,
];
const phase = (b: KubeObject | undefined) => (b?.status as any)?.phase;

describe('Velero controllers (real store, simulated clock)', () => {
  let cluster: TestCluster;
  afterEach(() => cluster?.stop());

  it('enables a valid schedule and rejects a bad cron with validationErrors', async () => {
    cluster = await startTestCluster([
      ...base,
      schedule('daily', '0 2 * * *'),
      schedule('broken', '0 2 * *'),
    ]);
    expect(cluster.get(GVRS.schedules, 'velero', 'daily')!.status).toEqual({
      phase: 'Enabled',
    });
    expect(cluster.get(GVRS.schedules, 'velero', 'broken')!.status).toEqual({
      phase: 'FailedValidation',
      validationErrors: [
        'invalid schedule: expected exactly 5 fields, found 4: [0 2 * *]',
      ],
    });
  });

  it('creates Backups on the cron in simulated time, named <schedule>-<yyyyMMddHHmmss>, unless paused', async () => {
    cluster = await startTestCluster(
      [
        ...base,
        schedule('daily', '0 2 * * *', {
          template: { includedNamespaces: ['shop'], ttl: '48h' },
        }),
        schedule('paused', '0 2 * * *', { paused: true }),
      ],
      {
        startTime: '2025-03-12T01:30:00Z',
      },
    );
    await cluster.advance(29 * 60_000);
    expect(cluster.list(GVRS.backups, 'velero')).toHaveLength(0);
    await cluster.advance(60_000);
    const [backup] = cluster.list(GVRS.backups, 'velero');
    expect(backup.metadata.name).toBe('daily-20250312020000');
    expect(backup.metadata.labels).toMatchObject({
      'velero.io/schedule-name': 'daily',
      'velero.io/storage-location': 'default',
      team: 'platform',
    });
    expect(backup.spec).toMatchObject({
      includedNamespaces: ['shop'],
      ttl: '48h',
      storageLocation: 'default',
    });
    expect(backup.status).toMatchObject({
      phase: 'InProgress',
      startTimestamp: '2025-03-12T02:00:00Z',
      expiration: '2025-03-14T02:00:00Z',
      progress: { totalItems: expect.any(Number), itemsBackedUp: 0 },
    });
    expect(
      cluster.get(GVRS.schedules, 'velero', 'daily')!.status,
    ).toMatchObject({ phase: 'Enabled', lastBackup: '2025-03-12T02:00:00Z' });
    await cluster.advance(24 * 3_600_000);
    expect(
      cluster
        .list(GVRS.backups, 'velero')
        .map(b => b.metadata.name)
        .sort(),
    ).toEqual(['daily-20250312020000', 'daily-20250313020000']);
    expect(
      (cluster.get(GVRS.schedules, 'velero', 'paused')!.status as any)
        .lastBackup,
    ).toBeUndefined();
  });

  it.each([
    ['Completed', undefined, {}],
    [
      'PartiallyFailed',
      { daily: 'PartiallyFailed' as const },
      { errors: expect.any(Number) },
    ],
    [
      'Failed',
      { daily: 'Failed' as const },
      { failureReason: expect.stringContaining('AccessDenied') },
    ],
  ])(
    'ends a backup %s after backupDurationMinutes',
    async (expected, outcomes, details) => {
      cluster = await startTestCluster(
        [...base, schedule('daily', '0 2 * * *')],
        {
          startTime: '2025-03-12T01:59:00Z',
          behaviour: { backupDurationMinutes: 5, backupOutcomes: outcomes },
        },
      );
      await cluster.advance(3 * 60_000);
      expect(phase(cluster.list(GVRS.backups, 'velero')[0])).toBe('InProgress');
      await cluster.advance(5 * 60_000);
      const status = cluster.list(GVRS.backups, 'velero')[0].status as any;
      expect(status).toMatchObject({
        phase: expected,
        completionTimestamp: '2025-03-12T02:05:00Z',
        ...details,
      });
      expect(status.progress.totalItems).toBeGreaterThan(5);
    },
  );

  it('fails validation when the BackupStorageLocation is Unavailable', async () => {
    cluster = await startTestCluster(
      [
        ...base,
        bsl('dr', 'Unavailable'),
        schedule('dr', '0 2 * * *', { template: { storageLocation: 'dr' } }),
      ],
      {
        startTime: '2025-03-12T01:59:00Z',
      },
    );
    await cluster.advance(60_000);
    const [backup] = cluster.list(GVRS.backups, 'velero');
    expect(backup.status).toMatchObject({
      phase: 'FailedValidation',
      validationErrors: [
        "backup can't be created because BackupStorageLocation dr is in Unavailable status.",
      ],
    });
    expect(
      cluster.get(GVRS.backupstoragelocations, 'velero', 'dr')!.status,
    ).toMatchObject({
      phase: 'Unavailable',
      message: expect.stringContaining('AccessDenied'),
    });
  });

  it('takes BackupStorageLocation phases from behaviour and refreshes lastValidationTime', async () => {
    cluster = await startTestCluster(base, {
      behaviour: { storageLocationPhases: { default: 'Unavailable' } },
    });
    await cluster.advance(60_000);
    expect(
      cluster.get(GVRS.backupstoragelocations, 'velero', 'default')!.status,
    ).toMatchObject({
      phase: 'Unavailable',
      lastValidationTime: '2025-03-12T10:01:00Z',
    });
  });

  it('deletes expired backups: phase Deleting, then gone', async () => {
    cluster = await startTestCluster(
      [
        ...base,
        schedule('daily', '0 2 * * *', {
          template: { includedNamespaces: ['shop'], ttl: '1h' },
        }),
      ],
      {
        startTime: '2025-03-12T01:59:00Z',
      },
    );
    await cluster.advance(10 * 60_000);
    expect(
      phase(cluster.get(GVRS.backups, 'velero', 'daily-20250312020000')),
    ).toBe('Completed');
    await cluster.advance(50 * 60_000);
    expect(
      phase(cluster.get(GVRS.backups, 'velero', 'daily-20250312020000')),
    ).toBe('Completed');
    await cluster.advance(60_000); // 03:00, the expiration
    expect(
      phase(cluster.get(GVRS.backups, 'velero', 'daily-20250312020000')),
    ).toBe('Deleting');
    await cluster.advance(60_000);
    expect(
      cluster.get(GVRS.backups, 'velero', 'daily-20250312020000'),
    ).toBeUndefined();
  });

  it('processes a DeleteBackupRequest: backup Deleting, then gone, request Processed', async () => {
    cluster = await startTestCluster(
      [...crdBundle('velero'), ...base, schedule('daily', '0 2 * * *')],
      { startTime: '2025-03-12T01:59:00Z' },
    );
    await cluster.advance(10 * 60_000);
    cluster.store.create(GVRS.deletebackuprequests, 'velero', {
      apiVersion: 'velero.io/v1',
      kind: 'DeleteBackupRequest',
      metadata: { name: 'daily-20250312020000-x7k2p', namespace: 'velero' },
      spec: { backupName: 'daily-20250312020000' },
    });
    await cluster.settle();
    expect(
      phase(cluster.get(GVRS.backups, 'velero', 'daily-20250312020000')),
    ).toBe('Deleting');
    await cluster.advance(60_000);
    expect(
      cluster.get(GVRS.backups, 'velero', 'daily-20250312020000'),
    ).toBeUndefined();
    expect(
      phase(
        cluster.get(
          GVRS.deletebackuprequests,
          'velero',
          'daily-20250312020000-x7k2p',
        ),
      ),
    ).toBe('Processed');
  });

  it('restores the backed-up objects into a mapped namespace', async () => {
    cluster = await startTestCluster(
      [...base, schedule('daily', '0 2 * * *')],
      { startTime: '2025-03-12T01:59:00Z' },
    );
    await cluster.advance(10 * 60_000);
    // Changes after the backup must not show up in the restore.
    cluster.store.delete(GVRS.configmaps, 'shop', 'settings');
    cluster.store.create(GVRS.restores, 'velero', {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: { name: 'drill', namespace: 'velero' },
      spec: {
        backupName: 'daily-20250312020000',
        namespaceMapping: { shop: 'shop-restored' },
      },
    });
    await cluster.settle();
    let restore = cluster.get(GVRS.restores, 'velero', 'drill')!;
    expect(restore.status).toMatchObject({
      phase: 'InProgress',
      startTimestamp: '2025-03-12T02:09:00Z',
    });
    const restoredNs = cluster.get(
      GVRS.namespaces,
      undefined,
      'shop-restored',
    )!;
    expect(restoredNs.metadata.labels).toMatchObject({
      'kubeyard.io/tenant': 'shop',
    });
    // Real velero labels restored objects, never the namespace it creates for a mapping.
    expect(restoredNs.metadata.labels).not.toHaveProperty(
      'velero.io/restore-name',
    );
    expect(
      cluster.get(GVRS.configmaps, 'shop-restored', 'settings')!.data,
    ).toEqual({ mode: 'live' });
    expect(cluster.get(GVRS.services, 'shop-restored', 'web')).toBeDefined();
    expect(
      cluster.get(GVRS.deployments, 'shop-restored', 'web')!.metadata.labels,
    ).toMatchObject({ 'velero.io/backup-name': 'daily-20250312020000' });
    expect(cluster.list(GVRS.pods, 'shop-restored')).toHaveLength(2);
    await cluster.advance(60_000);
    restore = cluster.get(GVRS.restores, 'velero', 'drill')!;
    expect(restore.status).toMatchObject({
      phase: 'Completed',
      completionTimestamp: '2025-03-12T02:10:00Z',
      progress: { itemsRestored: expect.any(Number) },
    });
  });

  it('leaves an existing target namespace as it is', async () => {
    cluster = await startTestCluster(
      [...base, schedule('daily', '0 2 * * *')],
      { startTime: '2025-03-12T01:59:00Z' },
    );
    await cluster.advance(10 * 60_000);
    cluster.store.create(GVRS.namespaces, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop-restored', labels: { mine: 'yes' } },
    });
    cluster.store.create(GVRS.restores, 'velero', {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: { name: 'drill', namespace: 'velero' },
      spec: {
        backupName: 'daily-20250312020000',
        namespaceMapping: { shop: 'shop-restored' },
      },
    });
    await cluster.settle();
    const restoredNs = cluster.get(
      GVRS.namespaces,
      undefined,
      'shop-restored',
    )!;
    expect(restoredNs.metadata.labels).toEqual({
      mine: 'yes',
      'kubernetes.io/metadata.name': 'shop-restored',
    });
    expect(cluster.get(GVRS.services, 'shop-restored', 'web')).toBeDefined();
    const status = cluster.get(GVRS.restores, 'velero', 'drill')!.status as any;
    expect(status.warnings).toBeUndefined();
  });

  it.each([
    [
      { backupName: 'nope' },
      'Error retrieving backup: backups.velero.io "nope" not found',
    ],
    [
      {},
      'Either a backup or schedule must be specified as a source for the restore, but not both',
    ],
    [{ scheduleName: 'none' }, 'No backups found for schedule'],
  ])('fails validation of a restore with %j', async (spec, message) => {
    cluster = await startTestCluster(base);
    cluster.store.create(GVRS.restores, 'velero', {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: { name: 'r', namespace: 'velero' },
      spec,
    });
    await cluster.settle();
    const status = cluster.get(GVRS.restores, 'velero', 'r')!.status as any;
    expect(status.phase).toBe('FailedValidation');
    expect(status.validationErrors).toContain(message);
  });
});
