/*
 * Where a tenant shows up once applied. The Kubeyard catalog module names a tenant's Resource
 * after the tenant in the default namespace; the frontend plugin serves the tenant page.
 */

/** The catalog entity ref of a tenant: `resource:default/<name>`. */
export function tenantEntityRef(name: string): string {
  return `resource:default/${name}`;
}

/** The tenant page of the Kubeyard frontend plugin: `/kubeyard/tenants/<name>`. */
export function tenantPagePath(name: string): string {
  return `/kubeyard/tenants/${encodeURIComponent(name)}`;
}
