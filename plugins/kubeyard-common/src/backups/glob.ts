/*
 * Velero's include/exclude lists (pkg/util/collections) match each entry as a gobwas/glob
 * pattern: `*` any run of characters, `?` one character, `[abc]`, `[!abc]`, `[a-z]`, `{a,b}`,
 * `\` escapes. A pattern that does not compile matches nothing.
 */

const SPECIAL = /[*?[\]{}\\]/;

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The RegExp of a glob pattern, anchored at both ends; undefined when it does not compile. */
export function globToRegExp(pattern: string): RegExp | undefined {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 1;
      if (i >= pattern.length) return undefined;
      out += escapeRegExp(pattern[i]);
    } else if (ch === '*') {
      out += '.*';
    } else if (ch === '?') {
      out += '.';
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return undefined;
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      if (body === '') return undefined;
      let set = '';
      for (let j = 0; j < body.length; j += 1) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          if (body[j] > body[j + 2]) return undefined;
          set += `${escapeRegExp(body[j])}-${escapeRegExp(body[j + 2])}`;
          j += 2;
        } else {
          set += escapeRegExp(body[j]);
        }
      }
      out += `[${negated ? '^' : ''}${set}]`;
      i = end;
    } else if (ch === '{') {
      braces += 1;
      out += '(?:';
    } else if (ch === ',' && braces > 0) {
      out += '|';
    } else if (ch === '}' && braces > 0) {
      braces -= 1;
      out += ')';
    } else {
      out += escapeRegExp(ch);
    }
  }
  if (braces > 0) return undefined;
  return new RegExp(`^${out}$`, 's');
}

/** Whether a pattern holds glob syntax (a plain name compares by equality). */
export function isGlob(pattern: string): boolean {
  return SPECIAL.test(pattern);
}

/** A list of patterns compiled once: plain names in a set, globs as RegExps. */
export interface GlobList {
  /** The list is empty. */
  readonly empty: boolean;
  /** The list holds the standalone `*`. */
  readonly star: boolean;
  matches(value: string): boolean;
}

/** Compiles patterns for repeated matching; `fold` lower-cases patterns and values (resource names). */
export function compileGlobList(patterns: readonly string[] | null | undefined, fold = false): GlobList {
  const list = (patterns ?? []).map(p => (fold ? p.toLowerCase() : p));
  const literals = new Set<string>();
  const globs: RegExp[] = [];
  for (const pattern of list) {
    if (!isGlob(pattern)) {
      literals.add(pattern);
      continue;
    }
    const regExp = globToRegExp(pattern);
    if (regExp) globs.push(regExp);
  }
  return {
    empty: list.length === 0,
    star: list.includes('*'),
    matches(value: string) {
      const v = fold ? value.toLowerCase() : value;
      return literals.has(v) || globs.some(g => g.test(v));
    },
  };
}
