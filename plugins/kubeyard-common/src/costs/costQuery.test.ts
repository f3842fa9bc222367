import { parseCostQuery } from './costQuery';

const window = { from: '2026-11-01', to: '2026-12-01' };

describe('parseCostQuery', () => {
  it('fills defaults and gives the window in ms', () => {
    expect(parseCostQuery(window)).toEqual({
      success: true,
      query: { from: '2026-11-01', to: '2026-12-01', groupBy: 'owner', step: 'day' },
      window: { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['instants on an hour', { from: '2026-11-22T13:00:00Z', to: '2026-11-22T15:00:00.000+01:00', step: 'total' }, { step: 'total' }],
    ['every group-by', { ...window, groupBy: 'costCenter' }, { groupBy: 'costCenter' }],
    ['filters', { ...window, tenant: 'shop', cluster: 'prod-eu', namespace: 'shop-api', entityRef: 'component:default/checkout' }, { tenant: 'shop', namespace: 'shop-api', entityRef: 'component:default/checkout' }],
    ['owner shorthand becomes a Group ref', { ...window, owner: 'team-a' }, { owner: 'group:default/team-a' }],
    ['owner as a User ref', { ...window, owner: 'user:default/jane' }, { owner: 'user:default/jane' }],
    ['exactly 400 days', { from: '2026-01-01', to: '2027-02-05' }, {}],
    ['undefined parameters are absent', { ...window, tenant: undefined }, {}],
  ])('accepts %s', (_, params, expected) => {
    const result = parseCostQuery(params);
    expect(result.success).toBe(true);
    if (result.success) expect(result.query).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['from missing', { to: '2026-12-01' }, 'from', /^is required; expected YYYY-MM-DD/],
    ['a date that does not exist', { ...window, from: '2026-02-29' }, 'from', /"2026-02-29" is not a date; expected YYYY-MM-DD \(UTC midnight\) or an ISO 8601 instant on a whole UTC hour/],
    ['an instant off the hour', { ...window, to: '2026-12-01T10:30:00Z' }, 'to', /is not on a whole UTC hour/],
    ['an offset that moves off the hour', { ...window, to: '2026-12-01T10:00:00+05:30' }, 'to', /is not on a whole UTC hour/],
    ['to before from', { from: '2026-12-01', to: '2026-11-01' }, 'to', /"2026-11-01" must be after from \("2026-12-01"\)/],
    ['to equal to from', { from: '2026-12-01', to: '2026-12-01' }, 'to', /must be after from/],
    ['a window over 400 days', { from: '2026-01-01', to: '2027-02-05T01:00:00Z' }, 'to', /is 401 days; at most 400 days are allowed/],
    ['an unknown groupBy', { ...window, groupBy: 'team' }, 'groupBy', /^"team" is not allowed; expected one of: owner, tenant, namespace, cluster, costCenter$/],
    ['an unknown step', { ...window, step: 'week' }, 'step', /"week" is not allowed; expected one of: day, total/],
    ['a bad namespace', { ...window, namespace: 'Shop_API' }, 'namespace', /not an RFC 1123 DNS label/],
    ['a bad entity ref', { ...window, entityRef: 'checkout' }, 'entityRef', /is not an entity ref; expected kind:namespace\/name/],
    ['a bad owner', { ...window, owner: 'group:' }, 'owner', /is not a Group or User ref/],
    ['an empty cluster', { ...window, cluster: ' ' }, 'cluster', /must not be empty/],
    ['a repeated parameter', { ...window, tenant: ['a', 'b'] }, 'tenant', /given more than once/],
    ['a misspelt parameter', { ...window, grupBy: 'owner' }, 'grupBy', /unknown parameter; allowed: from, to, groupBy, step, entityRef, owner, tenant, cluster, namespace/],
  ])('refuses %s', (_, params, field, message) => {
    const result = parseCostQuery(params);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(result.message).toMatch(new RegExp(`^${field}: `));
  });

  it('reports every problem at once', () => {
    const result = parseCostQuery({ from: 'yesterday', groupBy: 'x' });
    expect(result.success || result.errors.map(e => e.field)).toEqual(['from', 'to', 'groupBy']);
  });
});
