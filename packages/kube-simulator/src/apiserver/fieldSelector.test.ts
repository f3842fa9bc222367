import type { KubeObject } from '../types';
import { fieldMatcher } from './fieldSelector';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'node-a' },
  status: { phase: 'Running' },
};
const PODS = { group: '', resource: 'pods' };

describe('field selectors', () => {
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.namespace!=shop', false],
    ['status.phase=Running,spec.nodeName=node-a', true],
    ['spec.nodeName==node-b', false],
    ['spec.nodeName=', false],
  ])('%p matches: %p', (selector, expected) => {
    expect(fieldMatcher(PODS, selector)(pod)).toBe(expected);
  });

  it('only supports the fields the type registers', () => {
    expect(() => fieldMatcher({ group: '', resource: 'configmaps' }, 'status.phase=Running')).toThrow('field label not supported: status.phase');
    expect(() => fieldMatcher(PODS, 'spec.containers=x')).toThrow('field label not supported: spec.containers');
    expect(() => fieldMatcher({ group: 'example.com', resource: 'widgets' }, 'spec.nodeName=x', true)).toThrow();
    expect(fieldMatcher({ group: '', resource: 'events' }, 'involvedObject.name=web-1')({ ...pod, involvedObject: { name: 'web-1' } })).toBe(true);
  });
});
