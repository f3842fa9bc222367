/*
 * CustomResourceDefinitions of the projects the demo uses (Velero, KubeFed, Karmada), compact:
 * names, scope and versions as upstream publishes them, with an open schema.
 */
import { CUSTOM_RESOURCE_TABLE } from '../apiserver/customResourceTable';
import type { KubeObject } from '../types';

interface CrdDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  scale?: boolean;
  columns?: Array<{ name: string; type: string; jsonPath: string }>;
}

const age = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
};

const BUNDLES: Record<string, CrdDef[]> = {
  velero: [
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'Backup',
      plural: 'backups',
      scope: 'Namespaced',
      categories: ['velero'],
      columns: [
        { name: 'Status', type: 'string', jsonPath: '.status.phase' },
        { name: 'Errors', type: 'integer', jsonPath: '.status.errors' },
        { name: 'Warnings', type: 'integer', jsonPath: '.status.warnings' },
        { name: 'Created', type: 'date', jsonPath: '.status.startTimestamp' },
        { name: 'Expires', type: 'date', jsonPath: '.status.expiration' },
        {
          name: 'Storage Location',
          type: 'string',
          jsonPath: '.spec.storageLocation',
        },
      ],
    },
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'Schedule',
      plural: 'schedules',
      scope: 'Namespaced',
      categories: ['velero'],
      columns: [
        { name: 'Status', type: 'string', jsonPath: '.status.phase' },
        { name: 'Schedule', type: 'string', jsonPath: '.spec.schedule' },
        { name: 'LastBackup', type: 'date', jsonPath: '.status.lastBackup' },
        { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
        age,
      ],
    },
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'Restore',
      plural: 'restores',
      scope: 'Namespaced',
      categories: ['velero'],
      columns: [
        { name: 'Backup', type: 'string', jsonPath: '.spec.backupName' },
        { name: 'Status', type: 'string', jsonPath: '.status.phase' },
        { name: 'Started', type: 'date', jsonPath: '.status.startTimestamp' },
        {
          name: 'Completed',
          type: 'date',
          jsonPath: '.status.completionTimestamp',
        },
        { name: 'Errors', type: 'integer', jsonPath: '.status.errors' },
        { name: 'Warnings', type: 'integer', jsonPath: '.status.warnings' },
        age,
      ],
    },
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'BackupStorageLocation',
      plural: 'backupstoragelocations',
      scope: 'Namespaced',
      shortNames: ['bsl'],
      categories: ['velero'],
      columns: [
        { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
        {
          name: 'Last Validated',
          type: 'date',
          jsonPath: '.status.lastValidationTime',
        },
        age,
        { name: 'Default', type: 'boolean', jsonPath: '.spec.default' },
      ],
    },
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'VolumeSnapshotLocation',
      plural: 'volumesnapshotlocations',
      scope: 'Namespaced',
      shortNames: ['vsl'],
      categories: ['velero'],
    },
    {
      group: 'velero.io',
      version: 'v1',
      kind: 'DeleteBackupRequest',
      plural: 'deletebackuprequests',
      scope: 'Namespaced',
      categories: ['velero'],
    },
  ],
  kubefed: [
    {
      group: 'core.kubefed.io',
      version: 'v1beta1',
      kind: 'KubeFedCluster',
      plural: 'kubefedclusters',
      scope: 'Namespaced',
      columns: [
        {
          name: 'Ready',
          type: 'string',
          jsonPath: ".status.conditions[?(@.type=='Ready')].status",
        },
        age,
      ],
    },
    {
      group: 'types.kubefed.io',
      version: 'v1beta1',
      kind: 'FederatedDeployment',
      plural: 'federateddeployments',
      scope: 'Namespaced',
    },
    {
      group: 'types.kubefed.io',
      version: 'v1beta1',
      kind: 'FederatedNamespace',
      plural: 'federatednamespaces',
      scope: 'Namespaced',
    },
    {
      group: 'scheduling.kubefed.io',
      version: 'v1alpha1',
      kind: 'ReplicaSchedulingPreference',
      plural: 'replicaschedulingpreferences',
      scope: 'Namespaced',
      shortNames: ['rsp'],
    },
  ],
  karmada: [
    {
      group: 'cluster.karmada.io',
      version: 'v1alpha1',
      kind: 'Cluster',
      plural: 'clusters',
      scope: 'Cluster',
      columns: [
        {
          name: 'Version',
          type: 'string',
          jsonPath: '.status.kubernetesVersion',
        },
        { name: 'Mode', type: 'string', jsonPath: '.spec.syncMode' },
        {
          name: 'Ready',
          type: 'string',
          jsonPath: ".status.conditions[?(@.type=='Ready')].status",
        },
        age,
      ],
    },
    {
      group: 'policy.karmada.io',
      version: 'v1alpha1',
      kind: 'PropagationPolicy',
      plural: 'propagationpolicies',
      scope: 'Namespaced',
      shortNames: ['pp'],
      status: false,
    },
    {
      group: 'policy.karmada.io',
      version: 'v1alpha1',
      kind: 'ClusterPropagationPolicy',
      plural: 'clusterpropagationpolicies',
      scope: 'Cluster',
      shortNames: ['cpp'],
      status: false,
    },
    {
      group: 'policy.karmada.io',
      version: 'v1alpha1',
      kind: 'OverridePolicy',
      plural: 'overridepolicies',
      scope: 'Namespaced',
      shortNames: ['op'],
      status: false,
    },
    {
      group: 'work.karmada.io',
      version: 'v1alpha2',
      kind: 'ResourceBinding',
      plural: 'resourcebindings',
      scope: 'Namespaced',
      shortNames: ['rb'],
      categories: ['karmada-io'],
      columns: [
        {
          name: 'Scheduled',
          type: 'string',
          jsonPath: ".status.conditions[?(@.type=='Scheduled')].status",
        },
        {
          name: 'FullyApplied',
          type: 'string',
          jsonPath: ".status.conditions[?(@.type=='FullyApplied')].status",
        },
        age,
      ],
    },
    {
      group: 'work.karmada.io',
      version: 'v1alpha1',
      kind: 'Work',
      plural: 'works',
      scope: 'Namespaced',
      categories: ['karmada-io'],
    },
  ],
};

