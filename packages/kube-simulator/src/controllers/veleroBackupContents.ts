/*
 * What a Velero Backup contains. Object storage is simulated by an in-memory snapshot per
 * Backup (keyed by uid), taken when the backup completes, holding the restorable objects it
 * covers; restores read it back. Selection follows BackupSpec: namespaces (with globs),
 * resources, label selectors, cluster-scoped resources.
 */
import type { ClusterStore, GVR, KubeObject, ResourceType } from '../types';
import type { BackupSpec } from './backupPhase';
import { BaseController } from './baseController';
import type { ClusterClient } from './clusterClient';
import {
  type LabelSelectorObject,
  matchesLabelSelector,
} from '../apiserver/labelSelector';
import { clone, controllerOf } from './objects';

/** One object held by a backup. */
export interface BackupItem {
  gvr: GVR;
  namespaced: boolean;
  object: KubeObject;
}

/** The contents of one backup. */
export interface BackupContents {
  /** Objects a restore can recreate (without status, uids, owners). */
  items: BackupItem[];
  /** Every object the backup covered, as Velero's progress.totalItems counts them. */
  totalItems: number;
  /** PersistentVolumeClaims covered (volume snapshots attempted). */
  volumes: number;
}

/** Snapshots of completed backups, by Backup uid. */
export class BackupContentsStore {
  private readonly byUid = new Map<string, BackupContents>();

  get(uid: string): BackupContents | undefined {
    return this.byUid.get(uid);
  }

  set(uid: string, contents: BackupContents): void {
    this.byUid.set(uid, contents);
  }

  delete(uid: string): void {
    this.byUid.delete(uid);
  }
}

/** A Velero controller that records or reads the contents of backups. */
export abstract class BackupContentsController extends BaseController {
  constructor(
    client: ClusterClient,
    protected readonly contents: BackupContentsStore,
  ) {
    super(client);
  }
}

// Never backed up: noisy or derived (events), computed (metrics, reviews), or Velero's own.
const SKIPPED_GROUPS = new Set([
  'metrics.k8s.io',
  'authorization.k8s.io',
  'authentication.k8s.io',
  'events.k8s.io',
]);
const SKIPPED_RESOURCES = new Set([
  'events',
  'backups.velero.io',
  'restores.velero.io',
  'deletebackuprequests.velero.io',
]);

/** Whether a name matches a Velero namespace pattern ("*", "payments-*"). */
export function matchesPattern(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === name;
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return regex.test(name);
}

/** Whether a namespace is in scope of included/excluded lists (empty include = all). */
export function namespaceInScope(
  namespace: string,
  included?: string[],
  excluded?: string[],
): boolean {
  const includes = included?.length ? included : ['*'];
  return (
    includes.some(p => matchesPattern(p, namespace)) &&
    !(excluded ?? []).some(p => matchesPattern(p, namespace))
  );
}

function resourceNames(type: ResourceType): string[] {
  const qualified = type.group
    ? `${type.resource}.${type.group}`
    : type.resource;
  return [
    type.resource,
    qualified,
    type.kind.toLowerCase(),
    type.singular,
    ...(type.shortNames ?? []),
  ];
}

/** Whether a resource type is in scope of included/excluded resource lists (empty include = all). */
export function resourceInScope(
  type: ResourceType,
  included?: string[],
  excluded?: string[],
): boolean {
  const names = resourceNames(type);
  const inList = (list: string[]) =>
    list.some(entry => entry === '*' || names.includes(entry.toLowerCase()));
  return (
    (included?.length ? inList(included) : true) && !inList(excluded ?? [])
  );
}

function matchesLabels(
  spec: { labelSelector?: unknown; orLabelSelectors?: unknown[] | null },
  obj: KubeObject,
): boolean {
  if (spec.labelSelector)
    return matchesLabelSelector(
      spec.labelSelector as LabelSelectorObject,
      obj.metadata.labels,
    );
  if (spec.orLabelSelectors?.length) {
    return spec.orLabelSelectors.some(s =>
      matchesLabelSelector(s as LabelSelectorObject, obj.metadata.labels),
    );
  }
  return true;
}

