/*
 * Deterministic randomness: the same seed and stream name always give the same sequence, so
 * a seeded scenario produces the same uids, names and controller decisions on every run.
 */
import { seededRandom as mulberry32 } from '../controllers/hash';

function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return h >>> 0;
}

/** A mulberry32 generator for `seed` and a stream name, returning numbers in [0, 1). */
export function seededRandom(seed: number, stream: string): () => number {
  return mulberry32(hashString(`${seed}:${stream}`));
}
