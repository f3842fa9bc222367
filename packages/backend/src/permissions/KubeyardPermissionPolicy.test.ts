import { AuthorizeResult, createPermission, type Permission } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  costReadPermission,
  tenantCreatePermission,
  tenantDeletePermission,
  tenantUpdatePermission,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import { KubeyardPermissionPolicy } from './KubeyardPermissionPolicy';

const policy = new KubeyardPermissionPolicy({
  platformGroups: ['group:default/platform-team'],
});

function userOwning(...refs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: refs[0], ownershipEntityRefs: refs },
  } as unknown as PolicyQueryUser;
}

const platformUser = userOwning('user:default/pat', 'group:default/Platform-Team');
const developer = userOwning('user:default/alice', 'group:default/team-payments');

const cases: Array<[string, Permission, PolicyQueryUser, AuthorizeResult]> = [
  ['platform member deletes an entity', createPermission({ name: 'catalog.entity.delete', attributes: { action: 'delete' }, resourceType: 'catalog-entity' }), platformUser, AuthorizeResult.ALLOW],
  ['developer reads an entity', createPermission({ name: 'catalog.entity.read', attributes: { action: 'read' }, resourceType: 'catalog-entity' }), developer, AuthorizeResult.ALLOW],
  ['developer reads kubernetes resources (no action)', createPermission({ name: 'kubernetes.proxy', attributes: {} }), developer, AuthorizeResult.ALLOW],
  ['developer deletes an entity', createPermission({ name: 'catalog.entity.delete', attributes: { action: 'delete' }, resourceType: 'catalog-entity' }), developer, AuthorizeResult.DENY],
  ['developer registers a location', createPermission({ name: 'catalog.location.create', attributes: { action: 'create' } }), developer, AuthorizeResult.DENY],
  ['developer runs a template', createPermission({ name: 'scaffolder.task.create', attributes: { action: 'create' } }), developer, AuthorizeResult.ALLOW],
  ['developer executes template actions', createPermission({ name: 'scaffolder.action.execute', attributes: {}, resourceType: 'scaffolder-action' }), developer, AuthorizeResult.ALLOW],
  ['developer refreshes an entity', createPermission({ name: 'catalog.entity.refresh', attributes: { action: 'update' }, resourceType: 'catalog-entity' }), developer, AuthorizeResult.ALLOW],
  ['developer requests a tenant', tenantCreatePermission, developer, AuthorizeResult.ALLOW],
  ['developer decommissions a tenant', tenantDeletePermission, developer, AuthorizeResult.DENY],
  ['platform member decommissions a tenant', tenantDeletePermission, platformUser, AuthorizeResult.ALLOW],
];

describe('KubeyardPermissionPolicy', () => {
  it.each(cases)('%s', async (_name, permission, user, expected) => {
    const decision = await policy.handle({ permission }, user);
    expect(decision.result).toBe(expected);
  });

  it("lets developers update only their own groups' tenants, through a condition", async () => {
    const decision = await policy.handle({ permission: tenantUpdatePermission }, developer);
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'kubeyard',
      resourceType: 'kubeyard-tenant',
      conditions: {
        rule: 'IS_TENANT_OWNER',
        resourceType: 'kubeyard-tenant',
        params: { claims: ['user:default/alice', 'group:default/team-payments'] },
      },
    });
  });

  it("lets developers read only their own groups' costs, through a condition; the platform team all", async () => {
    expect((await policy.handle({ permission: costReadPermission }, platformUser)).result).toBe(AuthorizeResult.ALLOW);
    expect(await policy.handle({ permission: costReadPermission }, developer)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'kubeyard',
      resourceType: 'kubeyard-cost',
      conditions: {
        rule: 'IS_COST_OWNER',
        resourceType: 'kubeyard-cost',
        params: { claims: ['user:default/alice', 'group:default/team-payments'] },
      },
    });
  });

  it('matches platform groups case-insensitively, as entity refs are', async () => {
    const decision = await policy.handle(
      { permission: createPermission({ name: 'x.delete', attributes: { action: 'delete' } }) },
      userOwning('user:default/bo', 'GROUP:DEFAULT/PLATFORM-TEAM'),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
