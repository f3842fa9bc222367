import type { BackstageUserInfo } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  costReadPermission,
  tenantCreatePermission,
  tenantUpdatePermission,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  costConditions,
  createCostConditionalDecision,
  createTenantConditionalDecision,
  tenantConditions,
} from '@kubeyard/backstage-plugin-kubeyard-backend';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * Permissions that anybody signed in needs to request things through Software Templates.
 * Kubeyard's own scaffolder actions then call kubeyard-backend with the initiator's
 * credentials, so what a template may change is still decided per permission there.
 */
const SELF_SERVICE_PERMISSIONS = new Set([
  'scaffolder.task.create',
  'scaffolder.task.read',
  'scaffolder.task.cancel',
  'scaffolder.action.execute',
  'scaffolder.template.parameter.read',
  'scaffolder.template.step.read',
  'catalog.entity.refresh',
  // Requesting a tenant is self-service; what it may hold is validated by Kubeyard.
  tenantCreatePermission.name,
]);

/** Options of {@link KubeyardPermissionPolicy}. */
export interface KubeyardPermissionPolicyOptions {
  /** Entity refs of the groups that may do everything, e.g. `group:default/platform-team`. */
  platformGroups: string[];
}

/**
 * The reference app's policy: members of the platform groups may do everything; everybody
 * else may read, use self-service templates, request tenants and change the tenants their
 * groups own, and nothing else.
 */
export class KubeyardPermissionPolicy implements PermissionPolicy {
  private readonly platformGroups: Set<string>;

  constructor(options: KubeyardPermissionPolicyOptions) {
    this.platformGroups = new Set(
      options.platformGroups.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (user && this.isPlatformMember(user.info)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { permission } = request;
    if (SELF_SERVICE_PERMISSIONS.has(permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, tenantUpdatePermission) && user) {
      // Members of the owning Group may change their tenant (Kubeyard evaluates the condition).
      return createTenantConditionalDecision(
        permission,
        tenantConditions.isTenantOwner({ claims: user.info.ownershipEntityRefs }),
      );
    }
    if (isPermission(permission, costReadPermission)) {
      // Members see their groups' costs; unallocated and idle cost only the platform team.
      if (!user) return { result: AuthorizeResult.DENY };
      return createCostConditionalDecision(
        permission,
        costConditions.isCostOwner({ claims: user.info.ownershipEntityRefs }),
      );
    }
    const action = permission.attributes.action;
    if (action === undefined || action === 'read') {
      // Resource permissions without an action are reads too (e.g. catalog.entity.read).
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.DENY };
  }

  private isPlatformMember(info: BackstageUserInfo): boolean {
    return info.ownershipEntityRefs.some(ref =>
      this.platformGroups.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}
