/*
 * Dynamic provisioning and binding: every pending PersistentVolumeClaim gets a
 * PersistentVolume `pvc-<claim uid>` of the requested size and becomes Bound, as with a
 * default StorageClass and an immediate-binding CSI driver.
 */
import type { KubeObject } from '../types';
import { BaseController } from './baseController';
import { GVRS } from './gvr';
import { isTerminating, keyOf, splitKey } from './objects';

const MANAGER = 'persistentvolume-binder-controller';
const DEFAULT_STORAGE_CLASS = 'standard';
const PROVISIONER = 'pd.csi.storage.gke.io';
const RECLAIM = 'reclaim:';

interface ClaimSpec {
  accessModes?: string[];
  resources?: { requests?: { storage?: string } };
  storageClassName?: string;
  volumeName?: string;
  volumeMode?: string;
}

/** The persistent volume binder. */
export class PersistentVolumeBinder extends BaseController {
  readonly name = MANAGER;

  protected watch(): void {
    this.subscribe(GVRS.persistentvolumeclaims, (type, pvc) => {
      if (type !== 'DELETED') this.queue.add(keyOf(pvc));
      else if ((pvc.spec as ClaimSpec | undefined)?.volumeName)
        this.queue.add(`${RECLAIM}${(pvc.spec as ClaimSpec).volumeName}`);
    });
  }

  /** Deletes the volume of a deleted claim (reclaim policy Delete). */
  private reclaim(volumeName: string): void {
    const pv = this.client.fetch(GVRS.persistentvolumes, undefined, volumeName);
    const policy = (
      pv?.spec as { persistentVolumeReclaimPolicy?: string } | undefined
    )?.persistentVolumeReclaimPolicy;
    if (pv && policy === 'Delete')
      this.client.delete(GVRS.persistentvolumes, pv, MANAGER);
  }

  protected reconcile(key: string): void {
    if (key.startsWith(RECLAIM)) {
      this.reclaim(key.slice(RECLAIM.length));
      return;
    }
    const { namespace, name } = splitKey(key);
    const pvc = this.client
      .informer(GVRS.persistentvolumeclaims)
      .get(namespace, name);
    if (!pvc || isTerminating(pvc)) return;
    if ((pvc.status as { phase?: string } | undefined)?.phase === 'Bound')
      return;
    const spec = (pvc.spec ?? {}) as ClaimSpec;
    const storageClassName = spec.storageClassName ?? DEFAULT_STORAGE_CLASS;
    const volumeName = spec.volumeName || `pvc-${pvc.metadata.uid}`;
    const storage = spec.resources?.requests?.storage ?? '1Gi';
    const accessModes = spec.accessModes ?? ['ReadWriteOnce'];
    if (!this.client.fetch(GVRS.persistentvolumes, undefined, volumeName)) {
      const pv: KubeObject = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: volumeName,
          annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER },
        },
        spec: {
          accessModes,
          capacity: { storage },
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            name,
            namespace,
            uid: pvc.metadata.uid,
            resourceVersion: pvc.metadata.resourceVersion,
          },
          csi: {
            driver: PROVISIONER,
            volumeHandle: `projects/kubeyard/zones/volumes/${volumeName}`,
            fsType: 'ext4',
          },
          persistentVolumeReclaimPolicy: 'Delete',
          storageClassName,
          volumeMode: spec.volumeMode ?? 'Filesystem',
        },
      };
      const created = this.client.create(GVRS.persistentvolumes, pv, MANAGER);
      this.client.updateStatus(
        GVRS.persistentvolumes,
        { ...created, status: { phase: 'Bound' } },
        MANAGER,
      );
    }
    let current = pvc;
    if (spec.volumeName !== volumeName || spec.storageClassName === undefined) {
      current = this.client.update(
        GVRS.persistentvolumeclaims,
        {
          ...pvc,
          metadata: {
            ...pvc.metadata,
            annotations: {
              ...pvc.metadata.annotations,
              'pv.kubernetes.io/bind-completed': 'yes',
              'pv.kubernetes.io/bound-by-controller': 'yes',
              'volume.beta.kubernetes.io/storage-provisioner': PROVISIONER,
              'volume.kubernetes.io/storage-provisioner': PROVISIONER,
            },
          },
          spec: { ...spec, storageClassName, volumeName },
        },
        MANAGER,
      );
    }
    this.client.updateStatus(
      GVRS.persistentvolumeclaims,
      {
        ...current,
        status: { phase: 'Bound', accessModes, capacity: { storage } },
      },
      MANAGER,
    );
  }
}
