import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of tenant permissions: rules receive the tenant's owner and name. */
export const TENANT_RESOURCE_TYPE = 'kubeyard-tenant';

/** Request a new tenant. */
export const tenantCreatePermission = createPermission({
  name: 'kubeyard.tenant.create',
  attributes: { action: 'create' },
});

/** See a tenant (resource permission: owner-based rules apply). */
export const tenantReadPermission = createPermission({
  name: 'kubeyard.tenant.read',
  attributes: { action: 'read' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/** Change a tenant: tier, quota, users, clusters; also verify (resource permission). */
export const tenantUpdatePermission = createPermission({
  name: 'kubeyard.tenant.update',
  attributes: { action: 'update' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/** Decommission a tenant (resource permission). */
export const tenantDeletePermission = createPermission({
  name: 'kubeyard.tenant.delete',
  attributes: { action: 'delete' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/** The resource type of cost permissions: rules receive the owner Group ref of the cost rows. */
export const COST_RESOURCE_TYPE = 'kubeyard-cost';

/** See costs (resource permission: members see their Groups' costs, the platform team all). */
export const costReadPermission = createPermission({
  name: 'kubeyard.cost.read',
  attributes: { action: 'read' },
  resourceType: COST_RESOURCE_TYPE,
});

/** Every Kubeyard permission, for the permission integration router. */
export const kubeyardPermissions = [
  tenantCreatePermission,
  tenantReadPermission,
  tenantUpdatePermission,
  tenantDeletePermission,
  costReadPermission,
];
