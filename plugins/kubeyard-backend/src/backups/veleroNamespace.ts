import { VELERO_NAMESPACE, type VeleroBackupStorageLocation } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { FleetIndex } from '../fleet';

/**
 * The namespace Velero runs in on a cluster: where its default BackupStorageLocation is (Velero
 * reads Schedules, Backups and Restores from its own namespace only), else `velero`.
 */
export function veleroNamespaceOf(fleet: Pick<FleetIndex, 'cluster'>, cluster: string): string {
  const locations = fleet.cluster(cluster)?.list<VeleroBackupStorageLocation>('backupstoragelocations') ?? [];
  const location = locations.find(l => l.spec?.default) ?? locations[0];
  return location?.metadata.namespace ?? VELERO_NAMESPACE;
}
