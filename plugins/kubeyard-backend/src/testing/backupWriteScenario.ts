import type { Scenario } from '@kubeyard/kube-simulator';
import { tenantScenario } from './tenantScenario';

function location(phase: 'Available' | 'Unavailable') {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: 'default', namespace: 'velero' },
    spec: { provider: 'aws', default: true, accessMode: 'ReadWrite', objectStorage: { bucket: 'backups', prefix: 'cluster' }, config: { region: 'eu-west-1' } },
    status: { phase, ...(phase === 'Unavailable' ? { message: 'BackupStorageLocation "default" is unavailable: rpc error: NoSuchBucket' } : {}) },
  };
}

/**
 * The tenant clusters (nodes, system namespaces, an unowned `legacy` namespace) with Velero in
 * `velero`: on `alpha` its BackupStorageLocation is Available, on `beta` Unavailable, so every
 * backup there ends FailedValidation.
 */
export function backupWriteScenario(): Scenario {
  const base = tenantScenario(['alpha', 'beta'], 3);
  return {
    ...base,
    name: 'backup-write-test',
    startTime: '2025-06-01T10:00:00Z',
    clusters: base.clusters.map(cluster => ({
      ...cluster,
      objects: [
        ...cluster.objects,
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'velero' } },
        location(cluster.name === 'alpha' ? 'Available' : 'Unavailable'),
      ],
    })),
  };
}
