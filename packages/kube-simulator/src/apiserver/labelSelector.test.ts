import { StatusError } from './errors';
import { formatLabelSelectorObject, labelMatcher, labelSelectorObjectMatcher, parseLabelSelector } from './labelSelector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', 'example.com/team': 'a' };

  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['tier in (frontend, backend)', true],
    ['tier notin (frontend)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['example.com/team=a,app=web', true],
    ['app=web,tier=backend', false],
  ])('%p matches: %p', (selector, expected) => {
    expect(labelMatcher(selector)(labels)).toBe(expected);
  });

  it('supports gt/lt on integer values', () => {
    expect(labelMatcher('replicas>2')({ replicas: '3' })).toBe(true);
    expect(labelMatcher('replicas<2')({ replicas: '3' })).toBe(false);
  });

  it.each(['app=(x', 'in (a)', 'a b c', 'app=web!', 'Bad Key=1'])('rejects %p with 400 BadRequest', bad => {
    let error: unknown;
    try {
      parseLabelSelector(bad);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StatusError);
    expect((error as StatusError).status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('compiles metav1.LabelSelector objects', () => {
    const m = labelSelectorObjectMatcher({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    expect(m(labels)).toBe(true);
    expect(m({ app: 'web', tier: 'db' })).toBe(false);
    expect(labelSelectorObjectMatcher({})({})).toBe(true);
    expect(labelSelectorObjectMatcher(undefined)({})).toBe(false);
    expect(formatLabelSelectorObject({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] })).toBe('app=web,x');
  });
});
