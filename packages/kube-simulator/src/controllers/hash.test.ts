import {
  fnv1a32,
  hashToUnit,
  hexDigest,
  randomSuffix,
  safeEncode,
  seededRandom,
} from './hash';

describe('hash', () => {
  it('is deterministic', () => {
    expect(fnv1a32('payments-api')).toBe(fnv1a32('payments-api'));
    expect(hashToUnit('a', 1)).toBe(hashToUnit('a', 1));
    expect(hashToUnit('a', 1)).not.toBe(hashToUnit('a', 2));
    expect(hexDigest('x', 64)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('encodes like rand.SafeEncodeString (pod-template-hash alphabet)', () => {
    expect(safeEncode(1234567890)).toBe('56789bcdf4');
    expect(safeEncode(fnv1a32('template'))).toMatch(/^[4-9bcdf]+$/);
  });

  it('seeded random repeats for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every(n => n >= 0 && n < 1)).toBe(true);
    expect(randomSuffix(seededRandom(1))).toMatch(
      /^[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  });
});
