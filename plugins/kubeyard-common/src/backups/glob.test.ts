import { compileGlobList, globToRegExp } from './glob';

describe('globToRegExp (gobwas/glob, as Velero matches include and exclude entries)', () => {
  it.each<[string, string, boolean]>([
    ['team-*', 'team-a', true],
    ['team-*', 'team-', true],
    ['team-*', 'teams', false],
    ['*-prod', 'shop-prod', true],
    ['*-prod', 'shop-prod-2', false],
    ['team-?', 'team-a', true],
    ['team-?', 'team-ab', false],
    ['team-[ab]', 'team-b', true],
    ['team-[ab]', 'team-c', false],
    ['team-[!ab]', 'team-c', true],
    ['team-[!ab]', 'team-a', false],
    ['team-[a-c]', 'team-b', true],
    ['team-[a-c]', 'team-d', false],
    ['{shop,billing}-prod', 'billing-prod', true],
    ['{shop,billing}-prod', 'auth-prod', false],
    ['shop.prod', 'shopxprod', false], // a dot is literal
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
  ])('%p matches %p: %p', (pattern, value, expected) => {
    expect(globToRegExp(pattern)!.test(value)).toBe(expected);
  });

  it.each(['team-[ab', 'team-{a,b', 'trailing\\', 'team-[]', 'team-[z-a]'])('%p does not compile', pattern => {
    expect(globToRegExp(pattern)).toBeUndefined();
  });
});

describe('compileGlobList', () => {
  it('matches literal names, globs, and nothing for a pattern that does not compile', () => {
    const list = compileGlobList(['shop', 'team-*', 'bad-[']);
    expect([list.matches('shop'), list.matches('team-x'), list.matches('bad-['), list.matches('other')]).toEqual([true, true, false, false]);
    expect([list.empty, list.star]).toEqual([false, false]);
  });

  it('reports an empty list and the standalone *', () => {
    expect(compileGlobList(undefined).empty).toBe(true);
    expect(compileGlobList(['*']).star).toBe(true);
  });

  it('folds case when asked (resource names)', () => {
    expect(compileGlobList(['Deployments.apps'], true).matches('deployments.APPS')).toBe(true);
    expect(compileGlobList(['Deployments.apps']).matches('deployments.apps')).toBe(false);
  });
});
