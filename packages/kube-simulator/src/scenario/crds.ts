/*
 * CRD bundles a scenario cluster can ask for (`crds: [velero]`): the CustomResourceDefinitions
 * of the projects the demo uses (Velero, KubeFed, Karmada) that the simulator does not already
 * install in every cluster (apiserver/customResourceTable.ts), with an open schema.
 */
import {
  CUSTOM_RESOURCE_TABLE,
  type CustomResourceEntry,
  customResourceDefinitionFor,
} from '../apiserver/customResourceTable';
import type { KubeObject } from '../types';

const BUNDLES: Record<string, CustomResourceEntry[]> = {
  velero: [
    {
      group: 'velero.io',
      version: 'v1',
      plural: 'deletebackuprequests',
      kind: 'DeleteBackupRequest',
      namespaced: true,
      categories: ['velero'],
      status: true,
    },
  ],
  kubefed: [
    {
      group: 'types.kubefed.io',
      version: 'v1beta1',
      plural: 'federatednamespaces',
      kind: 'FederatedNamespace',
      namespaced: true,
      status: true,
    },
  ],
  karmada: [
    {
      group: 'policy.karmada.io',
      version: 'v1alpha1',
      plural: 'clusterpropagationpolicies',
      kind: 'ClusterPropagationPolicy',
      namespaced: false,
      shortNames: ['cpp'],
      status: false,
    },
    {
      group: 'policy.karmada.io',
      version: 'v1alpha1',
      plural: 'overridepolicies',
      kind: 'OverridePolicy',
      namespaced: true,
      shortNames: ['op'],
      status: false,
    },
    {
      group: 'work.karmada.io',
      version: 'v1alpha1',
      plural: 'works',
      kind: 'Work',
      namespaced: true,
      categories: ['karmada-io'],
      status: true,
    },
  ],
};

/** The names of the well-known CRD bundles. */
export const CRD_BUNDLES = Object.keys(BUNDLES);

/** The CRDs of a bundle that the simulator does not already install in every cluster; throws for an unknown bundle. */
export function crdBundle(name: string): KubeObject[] {
  const entries = BUNDLES[name];
  if (!entries)
    throw new Error(
      `unknown CRD bundle "${name}" (known: ${CRD_BUNDLES.join(', ')})`,
    );
  return entries.map(entry => customResourceDefinitionFor(entry));
}

/** Scope of the kinds of the projects (pre-installed or in a bundle), by "group/Kind". */
export function crdScopes(): Map<string, 'Namespaced' | 'Cluster'> {
  const scopes = new Map<string, 'Namespaced' | 'Cluster'>();
  for (const e of [...CUSTOM_RESOURCE_TABLE, ...Object.values(BUNDLES).flat()])
    scopes.set(`${e.group}/${e.kind}`, e.namespaced ? 'Namespaced' : 'Cluster');
  return scopes;
}
