/*
 * Times relative to the scenario start: `startTime: now` and "@start-26h" strings in objects.
 */
import { toKubeTime } from '../controllers/objects';

const RELATIVE = /^@start(?:([+-])((?:\d+[dhms])+))?$/;
const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
};

/** The scenario's start: an ISO time, or "now" rounded down to the hour. */
export function resolveStartTime(
  startTime: string | undefined,
  now: Date = new Date(),
): string | undefined {
  if (startTime === undefined) return undefined;
  if (startTime === 'now') {
    const hour = new Date(now.getTime());
    hour.setUTCMinutes(0, 0, 0);
    return toKubeTime(hour);
  }
  if (Number.isNaN(Date.parse(startTime)))
    throw new Error(
      `startTime "${startTime}" is neither "now" nor an ISO time`,
    );
  return startTime;
}

/** Parses "2d4h30m" into milliseconds. */
export function parseOffset(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([dhms])/g))
    total += Number(amount) * UNIT_MS[unit];
  return total;
}

/** The ISO time a "@start±offset" string denotes, or undefined when the string is not one. */
export function relativeTime(value: string, start: Date): string | undefined {
  const match = RELATIVE.exec(value);
  if (!match) return undefined;
  const offset = match[2]
    ? parseOffset(match[2]) * (match[1] === '-' ? -1 : 1)
    : 0;
  return toKubeTime(new Date(start.getTime() + offset));
}

/** Replaces every "@start…" string in a JSON value with its time (returns a new value). */
export function resolveRelativeTimes<T>(value: T, start: Date): T {
  if (typeof value === 'string')
    return (relativeTime(value, start) ?? value) as T;
  if (Array.isArray(value))
    return value.map(v => resolveRelativeTimes(v, start)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = resolveRelativeTimes(v, start);
    return out as T;
  }
  return value;
}
