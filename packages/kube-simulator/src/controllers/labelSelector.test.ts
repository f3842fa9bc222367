import {
  matchesLabelSelector,
  matchesSelectorMap,
  matchesSelectorString,
  parseSelector,
  selectorToString,
} from './labelSelector';

const labels = { app: 'web', tier: 'frontend', env: 'prod' };

describe('matchesSelectorString', () => {
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
  ])('%p → %p', (selector, expected) => {
    expect(matchesSelectorString(selector, labels)).toBe(expected);
  });

  it('explains a bad term', () => {
    expect(() => parseSelector('app in web')).toThrow(
      /invalid label selector term "app in web"/,
    );
  });
});

describe('matchesLabelSelector', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web', env: 'dev' } }, false],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['frontend'] },
        ],
      },
      true,
    ],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [{}, true],
    [undefined, false],
  ])('%j → %p', (selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it('renders the string form', () => {
    expect(
      selectorToString({
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
      }),
    ).toBe('app=web,tier in (a,b)');
  });
});

describe('matchesSelectorMap', () => {
  it('needs every pair and matches nothing when empty', () => {
    expect(matchesSelectorMap({ app: 'web' }, labels)).toBe(true);
    expect(matchesSelectorMap({ app: 'web', x: 'y' }, labels)).toBe(false);
    expect(matchesSelectorMap({}, labels)).toBe(false);
  });
});
