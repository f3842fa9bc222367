/*
 * The CRD-installed types every simulated cluster comes with: Velero, KubeFed and Karmada, as
 * if their operators were installed. Each cluster gets real CustomResourceDefinition objects
 * built from this table, so `kubectl get crd` lists them and deleting one stops serving it,
 * exactly like a CRD created by a user.
 */
import type { KubeObject } from '../types';

interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
}

/** One pre-installed custom resource type. */
export interface CustomResourceEntry {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  printerColumns?: PrinterColumn[];
}

const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const phase: PrinterColumn = { name: 'Status', type: 'string', jsonPath: '.status.phase' };
/** The status of one condition type, as upstream CRDs print it. */
const condition = (type: string): PrinterColumn => ({ name: type, type: 'string', jsonPath: `.status.conditions[?(@.type=='${type}')].status` });

/** Velero, KubeFed and Karmada types, at the versions upstream serves. */
export const CUSTOM_RESOURCE_TABLE: CustomResourceEntry[] = [
  // velero.io/v1
  {
    group: 'velero.io', version: 'v1', plural: 'backups', kind: 'Backup', namespaced: true, categories: ['velero'], status: true,
    printerColumns: [phase, age],
  },
  {
    group: 'velero.io', version: 'v1', plural: 'schedules', kind: 'Schedule', namespaced: true, categories: ['velero'], status: true,
    printerColumns: [
      phase,
      { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
      { name: 'LastBackup', type: 'date', jsonPath: '.status.lastBackup' },
      age,
    ],
  },
  {
    group: 'velero.io', version: 'v1', plural: 'restores', kind: 'Restore', namespaced: true, categories: ['velero'], status: true,
    printerColumns: [phase, age],
  },
  {
    group: 'velero.io', version: 'v1', plural: 'backupstoragelocations', kind: 'BackupStorageLocation', namespaced: true,
    shortNames: ['bsl'], categories: ['velero'], status: true,
    printerColumns: [
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'Last Validated', type: 'date', jsonPath: '.status.lastValidationTime' },
      age,
      { name: 'Default', type: 'boolean', jsonPath: '.spec.default' },
    ],
  },
  {
    group: 'velero.io', version: 'v1', plural: 'volumesnapshotlocations', kind: 'VolumeSnapshotLocation', namespaced: true,
    shortNames: ['vsl'], categories: ['velero'], status: true,
  },
  // KubeFed
  {
    group: 'core.kubefed.io', version: 'v1beta1', plural: 'kubefedclusters', kind: 'KubeFedCluster', namespaced: true, status: true,
    printerColumns: [age, condition('Ready')],
  },
  { group: 'types.kubefed.io', version: 'v1beta1', plural: 'federateddeployments', kind: 'FederatedDeployment', namespaced: true, status: true },
  {
    group: 'scheduling.kubefed.io', version: 'v1alpha1', plural: 'replicaschedulingpreferences', kind: 'ReplicaSchedulingPreference',
    namespaced: true, shortNames: ['rsp'], status: true,
  },
  // Karmada
  {
    group: 'policy.karmada.io', version: 'v1alpha1', plural: 'propagationpolicies', kind: 'PropagationPolicy', namespaced: true,
    shortNames: ['pp'], status: false,
  },
  {
    group: 'work.karmada.io', version: 'v1alpha2', plural: 'resourcebindings', kind: 'ResourceBinding', namespaced: true,
    shortNames: ['rb'], status: true,
    printerColumns: [condition('Scheduled'), condition('FullyApplied'), age],
  },
  {
    group: 'cluster.karmada.io', version: 'v1alpha1', plural: 'clusters', kind: 'Cluster', namespaced: false, status: true,
    printerColumns: [
      { name: 'Version', type: 'string', jsonPath: '.status.kubernetesVersion' },
      { name: 'Mode', type: 'string', jsonPath: '.spec.syncMode' },
      condition('Ready'),
      age,
    ],
  },
];

/** A CustomResourceDefinition object for one entry, with these metadata labels. */
export function customResourceDefinitionFor(entry: CustomResourceEntry, labels?: Record<string, string>): KubeObject {
  const names: Record<string, unknown> = {
    plural: entry.plural,
    singular: entry.kind.toLowerCase(),
    kind: entry.kind,
    listKind: `${entry.kind}List`,
  };
  if (entry.shortNames) names.shortNames = entry.shortNames;
  if (entry.categories) names.categories = entry.categories;
  const version: Record<string, unknown> = {
    name: entry.version,
    served: true,
    storage: true,
    schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  };
  if (entry.status) version.subresources = { status: {} };
  if (entry.printerColumns) version.additionalPrinterColumns = entry.printerColumns;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${entry.plural}.${entry.group}`, ...(labels ? { labels } : {}) },
    spec: {
      group: entry.group,
      names,
      scope: entry.namespaced ? 'Namespaced' : 'Cluster',
      versions: [version],
    },
  };
}

/** CRD objects for the whole table, installed in every cluster at start. */
export function preinstalledCustomResourceDefinitions(): KubeObject[] {
  return CUSTOM_RESOURCE_TABLE.map(entry =>
    customResourceDefinitionFor(entry, { 'app.kubernetes.io/part-of': entry.group.split('.').slice(-2).join('.') }),
  );
}
