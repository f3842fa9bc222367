import { InputError } from '@backstage/errors';
import { clusterNameOf, toTenantRequest } from './toTenantRequest';

describe('clusterNameOf', () => {
  it.each([
    ['prod-eu', 'prod-eu'],
    ['Prod_EU.1', 'Prod_EU.1'],
    ['resource:default/prod-eu', 'prod-eu'],
    ['Resource:default/prod-eu', 'prod-eu'],
    ['resource:platform/prod-us', 'prod-us'],
    ['default/prod-eu', 'prod-eu'],
  ])('%s → %s', (value, expected) => {
    expect(clusterNameOf(value)).toBe(expected);
  });

  it.each([
    ['group:default/team-a', /is a group; clusters are Resources/],
    ['component:default/shop', /is a component/],
    ['resource:a/b/c', /neither a cluster name nor a catalog entity ref/],
  ])('refuses %s', (value, message) => {
    expect(() => clusterNameOf(value)).toThrow(InputError);
    expect(() => clusterNameOf(value)).toThrow(message);
  });
});

describe('toTenantRequest', () => {
  it('converts cluster refs and keeps every other field', () => {
    const request = toTenantRequest({
      name: 'payments',
      displayName: 'Payments',
      owner: 'group:default/team-payments',
      clusters: ['resource:default/prod-eu', 'prod-us'],
      environment: 'production',
      costCenter: 'cc-1',
      contact: 'pay@example.com',
      tier: { preset: 'm' },
    });
    expect(request).toEqual({
      name: 'payments',
      displayName: 'Payments',
      owner: 'group:default/team-payments',
      clusters: ['prod-eu', 'prod-us'],
      environment: 'production',
      costCenter: 'cc-1',
      contact: 'pay@example.com',
      tier: { preset: 'm' },
    });
  });
});
