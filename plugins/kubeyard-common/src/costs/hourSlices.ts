import { HOUR_MS, MINUTE_MS } from '../backups/duration';

/** The part of one UTC hour that an interval covers. */
export interface HourSlice {
  /** Start of the UTC hour, ISO 8601. */
  hour: string;
  /** The covered part of the hour, epoch milliseconds: (startMs, endMs]. */
  startMs: number;
  endMs: number;
  /** Length of the covered part in minutes (fractional when samples are not on a minute). */
  minutes: number;
}

/** Epoch milliseconds of an ISO 8601 instant or of a number of milliseconds. */
export function toEpochMs(time: string | number): number {
  return typeof time === 'number' ? time : Date.parse(time);
}

/** Start of the UTC hour that contains `ms`. */
export function hourStartMs(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/**
 * Splits the interval (t0, t1] into the UTC hours it touches. An interval ending exactly on an
 * hour boundary belongs to the hour before it (the instant t1 closes that hour), so (12:00, 13:00]
 * is one slice, hour 12:00, 60 minutes. Empty when t1 ≤ t0.
 */
export function hourSlices(t0: string | number, t1: string | number): HourSlice[] {
  const from = toEpochMs(t0);
  const to = toEpochMs(t1);
  if (!(to > from)) return [];
  const slices: HourSlice[] = [];
  for (let hour = hourStartMs(from); hour < to; hour += HOUR_MS) {
    const startMs = Math.max(from, hour);
    const endMs = Math.min(to, hour + HOUR_MS);
    if (endMs > startMs) {
      slices.push({ hour: new Date(hour).toISOString(), startMs, endMs, minutes: (endMs - startMs) / MINUTE_MS });
    }
  }
  return slices;
}
