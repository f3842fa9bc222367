/*
 * The `<ns>-restored` namespace of a restore drill. Kubeyard creates it before the Restore
 * (Velero leaves an existing namespace as it is and puts no label of its own on one it creates
 * for a namespaceMapping), labelled with the drill's Restore: creating it is the drill's lock,
 * and those labels are the only thing that lets Kubeyard delete it later.
 */
import { ConflictError } from '@backstage/errors';
import {
  BACKUP_TIER_LABEL,
  KUBEYARD_LABELS,
  KUBEYARD_MANAGER,
  NAMESPACE_NAME_LABEL,
  RESTORE_DRILL_NAMESPACE_LABEL,
  RESTORE_DRILL_RESTORE_LABEL,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { KubeObject } from '../fleet';
import { describeKubeError, httpStatusOf, type TenantClusterClient } from '../tenants';

/**
 * Source labels the copy does not get: the API server's own, and those that make a namespace
 * count as the tenant's production (tenant, environment, backup tier, vcluster host). The owner
 * and cost center stay: the team owns and pays for its drill.
 */
const NOT_COPIED = [NAMESPACE_NAME_LABEL, KUBEYARD_LABELS.tenant, KUBEYARD_LABELS.environment, BACKUP_TIER_LABEL, 'vcluster'];

const namespaceRef = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** The `<ns>-restored` namespace of a drill of `source` by Restore `restoreName`. */
export function drillNamespaceManifest(source: KubeObject, restoreName: string): KubeObject {
  const namespace = source.metadata?.name ?? '';
  const labels = Object.fromEntries(Object.entries(source.metadata?.labels ?? {}).filter(([key]) => !NOT_COPIED.includes(key)));
  return {
    ...namespaceRef(`${namespace}-restored`),
    metadata: {
      name: `${namespace}-restored`,
      labels: {
        ...labels,
        [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER,
        [RESTORE_DRILL_NAMESPACE_LABEL]: namespace,
        [RESTORE_DRILL_RESTORE_LABEL]: restoreName,
      },
    },
  };
}

/** Whether a namespace is a drill copy (of any namespace, by any drill). */
export function isDrillNamespace(namespace: KubeObject): boolean {
  const labels = namespace.metadata?.labels ?? {};
  return Boolean(labels[RESTORE_DRILL_NAMESPACE_LABEL] || labels[RESTORE_DRILL_RESTORE_LABEL]);
}

/** Whether a namespace is the copy that drill `restoreName` of `drilled` made. */
export function isDrillNamespaceOf(namespace: KubeObject, drilled: string, restoreName: string): boolean {
  const labels = namespace.metadata?.labels ?? {};
  return (
    namespace.metadata?.name === `${drilled}-restored` &&
    labels[RESTORE_DRILL_NAMESPACE_LABEL] === drilled &&
    labels[RESTORE_DRILL_RESTORE_LABEL] === restoreName
  );
}

/** Why `<ns>-restored` cannot be created: what is there, and what to do. */
async function occupied(client: TenantClusterClient, drilled: string): Promise<ConflictError> {
  const target = `${drilled}-restored`;
  const existing = await client.get(namespaceRef(target)).catch(() => undefined);
  const labels = existing?.metadata?.labels ?? {};
  if (existing && labels[RESTORE_DRILL_NAMESPACE_LABEL] === drilled) {
    const by = labels[RESTORE_DRILL_RESTORE_LABEL] ? ` (namespace ${target}, from Restore ${labels[RESTORE_DRILL_RESTORE_LABEL]})` : ` (namespace ${target})`;
    const state = (existing.metadata as { deletionTimestamp?: string }).deletionTimestamp ? '; it is being deleted' : '';
    return new ConflictError(`a drill of ${drilled} is running or its copy was kept${by}${state}; delete it or wait`);
  }
  if (existing) {
    return new ConflictError(
      `namespace ${target} exists and was not made by a Kubeyard restore drill; Kubeyard never deletes it: rename or delete it yourself before drilling ${drilled}`,
    );
  }
  return new ConflictError(`namespace ${target} already exists; delete it or wait`);
}

/** Creates the drill's namespace; ConflictError when `<ns>-restored` exists (the lock is taken). */
export async function createDrillNamespace(client: TenantClusterClient, source: KubeObject, restoreName: string): Promise<KubeObject> {
  try {
    return await client.create(drillNamespaceManifest(source, restoreName));
  } catch (error) {
    if (httpStatusOf(error) === 409) throw await occupied(client, source.metadata?.name ?? '');
    throw error;
  }
}

/**
 * Deletes `<drilled>-restored` when drill `restoreName` made it, that very object (uid
 * precondition); says what happened. Any other namespace of that name is never touched.
 */
export async function removeDrillNamespace(client: TenantClusterClient, drilled: string, restoreName: string): Promise<string> {
  const name = `${drilled}-restored`;
  try {
    const namespace = await client.get(namespaceRef(name));
    if (!namespace) return 'deleted';
    if (!isDrillNamespaceOf(namespace, drilled, restoreName)) return `not deleted: namespace ${name} was not created for this drill`;
    await client.delete(namespaceRef(name), undefined, { uid: namespace.metadata?.uid });
    return 'deleted';
  } catch (error) {
    if (httpStatusOf(error) === 409) return `not deleted: namespace ${name} changed while it was being deleted`;
    return `not deleted: ${describeKubeError(error)}`;
  }
}
