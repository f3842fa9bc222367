/*
 * Tenant permissions: the resource type `kubeyard-tenant`, the `isTenantOwner` rule (the
 * caller's ownership claims include the tenant's owning Group, i.e. the caller is a member),
 * and the checks every tenant endpoint makes. Policies return conditional decisions built
 * with `tenantConditions`; the plugin evaluates them against the registry's tenant.
 */
import type { BackstageCredentials, PermissionsRegistryService, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionExports,
  createPermissionResourceRef,
  type PermissionRule,
} from '@backstage/plugin-permission-node';
import {
  kubeyardPermissions,
  TENANT_RESOURCE_TYPE,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { z } from 'zod/v3';

/** What tenant permission rules see of a tenant. */
export interface TenantResource {
  name: string;
  /** Owning Group entity ref. */
  owner: string;
}

/** Query form of tenant conditions: the owners a caller may see. */
export interface TenantQuery {
  owners: string[];
}

/** The tenant resource type, owned by the `kubeyard` plugin. */
export const tenantPermissionResourceRef = createPermissionResourceRef<TenantResource, TenantQuery>().with({
  pluginId: 'kubeyard',
  resourceType: TENANT_RESOURCE_TYPE,
});

const claimsSchema = z.object({
  claims: z.array(z.string()).describe('Ownership entity refs of the caller (user.info.ownershipEntityRefs)'),
});

/** Allows tenants whose owning Group is among the caller's ownership claims. */
export const isTenantOwner: PermissionRule<TenantResource, TenantQuery, typeof TENANT_RESOURCE_TYPE, { claims: string[] }> = {
  name: 'IS_TENANT_OWNER',
  description: "Allow tenants owned by one of the caller's groups (members of the owning Group)",
  resourceType: TENANT_RESOURCE_TYPE,
  // The schema is zod 3 while the permission framework's types name its own zod copy; the
  // runtime only reads the schema's definition (for JSON Schema), which both share.
  paramsSchema: claimsSchema as any,
  apply: (tenant, { claims }) => claims.some(claim => claim.toLowerCase() === tenant.owner.toLowerCase()),
  toQuery: ({ claims }) => ({ owners: claims.map(claim => claim.toLowerCase()) }),
};

/** Tenant permission rules by name. */
export const tenantPermissionRules = { isTenantOwner };

/** Conditions for policies: `tenantConditions.isTenantOwner({ claims: user.info.ownershipEntityRefs })`. */
export const { conditions: tenantConditions, createConditionalDecision: createTenantConditionalDecision } = createConditionExports({
  resourceRef: tenantPermissionResourceRef,
  rules: tenantPermissionRules,
});

/** Registers the permissions, the resource type and its rules. */
export function registerTenantPermissions(
  registry: PermissionsRegistryService,
  getTenants: (names: string[]) => Promise<Array<TenantResource | undefined>>,
): void {
  registry.addPermissions(kubeyardPermissions);
  registry.addResourceType({
    resourceRef: tenantPermissionResourceRef,
    rules: Object.values(tenantPermissionRules),
    getResources: getTenants,
  });
}

/** The permission checks of the tenant endpoints. */
export class TenantAuthorizer {
  private readonly authorizeConditions: (decision: PolicyDecision, tenant: TenantResource | undefined) => boolean;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    this.authorizeConditions = createConditionAuthorizer(registry.getPermissionRuleset(tenantPermissionResourceRef));
  }

  /** Throws NotAllowedError unless the caller holds a basic permission. */
  async require(credentials: BackstageCredentials, permission: BasicPermission, what: string): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) throw new NotAllowedError(`not allowed to ${what} (${permission.name})`);
  }

  /** Throws NotAllowedError unless the caller may act on this tenant. */
  async requireFor(credentials: BackstageCredentials, permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>, tenant: TenantResource, what: string): Promise<void> {
    if (!(await this.allows(credentials, permission, tenant))) {
      throw new NotAllowedError(`not allowed to ${what} tenant ${tenant.name} (${permission.name}; it is owned by ${tenant.owner})`);
    }
  }

  /** Whether the caller may act on this tenant. */
  async allows(credentials: BackstageCredentials, permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>, tenant: TenantResource): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional([{ permission }], { credentials });
    return this.authorizeConditions(decision, tenant);
  }

  /**
   * The caller's reach for a permission: `all` when the decision is unconditional ALLOW,
   * otherwise a predicate over tenants (nothing on DENY).
   */
  async scope(
    credentials: BackstageCredentials,
    permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>,
  ): Promise<{ all: boolean; denied: boolean; allows(tenant: TenantResource): boolean }> {
    const [decision] = await this.permissions.authorizeConditional([{ permission }], { credentials });
    return {
      all: decision.result === AuthorizeResult.ALLOW,
      denied: decision.result === AuthorizeResult.DENY,
      allows: tenant => this.authorizeConditions(decision, tenant),
    };
  }

  /** The tenants of a list the caller may act on (one decision, evaluated per tenant). */
  async filter<T extends TenantResource>(credentials: BackstageCredentials, permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>, tenants: T[]): Promise<T[]> {
    const [decision] = await this.permissions.authorizeConditional([{ permission }], { credentials });
    if (decision.result === AuthorizeResult.DENY) throw new NotAllowedError(`not allowed to read tenants (${permission.name})`);
    return tenants.filter(tenant => this.authorizeConditions(decision, tenant));
  }
}
