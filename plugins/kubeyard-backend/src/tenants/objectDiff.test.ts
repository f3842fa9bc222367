import { comparable, diffObjects } from './objectDiff';

const live = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'q', namespace: 'n', resourceVersion: '7', uid: 'u', generation: 2, creationTimestamp: '2025-01-01T00:00:00Z', managedFields: [{}], labels: { a: '1' } },
  spec: { hard: { pods: '25', 'requests.cpu': '5' } },
  status: { used: { pods: '3' } },
};

describe('diffObjects', () => {
  it('ignores what the API server maintains', () => {
    expect(comparable(live)).toEqual({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'n', labels: { a: '1' } }, spec: { hard: { pods: '25', 'requests.cpu': '5' } } });
    expect(diffObjects(live, { ...live, metadata: { ...live.metadata, resourceVersion: '8' }, status: {} })).toEqual([]);
  });

  it('names each changed, added and removed field with both values', () => {
    const after = {
      ...live,
      metadata: { ...live.metadata, labels: { b: '2' } },
      spec: { hard: { pods: '50', 'requests.cpu': '5', secrets: '10' } },
    };
    expect(diffObjects(live, after)).toEqual([
      { path: 'metadata.labels.a', before: '1' },
      { path: 'metadata.labels.b', after: '2' },
      { path: 'spec.hard.pods', before: '25', after: '50' },
      { path: 'spec.hard.secrets', after: '10' },
    ]);
  });

  it('compares lists element by element, or whole when their length changes', () => {
    const role = (verbs: string[][]) => ({ apiVersion: 'v1', kind: 'Role', metadata: { name: 'r' }, rules: verbs.map(v => ({ verbs: v })) });
    expect(diffObjects(role([['get'], ['list']]), role([['get'], ['watch']]))).toEqual([{ path: 'rules[1].verbs[0]', before: 'list', after: 'watch' }]);
    expect(diffObjects(role([['get']]), role([['get'], ['list']]))).toEqual([{ path: 'rules', before: [{ verbs: ['get'] }], after: [{ verbs: ['get'] }, { verbs: ['list'] }] }]);
  });
});
