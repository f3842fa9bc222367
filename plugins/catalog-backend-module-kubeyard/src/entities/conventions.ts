/*
 * How Kubeyard's clusters and tenants appear in the catalog (shared/DESIGN.md, Conventions):
 * `Resource` entities in the default namespace, named after the cluster or tenant.
 */
import { KUBEYARD_LABELS, KUBEYARD_MANAGER } from '@kubeyard/backstage-plugin-kubeyard-common';

/** The entity provider's name; entities it emits are tied to it. */
export const PROVIDER_NAME = 'kubeyard';

/** `spec.type` of a cluster Resource, the one @backstage/plugin-kubernetes-backend's catalog locator looks for. */
export const CLUSTER_TYPE = 'kubernetes-cluster';

/** `spec.type` of a tenant Resource. */
export const TENANT_TYPE = 'kubernetes-tenant';

/** Annotation holding the cluster name as Kubeyard knows it. */
export const CLUSTER_ANNOTATION = 'kubeyard.io/cluster';

/** Annotation holding the tenant name. */
export const TENANT_ANNOTATION = KUBEYARD_LABELS.tenant;

/** The catalog namespace of Kubeyard's entities. */
export const ENTITY_NAMESPACE = 'default';

/** The label every entity the provider emits carries, as Kubeyard's cluster objects do. */
export const MANAGED_BY_LABELS = { [KUBEYARD_LABELS.managedBy]: KUBEYARD_MANAGER };

/** `resource:default/<name>`: the ref of a cluster's or tenant's Resource. */
export function resourceRef(name: string): string {
  return `resource:${ENTITY_NAMESPACE}/${name}`;
}

/** The location annotations of an emitted entity (`kubeyard:clusters/prod-eu`). */
export function locationAnnotations(kind: 'clusters' | 'tenants', name: string): Record<string, string> {
  const location = `${PROVIDER_NAME}:${kind}/${name}`;
  return {
    'backstage.io/managed-by-location': location,
    'backstage.io/managed-by-origin-location': location,
  };
}
