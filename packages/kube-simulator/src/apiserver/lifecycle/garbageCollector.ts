/*
 * The garbage collector: dependents of a deleted owner (by ownerReferences uid) are deleted
 * in the background; Foreground deletion keeps the owner (deletionTimestamp set, finalizer
 * foregroundDeletion) until its dependents are gone; Orphan strips the references instead.
 */
import type { KubeObject, OwnerReference } from '../../types';
import type { Change } from '../admission/types';
import type { CommitObserver, StoreInternals } from '../storeInternals';

/** The finalizer of Foreground deletion. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
/** The finalizer of Orphan deletion. */
export const ORPHAN_FINALIZER = 'orphan';

/** Garbage collection driven by committed changes. */
export class GarbageCollector implements CommitObserver {
  constructor(private readonly store: StoreInternals) {}

  onCommit(change: Change): void {
    const meta = change.object.metadata;
    if (change.type === 'DELETED') {
      const uid = meta.uid!;
      if (this.store.dependentsOf(uid).length) this.store.schedule(() => this.collectDependents(uid), `gc:${uid}`);
      for (const ref of meta.ownerReferences ?? []) {
        this.store.schedule(() => this.finishForeground(ref, meta.namespace), `fg:${ref.uid}`);
      }
      return;
    }
    if (change.type === 'MODIFIED' && meta.deletionTimestamp && !change.previous?.metadata.deletionTimestamp) {
      const finalizers = meta.finalizers ?? [];
      if (finalizers.includes(FOREGROUND_FINALIZER)) this.store.schedule(() => this.deleteDependentsForeground(change.object), `fgd:${meta.uid}`);
      if (finalizers.includes(ORPHAN_FINALIZER)) this.store.schedule(() => this.orphanDependents(change.object), `orphan:${meta.uid}`);
    }
  }

  /** Finds an owner by reference; undefined when it no longer exists (or is another uid). */
  private findOwner(ref: OwnerReference, namespace: string | undefined): KubeObject | undefined {
    const t = this.store.registry.typeForKind(ref.apiVersion, ref.kind);
    if (!t) return undefined;
    const owner = this.store.peek(`${t.group}/${t.resource}`, t.namespaced ? namespace : undefined, ref.name);
    return owner?.metadata.uid === ref.uid ? owner : undefined;
  }

  private collectDependents(uid: string): void {
    for (const ref of this.store.dependentsOf(uid)) {
      const t = this.store.typeOfGroupResource(ref.groupResource);
      const dependent = this.store.peek(ref.groupResource, ref.namespace || undefined, ref.name);
      if (!t || !dependent || dependent.metadata.deletionTimestamp) continue;
      const refs = dependent.metadata.ownerReferences ?? [];
      const remaining = refs.filter(r => r.uid !== uid && this.findOwner(r, dependent.metadata.namespace));
      if (remaining.length > 0) {
        const next = { ...dependent, metadata: { ...dependent.metadata, ownerReferences: remaining } };
        this.store.updateAsSystem(t, dependent, next, 'kube-controller-manager');
      } else {
        this.store.deleteAsSystem(t, dependent, 'Background');
      }
    }
  }

  private deleteDependentsForeground(owner: KubeObject): void {
    for (const ref of this.store.dependentsOf(owner.metadata.uid!)) {
      const t = this.store.typeOfGroupResource(ref.groupResource);
      const dependent = this.store.peek(ref.groupResource, ref.namespace || undefined, ref.name);
      if (t && dependent && !dependent.metadata.deletionTimestamp) this.store.deleteAsSystem(t, dependent, 'Foreground');
    }
    this.finishForeground({ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid! }, owner.metadata.namespace);
  }

  /** Removes the foregroundDeletion finalizer once no dependent is left. */
  private finishForeground(ref: OwnerReference, namespace: string | undefined): void {
    const owner = this.findOwner(ref, namespace);
    if (!owner?.metadata.deletionTimestamp || !(owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) return;
    if (this.store.dependentsOf(ref.uid).length > 0) return;
    this.removeFinalizer(owner, FOREGROUND_FINALIZER);
  }

  private orphanDependents(owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    for (const ref of this.store.dependentsOf(uid)) {
      const t = this.store.typeOfGroupResource(ref.groupResource);
      const dependent = this.store.peek(ref.groupResource, ref.namespace || undefined, ref.name);
      if (!t || !dependent) continue;
      const remaining = (dependent.metadata.ownerReferences ?? []).filter(r => r.uid !== uid);
      const next = { ...dependent, metadata: { ...dependent.metadata, ownerReferences: remaining.length ? remaining : undefined } };
      this.store.updateAsSystem(t, dependent, next, 'kube-controller-manager');
    }
    this.removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  private removeFinalizer(owner: KubeObject, finalizer: string): void {
    const t = this.store.registry.typeForKind(owner.apiVersion, owner.kind);
    const current = t && this.store.peek(`${t.group}/${t.resource}`, owner.metadata.namespace, owner.metadata.name!);
    if (!t || !current) return;
    const finalizers = (current.metadata.finalizers ?? []).filter(f => f !== finalizer);
    const next = { ...current, metadata: { ...current.metadata, finalizers: finalizers.length ? finalizers : undefined } };
    this.store.updateAsSystem(t, current, next, 'kube-controller-manager');
  }
}
