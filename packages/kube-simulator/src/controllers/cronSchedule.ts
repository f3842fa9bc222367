/*
 * Cron schedules as Velero reads them (robfig/cron ParseStandard): five fields, the @daily /
 * @hourly… descriptors, @every <duration>, and an optional CRON_TZ= / TZ= prefix; evaluated in
 * simulated time.
 */
import { CronExpressionParser } from 'cron-parser';

/** A parsed schedule: the next run strictly after a time. */
export interface CronSchedule {
  next(after: Date): Date;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const DURATION_UNITS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

/** Parses a Go duration ("720h", "1h30m", "720h0m0s") into milliseconds; undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(text))
    return text === '0' ? 0 : undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(
    /(\d+(\.\d+)?)(h|ms|m|s|us|µs|ns)/g,
  )) {
    total += Number(amount) * DURATION_UNITS[unit];
  }
  return total;
}

/** Formats milliseconds as Go's time.Duration.String() does for whole seconds ("720h0m0s"). */
export function formatGoDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

/** Parses a schedule, or throws an Error whose message Velero would put after "invalid schedule: ". */
export function parseCronSchedule(expression: string): CronSchedule {
  let text = expression.trim();
  let tz = 'UTC';
  const tzMatch = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (tzMatch) {
    tz = tzMatch[1];
    text = tzMatch[2].trim();
  }
  if (text.startsWith('@every ')) {
    const every = parseGoDuration(text.slice('@every '.length).trim());
    if (!every || every <= 0)
      throw new Error(`failed to parse duration ${text}`);
    return { next: after => new Date(after.getTime() + every) };
  }
  if (text.startsWith('@')) {
    const expanded = DESCRIPTORS[text];
    if (!expanded) throw new Error(`unrecognized descriptor: ${text}`);
    text = expanded;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    throw new Error(
      `expected exactly 5 fields, found ${fields.length}: [${fields.join(
        ' ',
      )}]`,
    );
  }
  // Validate once; cron-parser throws on out-of-range values and bad syntax.
  try {
    CronExpressionParser.parse(text, { tz, currentDate: new Date(0) }).next();
  } catch (err) {
    throw new Error((err as Error).message);
  }
  return {
    next: after =>
      CronExpressionParser.parse(text, {
        tz,
        currentDate: new Date(after.getTime()),
      })
        .next()
        .toDate(),
  };
}

/** Whether a schedule is due at `now` given the last run (robfig: now is after next(last)). */
export function isDue(
  schedule: CronSchedule,
  last: Date,
  now: Date,
): { due: boolean; next: Date } {
  const next = schedule.next(last);
  return { due: now.getTime() >= next.getTime(), next };
}

/** The latest scheduled time in (last, now], used to name the Backup a due schedule creates. */
export function latestRun(
  schedule: CronSchedule,
  last: Date,
  now: Date,
): Date | undefined {
  let run = schedule.next(last);
  if (run.getTime() > now.getTime()) return undefined;
  // Bounded: a schedule far in the past would otherwise iterate for every missed run.
  for (let i = 0; i < 10_000; i++) {
    const following = schedule.next(run);
    if (following.getTime() > now.getTime()) return run;
    run = following;
  }
  return run;
}

/** Velero's TimestampedName format: yyyyMMddHHmmss in UTC. */
export function timestampSuffix(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
