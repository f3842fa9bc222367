/*
 * The apiextensions controllers: a created CRD is served at once and marked Established; a
 * deleted CRD (finalizer customresourcecleanup) has its instances removed, then stops being
 * served when the CRD object goes away.
 */
import type { KubeObject } from '../../types';
import type { Change } from '../admission/types';
import { establishedStatus } from '../customResourceDefinitions';
import type { CommitObserver, StoreInternals } from '../storeInternals';

/** The finalizer the apiextensions server puts on every CRD. */
export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

type Json = Record<string, any>;

/** Keeps the type registry in step with CRD objects. */
export class CrdController implements CommitObserver {
  constructor(private readonly store: StoreInternals) {}

  onCommit(change: Change): void {
    const t = change.resourceType;
    if (t.group !== 'apiextensions.k8s.io' || t.resource !== 'customresourcedefinitions') return;
    const crd = change.object;
    if (change.type === 'DELETED') {
      this.store.registry.unregisterDefinition(crd.metadata.name!);
      return;
    }
    this.store.registry.registerDefinition(crd);
    if (crd.metadata.deletionTimestamp) {
      this.store.schedule(() => this.cleanup(crd.metadata.name!), `crd:${crd.metadata.name}`);
      return;
    }
    const conditions = ((crd.status as Json)?.conditions ?? []) as Json[];
    const established = conditions.some(c => c.type === 'Established' && c.status === 'True');
    const specChanged = change.type === 'MODIFIED' && JSON.stringify(change.previous?.spec) !== JSON.stringify(crd.spec);
    if (!established || specChanged) {
      const status = establishedStatus(crd, this.store.timestamp());
      this.store.updateAsSystem(t, crd, { ...crd, status }, 'kube-apiserver', 'status');
    }
  }

  private cleanup(name: string): void {
    const crdType = this.store.typeOfGroupResource('apiextensions.k8s.io/customresourcedefinitions')!;
    const crd = this.store.peek('apiextensions.k8s.io/customresourcedefinitions', undefined, name);
    if (!crd?.metadata.deletionTimestamp) return;
    const spec = crd.spec as Json;
    const served = this.store.typeOfGroupResource(`${spec.group}/${spec.names?.plural}`);
    if (served && this.store.registry.isCustom(served.group, served.resource)) this.store.dropAll(served);
    const finalizers = (crd.metadata.finalizers ?? []).filter(f => f !== CRD_CLEANUP_FINALIZER);
    const next: KubeObject = { ...crd, metadata: { ...crd.metadata, finalizers: finalizers.length ? finalizers : undefined } };
    this.store.updateAsSystem(crdType, crd, next, 'kube-apiserver');
  }
}
