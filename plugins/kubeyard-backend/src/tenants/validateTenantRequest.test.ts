import { mergeTenantSpec, TenantValidationError } from './validateTenantRequest';
import { specOf, tenantInput } from './__testUtils__/tenantTestKit';

describe('mergeTenantSpec', () => {
  const stored = specOf(tenantInput('payments', ['alpha', 'beta'], { tier: { preset: 'xs', quotaOverrides: { pods: 20 } }, viewers: ['group:default/auditors'] }));

  it('merges objects, replaces arrays and values, and removes what is null (RFC 7386)', () => {
    const merged = mergeTenantSpec(stored, { tier: { preset: 's', quotaOverrides: { pods: null, secrets: 30 } }, clusters: ['alpha'], viewers: null }) as any;
    expect(merged.tier).toEqual({ preset: 's', quotaOverrides: { secrets: 30 } });
    expect(merged.clusters).toEqual(['alpha']);
    expect(merged).not.toHaveProperty('viewers');
    expect(merged.owner).toBe(stored.owner);
  });

  it('refuses renames and bodies that are not objects, at their field', () => {
    expect(() => mergeTenantSpec(stored, { name: 'other' })).toThrow(TenantValidationError);
    const fieldsOf = (run: () => unknown) => {
      try {
        run();
        return undefined;
      } catch (error) {
        return (error as TenantValidationError).fields;
      }
    };
    expect(fieldsOf(() => mergeTenantSpec(stored, [1]))).toEqual([{ field: '', message: expect.stringMatching(/JSON object/) }]);
    expect(mergeTenantSpec(stored, { name: 'payments' })).toMatchObject({ name: 'payments' });
  });
});