/** The names of the well-known CRD bundles. */
export const CRD_BUNDLES = Object.keys(BUNDLES);

function toCrd(def: CrdDef): KubeObject {
  const version: Record<string, unknown> = {
    name: def.version,
    served: true,
    storage: true,
    schema: {
      openAPIV3Schema: {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      },
    },
  };
  if (def.status !== false) version.subresources = { status: {} };
  if (def.columns) version.additionalPrinterColumns = def.columns;
  const names: Record<string, unknown> = {
    kind: def.kind,
    listKind: `${def.kind}List`,
    plural: def.plural,
    singular: def.kind.toLowerCase(),
  };
  if (def.shortNames) names.shortNames = def.shortNames;
  if (def.categories) names.categories = def.categories;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${def.plural}.${def.group}` },
    spec: { group: def.group, names, scope: def.scope, versions: [version] },
  };
}

/** The CRDs of a bundle that the simulator does not already install in every cluster; throws for an unknown bundle. */
export function crdBundle(name: string): KubeObject[] {
  const defs = BUNDLES[name];
  if (!defs)
    throw new Error(
      `unknown CRD bundle "${name}" (known: ${CRD_BUNDLES.join(', ')})`,
    );
  const preinstalled = new Set(
    CUSTOM_RESOURCE_TABLE.map(e => `${e.plural}.${e.group}`),
  );
  return defs
    .filter(d => !preinstalled.has(`${d.plural}.${d.group}`))
    .map(toCrd);
}

/** Scope of the kinds the bundles define, by "group/Kind". */
export function crdScopes(): Map<string, 'Namespaced' | 'Cluster'> {
  const scopes = new Map<string, 'Namespaced' | 'Cluster'>();
  for (const defs of Object.values(BUNDLES))
    for (const d of defs) scopes.set(`${d.group}/${d.kind}`, d.scope);
  return scopes;
}
