import { resolveIntOrPercent } from './intOrPercent';
import { resolveDeploymentStrategy } from './rollingUpdate';
import { workload } from './testing/builders';
import { describeBytes, describeCores, describePercent, listNames, plural, sentence } from './text';

describe('resolveIntOrPercent', () => {
  it.each<[string | number, number, boolean, number | undefined]>([
    [2, 10, true, 2],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['100%', 3, true, 3],
    ['0%', 3, true, 0],
    ['33%', 3, false, 0],
    ['2', 10, true, undefined],
    ['25 %', 10, true, undefined],
    [-1, 10, true, undefined],
    [1.5, 10, true, undefined],
  ])('%j of %d (round up %s) is %p', (value, total, roundUp, expected) => {
    expect(resolveIntOrPercent(value, total, roundUp)).toBe(expected);
  });
});

describe('resolveDeploymentStrategy', () => {
  it.each<[Parameters<typeof workload>[0], ReturnType<typeof resolveDeploymentStrategy>]>([
    [{ strategy: { type: 'Recreate' } }, { type: 'Recreate' }],
    [{ strategy: undefined, desiredReplicas: 10 }, { type: 'RollingUpdate', maxUnavailable: 2, maxSurge: 3, maxUnavailableText: '25%' }],
    [{ strategy: { type: 'RollingUpdate', maxUnavailable: 0, maxSurge: 1 } }, { type: 'RollingUpdate', maxUnavailable: 0, maxSurge: 1, maxUnavailableText: '0' }],
    [{ strategy: { type: 'RollingUpdate', maxUnavailable: '20%', maxSurge: 0 } }, { type: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, maxUnavailableText: '20%' }],
    [{ strategy: { type: 'RollingUpdate', maxUnavailable: 'x', maxSurge: 0 } }, undefined],
  ])('%j → %j', (target, expected) => {
    expect(resolveDeploymentStrategy(workload(target))).toEqual(expected);
  });
});

describe('message wording', () => {
  it.each<[number, string]>([
    [1, '1 core'],
    [2, '2 cores'],
    [0.25, '0.25 cores'],
    [1.714285, '1.71 cores'],
  ])('describeCores(%p) is %j', (cores, text) => {
    expect(describeCores(cores)).toBe(text);
  });

  it.each<[number, string]>([
    [100, '100'],
    [1536, '1.5Ki'],
    [1024 ** 3, '1Gi'],
    [1.25 * 1024 ** 3, '1.3Gi'],
    [-4 * 1024 ** 3, '-4Gi'],
  ])('describeBytes(%p) is %j', (bytes, text) => {
    expect(describeBytes(bytes)).toBe(text);
  });

  it('writes percentages, plurals, lists and sentences', () => {
    expect(describePercent(0.824)).toBe('82%');
    expect(plural(1, 'replica')).toBe('1 replica');
    expect(plural(3, 'replica')).toBe('3 replicas');
    expect(plural(2, 'node is', 'nodes are')).toBe('2 nodes are');
    expect(listNames([])).toBe('');
    expect(listNames(['a'])).toBe('a');
    expect(listNames(['a', 'b'])).toBe('a and b');
    expect(listNames(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
    expect(sentence('add a probe')).toBe('Add a probe');
  });
});
