/*
 * Cost permissions: `kubeyard.cost.read` on the resource type `kubeyard-cost`, whose resources
 * are cost rows seen by their owner. Policies answer with a conditional decision built with
 * `costConditions.isCostOwner({ claims })` (members see their groups' costs) or ALLOW (the
 * platform team sees everything, unallocated and idle included). The condition becomes a
 * filter on the rows' owner column: applied in the query when idle is kept apart, and in
 * memory after idle is shared (`idle: share` needs every namespace of a cluster). Either way
 * rows of other owners never leave the backend.
 */
import type { BackstageCredentials, PermissionsRegistryService, PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, type PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  createConditionExports,
  createConditionTransformer,
  createPermissionResourceRef,
  type PermissionRule,
} from '@backstage/plugin-permission-node';
import { COST_RESOURCE_TYPE, costReadPermission } from '@kubeyard/backstage-plugin-kubeyard-common';
import { z } from 'zod/v3';

/** What cost permission rules see of a cost row: its owner (a Group ref, '' when unallocated). */
export interface CostResource {
  owner: string;
}

/** Query form of cost conditions: the owners whose rows a caller may see. */
export interface CostOwnerQuery {
  owners: string[];
}

/** The cost resource type, owned by the `kubeyard` plugin. */
export const costPermissionResourceRef = createPermissionResourceRef<CostResource, CostOwnerQuery>().with({
  pluginId: 'kubeyard',
  resourceType: COST_RESOURCE_TYPE,
});

const claimsSchema = z.object({
  claims: z.array(z.string()).describe('Ownership entity refs of the caller (user.info.ownershipEntityRefs)'),
});

/** Allows the cost rows owned by one of the caller's groups. */
export const isCostOwner: PermissionRule<CostResource, CostOwnerQuery, typeof COST_RESOURCE_TYPE, { claims: string[] }> = {
  name: 'IS_COST_OWNER',
  description: "Allow the costs of namespaces and tenants owned by one of the caller's groups",
  resourceType: COST_RESOURCE_TYPE,
  // zod 3 schema, see isTenantOwner.
  paramsSchema: claimsSchema as any,
  apply: (row, { claims }) => row.owner !== '' && claims.some(claim => claim.toLowerCase() === row.owner.toLowerCase()),
  toQuery: ({ claims }) => ({ owners: claims.map(claim => claim.toLowerCase()) }),
};

/** Cost permission rules by name. */
export const costPermissionRules = { isCostOwner };

/** Conditions for policies: `costConditions.isCostOwner({ claims: user.info.ownershipEntityRefs })`. */
export const { conditions: costConditions, createConditionalDecision: createCostConditionalDecision } = createConditionExports({
  resourceRef: costPermissionResourceRef,
  rules: costPermissionRules,
});

/** Registers the permission, the resource type and its rule. */
export function registerCostPermissions(registry: PermissionsRegistryService): void {
  registry.addPermissions([costReadPermission]);
  registry.addResourceType({
    resourceRef: costPermissionResourceRef,
    rules: Object.values(costPermissionRules),
    // Cost rows have no identity to look up one by one; policies are applied as query filters.
    getResources: async refs => refs.map(owner => ({ owner })),
  });
}

/** Which rows a caller may read: all, or those of some owners (a predicate when the condition is not a plain owner list). */
export type CostScope = { all: true } | { all: false; owners: string[] } | { all: false; allows(owner: string): boolean };

function predicate(criteria: PermissionCriteria<CostOwnerQuery>): (owner: string) => boolean {
  if ('anyOf' in criteria) {
    const parts = criteria.anyOf.map(predicate);
    return owner => parts.some(p => p(owner));
  }
  if ('allOf' in criteria) {
    const parts = criteria.allOf.map(predicate);
    return owner => parts.every(p => p(owner));
  }
  if ('not' in criteria) {
    const part = predicate(criteria.not);
    return owner => !part(owner);
  }
  const owners = new Set(criteria.owners);
  return owner => owner !== '' && owners.has(owner.toLowerCase());
}

/** Decides which cost rows a caller may read. */
export class CostAuthorizer {
  private readonly transform: (conditions: any) => PermissionCriteria<CostOwnerQuery>;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    this.transform = createConditionTransformer(registry.getPermissionRuleset(costPermissionResourceRef));
  }

  /** The caller's scope; throws NotAllowedError when the policy denies `kubeyard.cost.read`. */
  async scope(credentials: BackstageCredentials): Promise<CostScope> {
    const [decision] = await this.permissions.authorizeConditional([{ permission: costReadPermission }], { credentials });
    if (decision.result === AuthorizeResult.ALLOW) return { all: true };
    if (decision.result !== AuthorizeResult.CONDITIONAL) throw new NotAllowedError(`not allowed to read costs (${costReadPermission.name})`);
    const criteria = this.transform(decision.conditions);
    const leaves = 'anyOf' in criteria ? criteria.anyOf : [criteria];
    if (leaves.every(leaf => 'owners' in leaf)) {
      return { all: false, owners: [...new Set(leaves.flatMap(leaf => (leaf as CostOwnerQuery).owners))] };
    }
    return { all: false, allows: predicate(criteria) };
  }
}
