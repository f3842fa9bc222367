import type {
  VeleroBackup,
  VeleroBackupStorageLocation,
  VeleroRestore,
  VeleroSchedule,
  VeleroVolumeSnapshotLocation,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ClusterSnapshot } from '../fleet';

/** One cluster's Velero objects as the fleet index holds them. */
export interface ClusterVeleroObjects {
  cluster: string;
  /** The cluster serves velero.io/v1 (its CRDs are installed). */
  installed: boolean;
  backups: VeleroBackup[];
  schedules: VeleroSchedule[];
  restores: VeleroRestore[];
  storageLocations: VeleroBackupStorageLocation[];
  volumeSnapshotLocations: VeleroVolumeSnapshotLocation[];
}

const byName = <T extends { metadata: { name: string; namespace?: string } }>(items: T[]) =>
  [...items].sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));

/** Reads a cluster's Velero objects from its snapshot. */
export function veleroObjectsOf(snapshot: ClusterSnapshot): ClusterVeleroObjects {
  return {
    cluster: snapshot.name,
    installed: snapshot.serves('backups') || snapshot.serves('schedules') || snapshot.serves('backupstoragelocations'),
    backups: byName(snapshot.list<VeleroBackup>('backups')),
    schedules: byName(snapshot.list<VeleroSchedule>('schedules')),
    restores: byName(snapshot.list<VeleroRestore>('restores')),
    storageLocations: byName(snapshot.list<VeleroBackupStorageLocation>('backupstoragelocations')),
    volumeSnapshotLocations: byName(snapshot.list<VeleroVolumeSnapshotLocation>('volumesnapshotlocations')),
  };
}
