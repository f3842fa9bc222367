import { tryParseQuantity } from '@kubeyard/backstage-plugin-kubeyard-common';
import { FLEET_TYPES, type KubeObject, type WatchedType } from '../fleet';

/** A PersistentVolumeClaim as the cost model reads it. */
export interface PersistentVolumeClaimInfo {
  namespace: string;
  name: string;
  phase: string;
  /** What the claim is charged for: its bound capacity, else its request (bytes). */
  bytes: number;
}

/** Projects a PersistentVolumeClaim to its phase and size. */
export function projectPersistentVolumeClaim(obj: KubeObject): PersistentVolumeClaimInfo {
  // A bound volume may be larger than asked for (storage classes round up): the capacity is
  // what is paid for.
  const size = tryParseQuantity(obj.status?.capacity?.storage) ?? tryParseQuantity(obj.spec?.resources?.requests?.storage) ?? 0;
  return {
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
    phase: obj.status?.phase ?? 'Pending',
    bytes: size,
  };
}

/** The types the cost model reads besides the fleet's pods and nodes. */
export const COST_TYPES: WatchedType[] = [
  {
    key: 'persistentvolumeclaims',
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    project: projectPersistentVolumeClaim,
  },
];

/** Every type the built-in model reads: an index of these alone is enough to collect costs. */
export const COST_MODEL_TYPES: WatchedType[] = [
  ...FLEET_TYPES.filter(type => ['nodes', 'namespaces', 'pods'].includes(type.key)),
  ...COST_TYPES,
];
