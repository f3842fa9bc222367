import { validateTenantSpecAgainst, TenantValidationContext } from './validateTenantSpecAgainst';
import { productionInput, specOf, vclusterInput } from './testing/specs';

const context: TenantValidationContext = {
  knownClusters: ['prod-eu', 'prod-us', 'dev-eu'],
  knownGroups: ['group:default/team-payments', 'group:default/payments-leads', 'group:default/auditors', 'group:default/platform-team', 'group:default/ci-users'],
  knownUsers: ['user:default/alice', 'user:default/bob'],
};

describe('validateTenantSpecAgainst', () => {
  it('accepts a spec whose clusters and members exist and fit', () => {
    const headroom = { 'prod-eu': { cpuCores: 64, memoryBytes: 512 * 2 ** 30 }, 'prod-us': { cpuCores: 60, memoryBytes: 100 * 2 ** 30 } };
    expect(validateTenantSpecAgainst(specOf(productionInput), { ...context, allocatableHeadroom: headroom })).toEqual([]);
  });

  it('compares catalog refs case-insensitively', () => {
    const upper = { ...context, knownUsers: ['user:default/Alice', 'user:default/BOB'] };
    expect(validateTenantSpecAgainst(specOf(productionInput), upper)).toEqual([]);
  });

  it.each<[string, Partial<TenantValidationContext>, string, RegExp]>([
    ['an unknown cluster', { knownClusters: ['prod-eu'] }, 'clusters.1', /unknown cluster "prod-us"; known clusters: prod-eu/],
    ['no clusters configured', { knownClusters: [] }, 'clusters.0', /none are configured/],
    ['an owner missing from the catalog', { knownGroups: ['group:default/payments-leads', 'group:default/auditors'] }, 'owner', /group "group:default\/team-payments" is not in the catalog/],
    ['an admin user missing', { knownUsers: ['user:default/bob'] }, 'admins.0', /user "user:default\/alice" is not in the catalog/],
    ['a viewer group missing', { knownGroups: ['group:default/team-payments', 'group:default/payments-leads'] }, 'viewers.0', /group "group:default\/auditors"/],
    [
      'CPU above the headroom',
      { allocatableHeadroom: { 'prod-us': { cpuCores: 32.5, memoryBytes: 2 ** 40 } } },
      'clusters.1',
      /cluster "prod-us" cannot hold this tenant: requests.cpu 60 is above the 32.5 cores of headroom; choose a smaller tier/,
    ],
    [
      'memory above the headroom',
      { allocatableHeadroom: { 'prod-eu': { cpuCores: 1000, memoryBytes: 64 * 2 ** 30 } } },
      'clusters.0',
      /requests.memory 100Gi is above the 64Gi of memory headroom/,
    ],
  ])('reports %s', (_, patch, field, message) => {
    const errors = validateTenantSpecAgainst(specOf(productionInput), { ...context, ...patch });
    expect(errors.find(e => e.field === field)?.message).toMatch(message);
  });

  it('checks a vcluster tenant against its isolation quota', () => {
    const errors = validateTenantSpecAgainst(specOf(vclusterInput), {
      ...context,
      allocatableHeadroom: { 'dev-eu': { cpuCores: 8, memoryBytes: 2 ** 40 } },
    });
    expect(errors).toEqual([{ field: 'clusters.0', message: expect.stringMatching(/requests.cpu 10 is above the 8 cores/) }]);
  });
});
