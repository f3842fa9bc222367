import type { TaintInfo, TolerationInfo } from '../fleet/types';
import { acceptsPods, isControlPlaneNode, isNodeReady, isSchedulableFor, tolerates, zonesOf } from './nodes';
import { controlPlane, node, withReadyCondition, worker, workload } from './testing/builders';

describe('tolerates', () => {
  const taint: TaintInfo = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  it.each<[TolerationInfo, boolean]>([
    [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, true],
    [{ key: 'dedicated', value: 'gpu' }, true],
    [{ key: 'dedicated', operator: 'Exists' }, true],
    [{ key: 'dedicated', value: 'cpu' }, false],
    [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ key: 'other', operator: 'Exists' }, false],
    [{ operator: 'Exists' }, true],
    [{ operator: 'Exists', effect: 'NoExecute' }, false],
    [{ operator: 'Equal' }, false],
  ])('%j → %s', (toleration, expected) => {
    expect(tolerates(toleration, taint)).toBe(expected);
  });
});

describe('nodes', () => {
  it('recognises control-plane nodes by role or label', () => {
    expect(isControlPlaneNode(controlPlane('cp'))).toBe(true);
    expect(isControlPlaneNode(node('m', { roles: ['master'] }))).toBe(true);
    expect(isControlPlaneNode(node('m', { roles: [], labels: { 'node-role.kubernetes.io/master': 'true' } }))).toBe(true);
    expect(isControlPlaneNode(worker('w'))).toBe(false);
  });

  it('trusts the Ready condition over the ready flag', () => {
    expect(isNodeReady(worker('w'))).toBe(true);
    expect(isNodeReady(withReadyCondition(worker('w'), 'False'))).toBe(false);
    expect(isNodeReady(withReadyCondition(worker('w'), 'Unknown'))).toBe(false);
    expect(isNodeReady(worker('w', undefined, { ready: false }))).toBe(true);
    expect(isNodeReady(worker('w', undefined, { conditions: [], ready: false }))).toBe(false);
  });

  it('lets untainted nodes and PreferNoSchedule-tainted nodes accept pods', () => {
    expect(acceptsPods(worker('w'))).toBe(true);
    expect(acceptsPods(worker('w', undefined, { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }))).toBe(true);
    expect(acceptsPods(controlPlane('cp'))).toBe(false);
  });

  it.each<[string, Parameters<typeof isSchedulableFor>[0], Partial<ReturnType<typeof workload>['template']>, boolean]>([
    ['a Ready worker', worker('w'), {}, true],
    ['a cordoned worker', worker('w', undefined, { unschedulable: true }), {}, false],
    ['a NotReady worker', withReadyCondition(worker('w'), 'False'), {}, false],
    ['a tainted control-plane node', controlPlane('cp'), {}, false],
    ['a NoExecute-tainted node, tolerated', worker('w', undefined, { taints: [{ key: 'spot', effect: 'NoExecute' }] }), { tolerations: [{ key: 'spot', operator: 'Exists' }] }, true],
    ['a node matching the nodeSelector', worker('w', undefined, { labels: { pool: 'web' } }), { nodeSelector: { pool: 'web' } }, true],
    ['a node not matching the nodeSelector', worker('w', undefined, { labels: { pool: 'batch' } }), { nodeSelector: { pool: 'web' } }, false],
  ])('%s → %s', (_, candidate, template, expected) => {
    expect(isSchedulableFor(candidate, workload({}, template).template)).toBe(expected);
  });

  it('lists distinct zones, sorted, ignoring unlabelled nodes', () => {
    expect(zonesOf([worker('1', 'b'), worker('2', 'a'), worker('3', 'b'), worker('4')])).toEqual(['a', 'b']);
  });
});
