import { InvalidCronError, isValidVeleroCron, nextRun, parseVeleroCron, scheduleInterval, tryScheduleInterval } from './cron';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './duration';

/** Wednesday 5 March 2025, 12:00 UTC. */
const FROM = new Date('2025-03-05T12:00:00Z');

describe('scheduleInterval: the longest gap between runs in the next 7 days', () => {
  it.each<[string, number]>([
    ['0 2 * * *', DAY_MS], // the daily preset
    ['0 1 * * 0', 7 * DAY_MS], // the weekly-full preset
    ['0 * * * *', HOUR_MS], // the hourly preset
    ['*/5 * * * *', 5 * MINUTE_MS],
    ['*/30 * * * *', 30 * MINUTE_MS],
    ['* * * * *', MINUTE_MS],
    ['0 2 * * 1-5', 3 * DAY_MS], // Friday 02:00 to Monday 02:00
    ['0 2 * * MON-FRI', 3 * DAY_MS],
    ['0 */6 * * *', 6 * HOUR_MS],
    ['0 8,20 * * *', 12 * HOUR_MS],
    ['0 9 * * *', DAY_MS],
    ['15 2 * * *', DAY_MS],
    ['0 0 1 * *', 30 * DAY_MS], // 1 April to 1 May: at least two runs are taken
    ['@daily', DAY_MS],
    ['@midnight', DAY_MS],
    ['@hourly', HOUR_MS],
    ['@weekly', 7 * DAY_MS],
    ['@every 6h', 6 * HOUR_MS],
    ['@every 90m', 90 * MINUTE_MS],
    ['@every 1500ms', 1000], // robfig truncates to whole seconds
    ['@every 100ms', 1000], // and runs at most once a second
    ['CRON_TZ=Asia/Shanghai 0 2 * * *', DAY_MS],
    ['TZ=UTC 0 2 * * *', DAY_MS],
  ])('%p → %d ms', (expression, interval) => {
    expect(scheduleInterval(expression, FROM)).toBe(interval);
  });

  it('counts the 25 h day when a zone with daylight saving time falls back', () => {
    // Europe/Berlin leaves summer time on Sunday 26 October 2025.
    expect(scheduleInterval('CRON_TZ=Europe/Berlin 0 2 * * *', new Date('2025-10-22T00:00:00Z'))).toBe(25 * HOUR_MS);
    expect(scheduleInterval('0 2 * * *', new Date('2025-10-22T00:00:00Z'))).toBe(DAY_MS);
  });

  it('gives the same answer twice (the cache holds per expression and instant)', () => {
    expect(scheduleInterval('*/5 * * * *', FROM)).toBe(scheduleInterval('*/5 * * * *', FROM));
  });

  it('throws InvalidCronError for what Velero refuses; tryScheduleInterval gives undefined', () => {
    expect(() => scheduleInterval('every day', FROM)).toThrow(InvalidCronError);
    expect(tryScheduleInterval('every day', FROM)).toBeUndefined();
  });
});

describe('parseVeleroCron (robfig/cron ParseStandard, what Velero accepts)', () => {
  it.each<[string, ReturnType<typeof parseVeleroCron>]>([
    ['0 2 * * *', { kind: 'cron', fields: '0 2 * * *', tz: 'UTC' }],
    ['  0   2 * * *  ', { kind: 'cron', fields: '0 2 * * *', tz: 'UTC' }],
    ['@yearly', { kind: 'cron', fields: '0 0 1 1 *', tz: 'UTC' }],
    ['@annually', { kind: 'cron', fields: '0 0 1 1 *', tz: 'UTC' }],
    ['@monthly', { kind: 'cron', fields: '0 0 1 * *', tz: 'UTC' }],
    ['CRON_TZ=Asia/Shanghai @daily', { kind: 'cron', fields: '0 0 * * *', tz: 'Asia/Shanghai' }],
    ['TZ=Local 0 2 * * *', { kind: 'cron', fields: '0 2 * * *', tz: 'UTC' }],
    ['@every 1h30m', { kind: 'every', everyMs: 90 * MINUTE_MS }],
    ['0 2 ? * *', { kind: 'cron', fields: '0 2 ? * *', tz: 'UTC' }],
    ['5/15 * * jan-mar sun', { kind: 'cron', fields: '5/15 * * jan-mar sun', tz: 'UTC' }],
  ])('accepts %p', (expression, parsed) => {
    expect(parseVeleroCron(expression)).toEqual(parsed);
  });

  it.each<[string, string]>([
    ['', 'Schedule must be a non-empty valid Cron expression'],
    ['0 0 2 * * *', 'expected exactly 5 fields'], // seconds are not accepted
    ['0 2 * *', 'expected exactly 5 fields'],
    ['60 * * * *', 'minute 60 is out of range 0-59'],
    ['0 24 * * *', 'hour 24 is out of range 0-23'],
    ['0 2 0 * *', 'day of month 0 is out of range 1-31'],
    ['0 2 * 13 *', 'month 13 is out of range 1-12'],
    ['0 2 * * 7', 'day of week 7 is out of range 0-6'], // robfig has no 7 for Sunday
    ['0 2 L * *', 'L, W and # are not supported'],
    ['0 2 * * 5#3', 'L, W and # are not supported'],
    ['*/0 * * * *', 'must be a positive number'],
    ['0 5-2 * * *', 'runs backwards'],
    ['@weekdays', 'unrecognized descriptor'],
    ['@DAILY', 'unrecognized descriptor'], // robfig matches descriptors case-sensitively
    ['@every', 'unrecognized descriptor'],
    ['@every 1d', 'not a Go duration'],
    ['CRON_TZ=Mars/Olympus 0 2 * * *', 'unknown time zone "Mars/Olympus"'],
    ['0 0 30 2 *', 'never runs'], // 30 February
  ])('refuses %p (%s)', (expression, reason) => {
    expect(() => parseVeleroCron(expression)).toThrow(reason);
    expect(isValidVeleroCron(expression)).toBe(false);
  });
});

describe('nextRun', () => {
  it.each<[string, Date, string]>([
    ['0 2 * * *', FROM, '2025-03-06T02:00:00.000Z'],
    ['0 1 * * 0', FROM, '2025-03-09T01:00:00.000Z'], // the next Sunday
    ['*/5 * * * *', FROM, '2025-03-05T12:05:00.000Z'], // strictly after
    ['CRON_TZ=Asia/Shanghai 0 2 * * *', FROM, '2025-03-05T18:00:00.000Z'], // 02:00 in UTC+8
    ['@every 6h', FROM, '2025-03-05T18:00:00.000Z'],
  ])('%p after %s is %p', (expression, from, next) => {
    expect(nextRun(expression, from).toISOString()).toBe(next);
  });
});