/** Objects the controllers recreate by themselves, or that belong to one cluster only. */
export function isRestorable(type: ResourceType, obj: KubeObject): boolean {
  if (controllerOf(obj)) return false; // pods of ReplicaSets, ReplicaSets of Deployments, Jobs of CronJobs
  if (type.resource === 'endpoints' || type.resource === 'persistentvolumes')
    return false;
  if (type.resource === 'serviceaccounts' && obj.metadata.name === 'default')
    return false;
  if (
    type.resource === 'configmaps' &&
    obj.metadata.name === 'kube-root-ca.crt'
  )
    return false;
  if (
    type.resource === 'secrets' &&
    (obj as { type?: string }).type === 'kubernetes.io/service-account-token'
  )
    return false;
  return true;
}

/** The object without what the cluster assigned (uid, resourceVersion, status…), as Velero stores it for restore. */
export function stripForBackup(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  delete (copy as Record<string, unknown>).status;
  const { name, namespace, labels, annotations } = copy.metadata;
  copy.metadata = { name, namespace };
  if (labels) copy.metadata.labels = labels;
  if (annotations) copy.metadata.annotations = annotations;
  return copy;
}

/** Collects what a backup with this spec covers in the cluster now. */
export function collectBackupContents(
  store: ClusterStore,
  spec: BackupSpec,
): BackupContents {
  const items: BackupItem[] = [];
  let totalItems = 0;
  let volumes = 0;
  const namespaces = new Set<string>();
  const claimedVolumes = new Set<string>();
  for (const type of store.types()) {
    if (!type.verbs.includes('list') || SKIPPED_GROUPS.has(type.group))
      continue;
    const qualified = type.group
      ? `${type.resource}.${type.group}`
      : type.resource;
    if (SKIPPED_RESOURCES.has(type.resource) && !type.group) continue;
    if (SKIPPED_RESOURCES.has(qualified)) continue;
    if (!type.namespaced) continue;
    if (!resourceInScope(type, spec.includedResources, spec.excludedResources))
      continue;
    const gvr = {
      group: type.group,
      version: type.version,
      resource: type.resource,
    };
    for (const obj of store.list(gvr, undefined).items) {
      const namespace = obj.metadata.namespace!;
      if (
        !namespaceInScope(
          namespace,
          spec.includedNamespaces,
          spec.excludedNamespaces,
        )
      )
        continue;
      if (!matchesLabels(spec, obj)) continue;
      totalItems++;
      namespaces.add(namespace);
      if (type.resource === 'persistentvolumeclaims' && !type.group) {
        volumes++;
        const volumeName = (obj.spec as { volumeName?: string } | undefined)
          ?.volumeName;
        if (volumeName) claimedVolumes.add(volumeName);
      }
      if (isRestorable(type, obj))
        items.push({ gvr, namespaced: true, object: stripForBackup(obj) });
    }
  }
  // The namespaces themselves (Velero backs up the Namespace of every included item), and the
  // volumes of included claims when cluster resources are not excluded.
  const namespaceType = store.typeFor({
    group: '',
    version: 'v1',
    resource: 'namespaces',
  });
  for (const name of [...namespaces].sort()) {
    const ns = safeGet(
      store,
      { group: '', version: 'v1', resource: 'namespaces' },
      undefined,
      name,
    );
    if (!ns || !namespaceType) continue;
    totalItems++;
    items.unshift({
      gvr: { group: '', version: 'v1', resource: 'namespaces' },
      namespaced: false,
      object: stripForBackup(ns),
    });
  }
  if (spec.includeClusterResources !== false) totalItems += claimedVolumes.size;
  return { items, totalItems, volumes };
}

function safeGet(
  store: ClusterStore,
  gvr: GVR,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  try {
    return store.get(gvr, namespace, name);
  } catch {
    return undefined;
  }
}
