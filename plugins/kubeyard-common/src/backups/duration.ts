/*
 * Durations: Go's time.ParseDuration form, which Velero uses for ttl and `@every`, and the
 * short form the findings' messages use.
 */

/** Milliseconds in a second. */
export const SECOND_MS = 1000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60 * SECOND_MS;
/** Milliseconds in an hour. */
export const HOUR_MS = 60 * MINUTE_MS;
/** Milliseconds in a day (Go has no day unit; Velero ttls are in hours). */
export const DAY_MS = 24 * HOUR_MS;

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5 micro sign
  'μs': 1e-3, // U+03BC Greek mu; Go accepts both
  ms: 1,
  s: SECOND_MS,
  m: MINUTE_MS,
  h: HOUR_MS,
};

const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds of a Go duration (`720h0m0s`, `1h30m`, `-1.5h`, `0`), or undefined when Go would
 * reject it: Go has no day unit, and every number needs a unit except a bare `0`.
 */
export function parseGoDuration(text: string): number | undefined {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  TERM.lastIndex = 0;
  let total = 0;
  while (TERM.lastIndex < rest.length) {
    const match = TERM.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return sign * total;
}

/** `45s`, `30m`, `1h`, `1h 30m`, `26h`, `3d`, `7d 2h`: for people, not for Go. */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < MINUTE_MS) return `${sign}${Math.round(abs / SECOND_MS)}s`;
  if (abs < HOUR_MS) return `${sign}${Math.round(abs / MINUTE_MS)}m`;
  // Hours up to two days read better than `1d 2h` for backup ages around the 24 h mark.
  if (abs < 2 * DAY_MS) {
    const minutes = Math.round(abs / MINUTE_MS);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `${sign}${hours}h${rest ? ` ${rest}m` : ''}`;
  }
  const hours = Math.round(abs / HOUR_MS);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${sign}${days}d${rest ? ` ${rest}h` : ''}`;
}

/** Milliseconds since the epoch of an RFC 3339 timestamp, or undefined when absent or malformed. */
export function timestampMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
