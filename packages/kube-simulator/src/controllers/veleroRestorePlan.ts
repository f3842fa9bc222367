/*
 * Which objects a Velero Restore recreates from a backup's contents, in what order, and how
 * they are changed on the way in (namespace mapping, restore labels, cluster-assigned fields
 * cleared), following velero's restore item actions. Resources are matched by
 * includedResources/excludedResources as velero does: plural resource name, `resource.group`
 * or `*`; namespaces are always restored (a namespace-scoped item needs its namespace).
 */
import type { GVR, KubeObject } from '../types';
import type { BackupContents, BackupItem } from './veleroBackupContents';
import { namespaceInScope } from './veleroBackupContents';
import {
  type LabelSelectorObject,
  matchesLabelSelector,
} from '../apiserver/labelSelector';
import { clone } from './objects';

/** velero.io/v1 RestoreSpec fields the simulator reads. */
export interface RestoreSpec {
  backupName?: string;
  scheduleName?: string;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  includedResources?: string[];
  excludedResources?: string[];
  namespaceMapping?: Record<string, string>;
  labelSelector?: LabelSelectorObject | null;
  orLabelSelectors?: LabelSelectorObject[] | null;
  preserveNodePorts?: boolean;
}

/** One object to create. */
export interface RestoreItem {
  gvr: GVR;
  object: KubeObject;
}

// velero's default restore priorities; everything else goes in between, alphabetically.
const HIGH_PRIORITY = [
  'namespaces',
  'persistentvolumeclaims',
  'serviceaccounts',
  'secrets',
  'configmaps',
  'limitranges',
  'pods',
  'replicasets.apps',
  'endpoints',
  'services',
];

function qualified(gvr: GVR): string {
  return gvr.group ? `${gvr.resource}.${gvr.group}` : gvr.resource;
}

function priority(gvr: GVR): [number, string] {
  const index = HIGH_PRIORITY.indexOf(qualified(gvr));
  return [index >= 0 ? index : HIGH_PRIORITY.length, qualified(gvr)];
}

function resourceListed(gvr: GVR, list: string[] | undefined): boolean {
  return (list ?? []).some(
    entry =>
      entry === '*' || entry === gvr.resource || entry === qualified(gvr),
  );
}

function transform(
  item: BackupItem,
  spec: RestoreSpec,
  labels: Record<string, string>,
): KubeObject {
  const obj = clone(item.object);
  const mapping = spec.namespaceMapping ?? {};
  if (item.gvr.resource === 'namespaces' && !item.gvr.group) {
    // velero's getNamespace: the (mapped) name with the backed-up namespace's labels and
    // annotations only; no velero.io/restore-name label on a namespace.
    const target = mapping[obj.metadata.name!] ?? obj.metadata.name!;
    const nsLabels = { ...obj.metadata.labels };
    if (nsLabels['kubernetes.io/metadata.name'])
      nsLabels['kubernetes.io/metadata.name'] = target;
    return {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: {
        name: target,
        labels: nsLabels,
        ...(obj.metadata.annotations
          ? { annotations: obj.metadata.annotations }
          : {}),
      },
      ...(obj.spec ? { spec: obj.spec } : {}),
    };
  }
  obj.metadata.labels = { ...obj.metadata.labels, ...labels };
  obj.metadata.namespace =
    mapping[obj.metadata.namespace!] ?? obj.metadata.namespace;
  const spec_ = obj.spec as Record<string, any> | undefined;
  if (item.gvr.resource === 'services' && !item.gvr.group && spec_) {
    if (spec_.clusterIP !== 'None') {
      delete spec_.clusterIP;
      delete spec_.clusterIPs;
    }
    if (!spec.preserveNodePorts)
      for (const port of spec_.ports ?? []) delete port.nodePort;
  }
  if (
    item.gvr.resource === 'persistentvolumeclaims' &&
    !item.gvr.group &&
    spec_
  ) {
    delete spec_.volumeName;
    for (const key of Object.keys(obj.metadata.annotations ?? {})) {
      if (
        key.startsWith('pv.kubernetes.io/') ||
        key.includes('storage-provisioner')
      )
        delete obj.metadata.annotations![key];
    }
  }
  if (item.gvr.resource === 'deployments')
    delete obj.metadata.annotations?.['deployment.kubernetes.io/revision'];
  return obj;
}

/** The objects a restore creates, in velero's order. */
export function planRestore(
  contents: BackupContents,
  spec: RestoreSpec,
  backupName: string,
  restoreName: string,
): RestoreItem[] {
  const labels = {
    'velero.io/backup-name': backupName,
    'velero.io/restore-name': restoreName,
  };
  const selected = contents.items.filter(item => {
    const namespace =
      item.gvr.resource === 'namespaces' && !item.gvr.group
        ? item.object.metadata.name!
        : item.object.metadata.namespace!;
    if (
      !namespaceInScope(
        namespace,
        spec.includedNamespaces,
        spec.excludedNamespaces,
      )
    )
      return false;
    if (
      spec.includedResources?.length &&
      !resourceListed(item.gvr, spec.includedResources) &&
      item.gvr.resource !== 'namespaces'
    )
      return false;
    if (resourceListed(item.gvr, spec.excludedResources)) return false;
    if (item.gvr.resource === 'namespaces') return true;
    if (spec.labelSelector)
      return matchesLabelSelector(
        spec.labelSelector,
        item.object.metadata.labels,
      );
    if (spec.orLabelSelectors?.length)
      return spec.orLabelSelectors.some(s =>
        matchesLabelSelector(s, item.object.metadata.labels),
      );
    return true;
  });
  return selected
    .map(item => ({ gvr: item.gvr, object: transform(item, spec, labels) }))
    .sort((a, b) => {
      const [pa, na] = priority(a.gvr);
      const [pb, nb] = priority(b.gvr);
      return (
        pa - pb ||
        na.localeCompare(nb) ||
        (a.object.metadata.name ?? '').localeCompare(
          b.object.metadata.name ?? '',
        )
      );
    });
}
