import { splitReplicas } from './replicaSplit';

describe('splitReplicas (KubeFed ReplicaSchedulingPreference)', () => {
  it.each([
    ['equal weights', 9, { a: { weight: 1 }, b: { weight: 1 }, c: { weight: 1 } }, { a: 3, b: 3, c: 3 }],
    ['by weight', 9, { a: { weight: 2 }, b: { weight: 1 } }, { a: 6, b: 3 }],
    ['remainder to the largest fraction, then by name', 10, { a: { weight: 1 }, b: { weight: 1 }, c: { weight: 1 } }, { a: 4, b: 3, c: 3 }],
    ['minimums first', 10, { a: { weight: 1, minReplicas: 6 }, b: { weight: 1 } }, { a: 8, b: 2 }],
    ['maximum clamps, overflow goes to the others', 10, { a: { weight: 3, maxReplicas: 2 }, b: { weight: 1 } }, { a: 2, b: 8 }],
    ['every cluster capped: the rest is not placed', 10, { a: { weight: 1, maxReplicas: 2 }, b: { weight: 1, maxReplicas: 3 } }, { a: 2, b: 3 }],
    ['zero weight gets only its minimum', 6, { a: { weight: 0, minReplicas: 1 }, b: { weight: 1 } }, { a: 1, b: 5 }],
    ['all weights zero: split evenly', 4, { a: { weight: 0 }, b: { weight: 0 } }, { a: 2, b: 2 }],
    ['minimums above the total are scaled back in name order', 3, { a: { weight: 1, minReplicas: 2 }, b: { weight: 1, minReplicas: 2 } }, { a: 2, b: 1 }],
    ['nothing to place', 0, { a: { weight: 1 } }, { a: 0 }],
  ])('%s', (_name, total, preferences, expected) => {
    expect(splitReplicas(total, preferences)).toEqual(expected);
  });

  it('never places more than the total and never exceeds a maximum', () => {
    for (let total = 0; total < 40; total += 1) {
      const prefs = { a: { weight: 3, maxReplicas: 7 }, b: { weight: 2, minReplicas: 1 }, c: { weight: 1, maxReplicas: 4 } };
      const split = splitReplicas(total, prefs);
      const placed = Object.values(split).reduce((s, n) => s + n, 0);
      expect(placed).toBeLessThanOrEqual(total);
      expect(split.a).toBeLessThanOrEqual(7);
      expect(split.c).toBeLessThanOrEqual(4);
      if (total <= 11) expect(placed).toBe(total);
    }
  });
});
