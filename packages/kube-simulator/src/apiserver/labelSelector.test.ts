import { StatusError } from './errors';
import {
  formatLabelSelectorObject,
  labelMatcher,
  labelSelectorObjectMatcher,
  LabelSelectorParseError,
  matchesLabelSelector,
  matchesNodeSelectorRequirements,
  matchesSelectorMap,
  parseLabelSelector,
} from './labelSelector';

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

  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['tier in (frontend,backend)', true],
    ['tier notin (frontend)', false],
    ['env', true],
    ['!env', false],
    ['!legacy', true],
    ['app=web,tier in (a, frontend),!legacy', true],
    ['app=web,env=dev', false],
  ])('%p matches app=web,tier=frontend,env=prod: %p', (selector, expected) => {
    expect(labelMatcher(selector)({ app: 'web', tier: 'frontend', env: 'prod' })).toBe(expected);
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

  it('names the bad term', () => {
    let error: unknown;
    try {
      parseLabelSelector('app=web,app in web');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LabelSelectorParseError);
    expect(error).toMatchObject({ term: 'app in web', selector: 'app=web,app in web' });
  });

  it('compiles metav1.LabelSelector objects', () => {
    const m = labelSelectorObjectMatcher({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    expect(m(labels)).toBe(true);
    expect(m({ app: 'web', tier: 'db' })).toBe(false);
    expect(labelSelectorObjectMatcher({})({})).toBe(true);
    expect(labelSelectorObjectMatcher(undefined)({})).toBe(false);
    expect(formatLabelSelectorObject({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] })).toBe('app=web,x');
  });

  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web', env: 'dev' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [{}, true],
    [undefined, false],
  ])('matchesLabelSelector(%j) → %p', (selector, expected) => {
    expect(matchesLabelSelector(selector, { app: 'web', tier: 'frontend', env: 'prod' })).toBe(expected);
  });

  it('reuses the matcher of a frozen selector', () => {
    const selector = Object.freeze({ matchLabels: Object.freeze({ app: 'web' }) });
    expect(labelSelectorObjectMatcher(selector)).toBe(labelSelectorObjectMatcher(selector));
  });

  it('renders the string form', () => {
    expect(
      formatLabelSelectorObject({
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
      }),
    ).toBe('app=web,tier in (a,b)');
  });

  it('matches selector maps: every pair, and nothing when empty', () => {
    const pod = { app: 'web', tier: 'frontend', env: 'prod' };
    expect(matchesSelectorMap({ app: 'web' }, pod)).toBe(true);
    expect(matchesSelectorMap({ app: 'web', x: 'y' }, pod)).toBe(false);
    expect(matchesSelectorMap({}, pod)).toBe(false);
  });

  it('matches node selector requirements, with Gt and Lt', () => {
    const node = { 'topology.kubernetes.io/zone': 'a', cores: '16' };
    expect(matchesNodeSelectorRequirements(undefined, node)).toBe(true);
    expect(matchesNodeSelectorRequirements([{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] }], node)).toBe(true);
    expect(matchesNodeSelectorRequirements([{ key: 'cores', operator: 'Gt', values: ['8'] }], node)).toBe(true);
    expect(matchesNodeSelectorRequirements([{ key: 'cores', operator: 'Lt', values: ['8'] }], node)).toBe(false);
    expect(matchesNodeSelectorRequirements([{ key: 'cores', operator: 'Near', values: ['8'] }], node)).toBe(false);
    expect(labelSelectorObjectMatcher({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] })(node)).toBe(false);
  });
});
