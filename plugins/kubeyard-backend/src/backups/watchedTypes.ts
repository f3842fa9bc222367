import type { KubeObject, WatchedType } from '../fleet';

/**
 * Keeps a Velero object's spec, status and identifying metadata; drops managedFields and
 * everything else the backup views do not read (Backups pile up: one per schedule run).
 */
export function projectVeleroObject(obj: KubeObject): KubeObject {
  const metadata = obj.metadata ?? {};
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      labels: metadata.labels,
      annotations: metadata.annotations,
      creationTimestamp:
        metadata.creationTimestamp instanceof Date ? metadata.creationTimestamp.toISOString() : metadata.creationTimestamp,
    },
    spec: obj.spec ?? {},
    ...(obj.status ? { status: obj.status } : {}),
  };
}

const velero = (key: string, kind: string): WatchedType => ({
  key,
  group: 'velero.io',
  version: 'v1',
  kind,
  plural: key,
  namespaced: true,
  optional: true,
  project: projectVeleroObject,
});

/** The Velero (velero.io/v1) types the backup views read; optional: most clusters may lack Velero. */
export const BACKUP_TYPES: WatchedType[] = [
  velero('backups', 'Backup'),
  velero('schedules', 'Schedule'),
  velero('restores', 'Restore'),
  velero('backupstoragelocations', 'BackupStorageLocation'),
  velero('volumesnapshotlocations', 'VolumeSnapshotLocation'),
];
