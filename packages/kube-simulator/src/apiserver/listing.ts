/*
 * List pagination with `limit` and opaque `continue` tokens. Tokens carry the list's
 * resourceVersion and the key to start after, encoded like the real API server's
 * (base64 JSON `{"v":"meta.k8s.io/v1","rv":N,"start":"ns/name\u0000"}`).
 */
import type { KubeObject } from '../types';
import { badRequest } from './errors';
import { objectKey } from './objectIndex';

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

/** Encodes a continue token. */
export function encodeContinue(rv: number, lastKey: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

/** Decodes a continue token; 400 BadRequest when it is not one of ours. */
export function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as ContinueToken;
    if (token.v !== 'meta.k8s.io/v1' || typeof token.start !== 'string' || typeof token.rv !== 'number') throw new Error('unknown version');
    return token;
  } catch (err) {
    throw badRequest(`continue key is not valid: ${(err as Error).message}`);
  }
}

function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name!);
}

/** The first index whose key is >= start (items are sorted by key). */
function lowerBound(items: KubeObject[], start: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of a sorted list. */
export interface Page {
  items: KubeObject[];
  resourceVersion: number;
  continue?: string;
  remainingItemCount?: number;
}

/**
 * Selects the page of `sorted` (already in key order) that matches `matches`, honouring
 * `limit` and `continue`. remainingItemCount is reported only without selectors, as upstream.
 */
export function paginate(
  sorted: KubeObject[],
  matches: ((obj: KubeObject) => boolean) | undefined,
  options: { limit?: number; continue?: string },
  currentRv: number,
): Page {
  let start = 0;
  let rv = currentRv;
  if (options.continue) {
    const token = decodeContinue(options.continue);
    start = lowerBound(sorted, token.start);
    rv = token.rv;
  }
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const items: KubeObject[] = [];
  let i = start;
  for (; i < sorted.length && items.length < limit; i++) {
    if (!matches || matches(sorted[i])) items.push(sorted[i]);
  }
  let more = false;
  for (let j = i; j < sorted.length && !more; j++) more = !matches || matches(sorted[j]);
  if (!more || items.length === 0) return { items, resourceVersion: rv };
  const page: Page = { items, resourceVersion: rv, continue: encodeContinue(rv, keyOf(items[items.length - 1])) };
  if (!matches) page.remainingItemCount = sorted.length - i;
  return page;
}
