/*
 * Schedule.spec.schedule as Velero reads it: robfig/cron's ParseStandard, which takes exactly
 * five fields, the descriptors @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly,
 * `@every <Go duration>`, and an optional `CRON_TZ=<zone>` (or `TZ=`) prefix. Without a zone,
 * Velero's controller computes runs in UTC. cron-parser walks the runs; it accepts more than
 * robfig (seconds, L, W, #, @weekdays, day-of-week 7), so the grammar is checked here first:
 * what Velero would refuse must not look valid on a dashboard. One known difference remains:
 * with a day-of-month step such as `*∕2` and a restricted day of week, robfig requires both
 * days to match and cron-parser either.
 */
import { InputError } from '@backstage/errors';
import { CronExpressionParser } from 'cron-parser';
import { DAY_MS, SECOND_MS, parseGoDuration } from './duration';

/** Thrown for a schedule Velero's controller would mark FailedValidation (or that never runs). */
export class InvalidCronError extends InputError {
  /** The rejected schedule, verbatim. */
  readonly expression: string;

  constructor(expression: string, reason: string) {
    super(`${JSON.stringify(expression)} is not a Velero schedule: ${reason}`);
    this.expression = expression;
  }
}

/** A schedule parsed the way Velero parses it. */
export type VeleroCron =
  | { kind: 'cron'; /** Five fields, descriptors expanded. */ fields: string; tz: string }
  | { kind: 'every'; everyMs: number };

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** robfig/cron's bounds per field; day-of-week 7 is out of range there, unlike in Vixie cron. */
const FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: DAYS },
];

function fieldValue(text: string, field: (typeof FIELDS)[number]): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index < 0) return undefined;
  return field === FIELDS[3] ? index + 1 : index;
}

/** Why one field breaks robfig's grammar, or undefined. */
function fieldProblem(text: string, field: (typeof FIELDS)[number]): string | undefined {
  for (const part of text.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || range === '') return `cannot read ${field.name} "${part}"`;
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0)) {
      return `the step of ${field.name} "${part}" must be a positive number`;
    }
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `cannot read ${field.name} "${part}"`;
    const values = bounds.map(bound => fieldValue(bound, field));
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i];
      if (value === undefined) return `cannot read ${field.name} "${bounds[i]}" (L, W and # are not supported)`;
      if (value < field.min || value > field.max) {
        return `${field.name} ${value} is out of range ${field.min}-${field.max}`;
      }
    }
    if (values.length === 2 && values[0]! > values[1]!) return `${field.name} range "${range}" runs backwards`;
  }
  return undefined;
}

function isKnownZone(tz: string): boolean {
  try {
    // Throws RangeError for a zone the runtime's tz database does not know; no Node API needed.
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** Parses a Schedule's spec.schedule as Velero does; throws InvalidCronError otherwise. */
export function parseVeleroCron(expression: string): VeleroCron {
  let spec = expression.trim();
  if (spec === '') throw new InvalidCronError(expression, 'Schedule must be a non-empty valid Cron expression');
  let tz = 'UTC';
  const zone = /^(?:CRON_TZ|TZ)=(\S*)\s+/.exec(spec);
  if (zone) {
    // The Velero container's Local is UTC.
    tz = zone[1] === 'Local' ? 'UTC' : zone[1];
    if (!isKnownZone(tz)) throw new InvalidCronError(expression, `unknown time zone "${zone[1]}"`);
    spec = spec.slice(zone[0].length).trim();
  }
  if (spec.startsWith('@every ')) {
    const everyMs = parseGoDuration(spec.slice('@every '.length));
    if (everyMs === undefined) throw new InvalidCronError(expression, 'the duration after @every is not a Go duration such as 6h or 90m');
    // robfig truncates to whole seconds and runs at least once a second.
    return { kind: 'every', everyMs: Math.max(SECOND_MS, everyMs - (everyMs % SECOND_MS)) };
  }
  if (spec.startsWith('@')) {
    // robfig matches descriptors case-sensitively, unlike month and weekday names.
    const fields = DESCRIPTORS[spec];
    if (!fields) throw new InvalidCronError(expression, `unrecognized descriptor ${spec}`);
    return { kind: 'cron', fields, tz };
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) {
    throw new InvalidCronError(expression, `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`);
  }
  for (let i = 0; i < 5; i += 1) {
    const problem = fieldProblem(fields[i], FIELDS[i]);
    if (problem) throw new InvalidCronError(expression, problem);
  }
  const parsed: VeleroCron = { kind: 'cron', fields: fields.join(' '), tz };
  nextRuns(parsed, new Date(0), 1, expression); // rejects dates that never come, e.g. 30 February
  return parsed;
}

/** Whether Velero accepts the schedule. */
export function isValidVeleroCron(expression: string): boolean {
  try {
    parseVeleroCron(expression);
    return true;
  } catch {
    return false;
  }
}

function nextRuns(cron: VeleroCron, from: Date, count: number, expression: string, until?: number): number[] {
  const runs: number[] = [];
  if (cron.kind === 'every') {
    // robfig's ConstantDelaySchedule counts from the previous run; from `from` is its steady state.
    for (let i = 1; i <= count; i += 1) runs.push(from.getTime() + i * cron.everyMs);
    return runs;
  }
  try {
    const iterator = CronExpressionParser.parse(cron.fields, { currentDate: from, tz: cron.tz });
    while (runs.length < count || (until !== undefined && runs[runs.length - 1] <= until)) {
      runs.push(iterator.next().getTime());
    }
  } catch (error) {
    throw new InvalidCronError(expression, `it never runs (${(error as Error).message})`);
  }
  return runs;
}

/** The first run strictly after `from`. */
export function nextRun(expression: string, from: Date): Date {
  return new Date(nextRuns(parseVeleroCron(expression), from, 1, expression)[0]);
}

const WINDOW_MS = 7 * DAY_MS;
const intervalCache = new Map<string, number>();
const CACHE_SIZE = 512;

/**
 * The longest gap, in ms, between consecutive runs starting in the 7 days after `from`:
 * `0 2 * * *` → 24 h, `0 1 * * 0` → 7 d, `*∕30 * * * *` → 30 min, `0 2 * * 1-5` → 72 h (the
 * weekend). At least two runs are always taken, so a monthly schedule gives its month. That
 * gap is the most data a schedule can lose, which is what an RPO bounds.
 */
export function scheduleInterval(expression: string, from: Date): number {
  // An every-minute schedule takes 10,080 steps; results are cached per expression and instant
  // because one evaluation asks about the same few schedules with the same `now`.
  const key = `${from.getTime()}|${expression}`;
  const cached = intervalCache.get(key);
  if (cached !== undefined) return cached;
  const cron = parseVeleroCron(expression);
  if (cron.kind === 'every') return cron.everyMs;
  const runs = nextRuns(cron, from, 2, expression, from.getTime() + WINDOW_MS);
  let longest = 0;
  for (let i = 1; i < runs.length; i += 1) longest = Math.max(longest, runs[i] - runs[i - 1]);
  if (intervalCache.size >= CACHE_SIZE) intervalCache.delete(intervalCache.keys().next().value as string);
  intervalCache.set(key, longest);
  return longest;
}

/** scheduleInterval, or undefined for a schedule Velero would refuse. */
export function tryScheduleInterval(expression: string, from: Date): number | undefined {
  try {
    return scheduleInterval(expression, from);
  } catch {
    return undefined;
  }
}
