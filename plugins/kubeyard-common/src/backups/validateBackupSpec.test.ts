import { validateBackupSpec } from './validateBackupSpec';
import type { BackupSpec } from './veleroTypes';
import { SCHEDULE_PRESETS } from './schedulePresets';

describe('validateBackupSpec (the checks of Velero\'s backup controller)', () => {
  it.each<[string, BackupSpec, string[]]>([
    ['an empty spec backs up everything', {}, []],
    ['includes ["*"] with excludes', { includedNamespaces: ['*'], excludedNamespaces: ['kube-system'] }, []],
    ['namespace wildcards pass as names', { includedNamespaces: ['team-*'] }, []],
    [
      'the includes list must either contain "*" only, or a list of items',
      { includedNamespaces: ['*', 'shop'] },
      [`Invalid included/excluded namespace lists: includes list must either contain '*' only, or a non-empty list of items`],
    ],
    ['the excludes list cannot contain "*"', { excludedNamespaces: ['*'] }, [`Invalid included/excluded namespace lists: excludes list cannot contain '*'`]],
    [
      'the excludes list cannot contain an item of the includes list',
      { includedNamespaces: ['shop'], excludedNamespaces: ['shop'] },
      ['Invalid included/excluded namespace lists: excludes list cannot contain an item in the includes list: shop'],
    ],
    ['namespace names must be DNS labels', { includedNamespaces: ['Shop'] }, [expect.stringContaining('Invalid included/excluded namespace lists: invalid namespace "Shop"')]],
    [
      'the same rules for resources',
      { includedResources: ['*', 'pods'], excludedResources: ['*'] },
      [
        `Invalid included/excluded resource lists: includes list must either contain '*' only, or a non-empty list of items`,
        `Invalid included/excluded resource lists: excludes list cannot contain '*'`,
        // Velero reports the overlap too.
        'Invalid included/excluded resource lists: excludes list cannot contain an item in the includes list: *',
      ],
    ],
    ['the scoped filters allow excluding "*" alone', { excludedNamespaceScopedResources: ['*'] }, []],
    [
      'but not with includes',
      { includedNamespaceScopedResources: ['pods'], excludedNamespaceScopedResources: ['*'] },
      [`Invalid namespace-scoped included/excluded resource lists: when exclude is '*', include cannot have value`],
    ],
    [
      'and the cluster-scoped lists likewise',
      { includedClusterScopedResources: ['a', 'b'], excludedClusterScopedResources: ['b'] },
      ['Invalid cluster-scoped included/excluded resource lists: excludes list cannot contain an item in the includes list: b'],
    ],
    ['old and new resource filters cannot be used together', { includedResources: ['pods'], includedClusterScopedResources: ['persistentvolumes'] }, [expect.stringContaining('They cannot be used together')]],
    ['includeClusterResources counts as an old filter', { includeClusterResources: true, excludedNamespaceScopedResources: ['secrets'] }, [expect.stringContaining('They cannot be used together')]],
    [
      'labelSelector and orLabelSelectors cannot both be set',
      { labelSelector: { matchLabels: { a: 'b' } }, orLabelSelectors: [{ matchLabels: { c: 'd' } }] },
      ['encountered labelSelector as well as orLabelSelectors in backup spec, only one can be specified'],
    ],
    ['a selector operator Kubernetes does not know', { labelSelector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } }, [expect.stringContaining('unknown operator Gt')]],
    ['a ttl that is not a Go duration', { ttl: '30d' }, ['ttl "30d" is not a Go duration such as 720h0m0s']],
  ])('%s', (_, spec, errors) => {
    expect(validateBackupSpec(spec)).toEqual(errors);
  });

  it.each(Object.values(SCHEDULE_PRESETS).map(p => [p.name, p.template] as const))('the %s preset is valid', (_, template) => {
    expect(validateBackupSpec(template)).toEqual([]);
  });
});
