import { decodeEntityRefLabel, encodeEntityRefLabel, tenantLabels, tenantSelector } from './conventions';
import { matchesLabelSelector } from '../selectors/labelSelector';

describe('entity ref labels', () => {
  it.each([
    ['group:default/team-payments', 'group.default.team-payments'],
    ['group:acme-corp/sre_team.eu', 'group.acme-corp.sre_team.eu'],
    ['Group:default/Team-A', 'group.default.Team-A'],
    ['user:default/alice', 'user.default.alice'],
  ])('%s ⇄ %s', (ref, encoded) => {
    expect(encodeEntityRefLabel(ref)).toBe(encoded);
    expect(decodeEntityRefLabel(encoded)).toBe(ref.replace(/^[^:]+/, k => k.toLowerCase()));
  });

  it.each(['team-payments', 'group:team-payments', 'group:default/', 'group:Default/x'])('refuses to encode %s', ref => {
    expect(() => encodeEntityRefLabel(ref)).toThrow(/kind:namespace\/name/);
  });

  it.each(['team-payments', 'group.default', 'group..x', 'Group.default.x'])('does not decode %s', value => {
    expect(decodeEntityRefLabel(value)).toBeUndefined();
  });
});

describe('tenant labels and selector', () => {
  const labels = tenantLabels({ name: 'payments', owner: 'group:default/team-payments', costCenter: 'cc-1', environment: 'production' });

  it('carries the Kubeyard conventions', () => {
    expect(labels).toEqual({
      'app.kubernetes.io/managed-by': 'kubeyard',
      'kubeyard.io/cost-center': 'cc-1',
      'kubeyard.io/environment': 'production',
      'kubeyard.io/owner': 'group.default.team-payments',
      'kubeyard.io/tenant': 'payments',
    });
  });

  it('selects the tenant and nothing else', () => {
    expect(tenantSelector('payments')).toBe('app.kubernetes.io/managed-by=kubeyard,kubeyard.io/tenant=payments');
    expect(matchesLabelSelector(labels, tenantSelector('payments'))).toBe(true);
    expect(matchesLabelSelector(labels, tenantSelector('payments-db'))).toBe(false);
    expect(matchesLabelSelector({ ...labels, 'app.kubernetes.io/managed-by': 'helm' }, tenantSelector('payments'))).toBe(false);
  });
});
