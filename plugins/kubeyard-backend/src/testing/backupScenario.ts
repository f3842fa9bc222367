import type { Scenario } from '@kubeyard/kube-simulator';

const HOUR = 60 * 60 * 1000;

/** The times a backup scenario is built around: the simulator starts `start`, 30 h before `wall`. */
export interface BackupScenarioTimes {
  wall: Date;
  start: Date;
}

/** Velero's backup name for a run: `<schedule>-<yyyyMMddHHmmss>`. */
export function scheduledBackupName(schedule: string, at: Date): string {
  return `${schedule}-${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
}

const ns = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

function deployment(namespace: string, name: string, labels: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace, name, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, ...labels } }, spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1' }] } },
    },
  };
}

function location(name: string, bucket: string, phase: 'Available' | 'Unavailable', message?: string) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name, namespace: 'velero' },
    spec: { provider: 'aws', default: true, accessMode: 'ReadWrite', objectStorage: { bucket, prefix: name }, config: { region: 'eu-west-1' } },
    status: { phase, ...(message ? { message } : {}) },
  };
}

/**
 * Two clusters with Velero, the simulated clock 30 h behind the wall clock (the backend's
 * `now`), so advancing it runs schedules into the backend's recent past:
 * - `alpha`: Schedule shop-6h (`0 *∕6 * * *`, namespace shop, only `backup=true` workloads:
 *   shop/web is labelled, shop/worker is not), a paused weekly Schedule, shop-6h's last
 *   Completed backup 31 h old, a Failed manual backup, and a restore drill of shop into
 *   shop-restored that took 12 minutes. Namespace shop is tenant `shop`, backup tier 4.
 * - `beta`: its only BackupStorageLocation is Unavailable.
 */
export function backupScenario(times: BackupScenarioTimes): Scenario {
  const at = (offsetMs: number) => new Date(times.start.getTime() + offsetMs).toISOString();
  const oldRun = new Date(times.start.getTime() - HOUR);
  const expiration = at(20 * 24 * HOUR);
  return {
    name: 'backups-test',
    startTime: times.start.toISOString(),
    clusters: [
      {
        name: 'alpha',
        token: 'alpha-token',
        version: 'v1.31.4',
        objects: [
          ns('velero'),
          ns('shop', { 'kubeyard.io/tenant': 'shop', 'kubeyard.io/backup-tier': '4' }),
          ns('ledger'),
          deployment('shop', 'web', { 'backstage.io/kubernetes-id': 'shop-web', backup: 'true' }),
          deployment('shop', 'worker', { 'backstage.io/kubernetes-id': 'shop-worker' }),
          deployment('ledger', 'api', { 'backstage.io/kubernetes-id': 'ledger-api' }),
          location('default', 'backups-alpha', 'Available'),
          {
            apiVersion: 'velero.io/v1',
            kind: 'Schedule',
            metadata: { name: 'shop-6h', namespace: 'velero' },
            spec: {
              schedule: '0 */6 * * *',
              template: { ttl: '720h0m0s', includedNamespaces: ['shop'], labelSelector: { matchLabels: { backup: 'true' } } },
            },
          },
          {
            apiVersion: 'velero.io/v1',
            kind: 'Schedule',
            metadata: { name: 'weekly-full', namespace: 'velero' },
            spec: { schedule: '0 1 * * 0', paused: true, template: { ttl: '2160h0m0s' } },
          },
          {
            apiVersion: 'velero.io/v1',
            kind: 'Backup',
            metadata: { name: scheduledBackupName('shop-6h', oldRun), namespace: 'velero', labels: { 'velero.io/schedule-name': 'shop-6h' } },
            spec: { ttl: '720h0m0s', includedNamespaces: ['shop'], labelSelector: { matchLabels: { backup: 'true' } } },
            status: {
              phase: 'Completed',
              startTimestamp: oldRun.toISOString(),
              completionTimestamp: at(-HOUR + 5 * 60_000),
              expiration,
              errors: 0,
              warnings: 1,
              progress: { totalItems: 12, itemsBackedUp: 12 },
            },
          },
          {
            apiVersion: 'velero.io/v1',
            kind: 'Backup',
            metadata: { name: 'ledger-adhoc', namespace: 'velero' },
            spec: { includedNamespaces: ['ledger'] },
            status: {
              phase: 'Failed',
              startTimestamp: at(-2 * HOUR),
              completionTimestamp: at(-2 * HOUR + 60_000),
              expiration,
              failureReason: 'error getting backup storage location',
              errors: 3,
            },
          },
          {
            apiVersion: 'velero.io/v1',
            kind: 'Restore',
            metadata: { name: 'shop-drill-1', namespace: 'velero', labels: { 'kubeyard.io/restore-drill': 'true' } },
            spec: { backupName: scheduledBackupName('shop-6h', oldRun), namespaceMapping: { shop: 'shop-restored' } },
            status: { phase: 'Completed', startTimestamp: at(-50 * 60_000), completionTimestamp: at(-38 * 60_000) },
          },
        ],
      },
      {
        name: 'beta',
        token: 'beta-token',
        version: 'v1.31.4',
        objects: [ns('velero'), location('default', 'backups-beta', 'Unavailable', 'BackupStorageLocation "default" is unavailable: rpc error: NoSuchBucket')],
      },
    ],
  };
}
