/*
 * What the store's built-in controllers (garbage collector, namespace lifecycle, CRD
 * registration, quota accounting) may do: read without copying and write as the system.
 */
import type { KubeObject, ResourceType } from '../types';
import type { Change, ObjectReader } from './admission/types';
import type { ObjectRef } from './objectIndex';
import type { TypeRegistry } from './typeRegistry';

/** Propagation policies of DeleteOptions. */
export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

/** Internal store access for built-in controllers. */
export interface StoreInternals extends ObjectReader {
  readonly registry: TypeRegistry;
  /** The simulated time as RFC 3339. */
  timestamp(): string;
  typeOfGroupResource(groupResource: string): ResourceType | undefined;
  dependentsOf(uid: string): ObjectRef[];
  groupResourcesIn(namespace: string): string[];
  countIn(namespace: string): number;
  /** Creates as the system (no RBAC); admission still applies. */
  createAsSystem(t: ResourceType, obj: KubeObject): KubeObject;
  /** Stores `next` over `old` as the system; `subresource: 'status'` writes status only. */
  updateAsSystem(t: ResourceType, old: KubeObject, next: KubeObject, manager: string, subresource?: 'status'): KubeObject;
  deleteAsSystem(t: ResourceType, obj: KubeObject, propagationPolicy?: PropagationPolicy): void;
  /** Removes every object of a group/resource at once (a CRD's instances), emitting DELETED events. */
  dropAll(t: ResourceType): void;
  schedule(task: () => void, key?: string): void;
}

/** A built-in controller notified of every committed change. */
export interface CommitObserver {
  onCommit(change: Change): void;
}
