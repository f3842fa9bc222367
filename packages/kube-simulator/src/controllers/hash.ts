/*
 * Deterministic hashing and pseudo-randomness: the simulator must produce the same names,
 * IPs and usage for the same inputs, run after run.
 */
import { SAFE_ALPHABET } from '../apiserver/storeMeta';

export { randomSuffix } from '../apiserver/storeMeta';

/** FNV-1a 32-bit hash of a string. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A number in [0, 1) derived from the hash of the given parts. */
export function hashToUnit(...parts: Array<string | number>): number {
  // A second mixing round spreads near-identical inputs (uid + consecutive minutes).
  let h = fnv1a32(parts.join('\u0000'));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

/** Lowercase hex digest of the given length (up to 64), derived from the text. */
export function hexDigest(text: string, length: number): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    out += fnv1a32(`${round}:${text}`).toString(16).padStart(8, '0');
    round++;
  }
  return out.slice(0, length);
}

/** Encodes a number with the Kubernetes "safe" alphabet, exactly like rand.SafeEncodeString(fmt.Sprint(n)). */
export function safeEncode(value: number): string {
  let out = '';
  for (const digit of String(value >>> 0)) {
    out += SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length];
  }
  return out;
}

/** mulberry32: a small, fast, seedable PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
}
