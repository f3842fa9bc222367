import { LabelSelectorError, matchesLabelSelector, parseLabelSelector } from './labelSelector';

const labels = { app: 'web', tier: 'frontend', 'backstage.io/kubernetes-id': 'payments-api' };

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['tier in (frontend, backend)', true],
    ['tier in (backend)', false],
    ['tier notin (backend)', true],
    ['missing notin (a)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['app=web,tier in (frontend),!legacy', true],
    ['backstage.io/kubernetes-id=payments-api', true],
  ])('%j matches %j', (selector, expected) => {
    expect(matchesLabelSelector(labels, selector)).toBe(expected);
  });

  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, false],
    [{ matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] }, true],
    [{}, true],
  ])('structured %j matches %j', (selector, expected) => {
    expect(matchesLabelSelector(labels, selector)).toBe(expected);
  });

  it('rejects what it cannot read, naming the term', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector('app in web')).toThrow(/cannot read "app in web"/);
    expect(() => matchesLabelSelector(labels, { matchExpressions: [{ key: 'a', operator: 'Gt' }] })).toThrow(/unknown operator Gt/);
  });
});
