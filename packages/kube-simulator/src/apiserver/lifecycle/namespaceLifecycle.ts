/*
 * Namespace lifecycle: creation fills each namespace with its `default` ServiceAccount and
 * `kube-root-ca.crt` ConfigMap; creates into missing or Terminating namespaces are refused;
 * deletion marks the namespace Terminating, removes its contents in the background and
 * removes the namespace once they are gone (spec.finalizers `kubernetes`).
 */
import type { KubeObject, ResourceType } from '../../types';
import type { Change } from '../admission/types';
import { forbidden, notFound } from '../errors';
import type { CommitObserver, StoreInternals } from '../storeInternals';

type Json = Record<string, any>;

const NAMESPACES = '/namespaces';
/** The namespace finalizer the namespace controller removes after purging contents. */
export const KUBERNETES_FINALIZER = 'kubernetes';

const FAKE_CA = '-----BEGIN CERTIFICATE-----\nMIIBkubesimulatorfakeca\n-----END CERTIFICATE-----\n';

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, lastTransitionTime: now, reason, message };
}

/** Namespace admission and termination. */
export class NamespaceLifecycle implements CommitObserver {
  constructor(private readonly store: StoreInternals) {}

  /** Refuses creates into a missing or Terminating namespace (NamespaceLifecycle admission). */
  checkCreate(t: ResourceType, namespace: string, name: string | undefined): void {
    const ns = this.store.peek(NAMESPACES, undefined, namespace);
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
    if (ns.metadata.deletionTimestamp || (ns.status as Json)?.phase === 'Terminating') {
      const message = `unable to create new content in namespace ${namespace} because it is being terminated`;
      throw forbidden(t, name, message, [{ reason: 'NamespaceTerminating', message, field: 'metadata.namespace' }]);
    }
  }

  /** The namespace as it looks once deletion starts. */
  beginTermination(ns: KubeObject): KubeObject {
    const now = this.store.timestamp();
    return {
      ...ns,
      metadata: { ...ns.metadata, deletionTimestamp: now },
      spec: { ...(ns.spec as Json), finalizers: (ns.spec as Json)?.finalizers ?? [KUBERNETES_FINALIZER] },
      status: { ...(ns.status as Json), phase: 'Terminating' },
    };
  }

  /** Whether a terminating namespace may disappear (both finalizer lists empty). */
  static canFinalize(obj: KubeObject): boolean {
    return ((obj.spec as Json)?.finalizers ?? []).length === 0 && (obj.metadata.finalizers ?? []).length === 0;
  }

  onCommit(change: Change): void {
    const t = change.resourceType;
    const isNamespace = t.group === '' && t.resource === 'namespaces';
    if (isNamespace && change.type === 'ADDED') this.populate(change.object);
    if (isNamespace && change.type === 'MODIFIED' && change.object.metadata.deletionTimestamp) {
      const name = change.object.metadata.name!;
      this.store.schedule(() => this.purge(name), `ns:${name}`);
    }
    const namespace = change.object.metadata.namespace;
    if (!isNamespace && change.type === 'DELETED' && namespace) {
      const ns = this.store.peek(NAMESPACES, undefined, namespace);
      if (ns?.metadata.deletionTimestamp) this.store.schedule(() => this.purge(namespace), `ns:${namespace}`);
    }
  }

  private populate(ns: KubeObject): void {
    const namespace = ns.metadata.name!;
    const sa = this.store.typeOfGroupResource('/serviceaccounts')!;
    const cm = this.store.typeOfGroupResource('/configmaps')!;
    if (!this.store.peek('/serviceaccounts', namespace, 'default')) {
      this.store.createAsSystem(sa, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    }
    if (!this.store.peek('/configmaps', namespace, 'kube-root-ca.crt')) {
      this.store.createAsSystem(cm, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': FAKE_CA },
      });
    }
  }

  /** Deletes what is left in a terminating namespace; finalizes it once empty. */
  private purge(namespace: string): void {
    const ns = this.store.peek(NAMESPACES, undefined, namespace);
    if (!ns?.metadata.deletionTimestamp) return;
    for (const gr of this.store.groupResourcesIn(namespace)) {
      const t = this.store.typeOfGroupResource(gr);
      if (!t) continue;
      for (const obj of [...this.store.scan(gr, namespace)]) {
        if (!obj.metadata.deletionTimestamp) this.store.deleteAsSystem(t, obj, 'Background');
      }
    }
    const remaining = this.store.countIn(namespace);
    const nsType = this.store.typeOfGroupResource(NAMESPACES)!;
    const current = this.store.peek(NAMESPACES, undefined, namespace)!;
    const now = this.store.timestamp();
    if (remaining > 0) {
      const conditions = [
        condition('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${remaining} objects`, now),
        condition('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', 'Some content in the namespace has finalizers remaining', now),
      ];
      const status = { ...(current.status as Json), conditions };
      if (JSON.stringify((current.status as Json)?.conditions?.map((c: Json) => c.message)) !== JSON.stringify(conditions.map(c => c.message))) {
        this.store.updateAsSystem(nsType, current, { ...current, status }, 'kube-controller-manager', 'status');
      }
      return;
    }
    const finalizers = ((current.spec as Json)?.finalizers ?? []).filter((f: string) => f !== KUBERNETES_FINALIZER);
    this.store.updateAsSystem(nsType, current, { ...current, spec: { ...(current.spec as Json), finalizers } }, 'kube-controller-manager');
  }
}
