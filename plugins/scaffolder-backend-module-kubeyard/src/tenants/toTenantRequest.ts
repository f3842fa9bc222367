import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { TenantRequest } from '@kubeyard/backstage-plugin-kubeyard-common';
import type { TenantActionInput } from './tenantActionInput';

/**
 * The cluster name behind a cluster input: a plain name is returned as is, a catalog ref of a
 * kubernetes-cluster Resource (`resource:default/prod-eu`) gives its entity name, which the
 * Kubeyard catalog module sets to the cluster name (as the kubernetes plugin's catalog locator
 * expects). Cluster names never hold ":" or "/", so those mark a ref.
 */
export function clusterNameOf(value: string): string {
  if (!value.includes(':') && !value.includes('/')) return value;
  let ref;
  try {
    ref = parseEntityRef(value, { defaultKind: 'resource', defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`cluster "${value}" is neither a cluster name nor a catalog entity ref: ${(error as Error).message}`);
  }
  if (/[:/]/.test(ref.name)) {
    throw new InputError(
      `cluster "${value}" is neither a cluster name nor a catalog entity ref of the form resource:namespace/name`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'resource') {
    throw new InputError(
      `cluster "${value}" is a ${ref.kind}; clusters are Resources of type kubernetes-cluster (e.g. resource:default/prod-eu) or plain cluster names`,
    );
  }
  return ref.name;
}

/** Turns an action's tenant input into the request body of POST /api/kubeyard/tenants. */
export function toTenantRequest(input: TenantActionInput): TenantRequest {
  return { ...input, clusters: input.clusters.map(clusterNameOf) };
}
