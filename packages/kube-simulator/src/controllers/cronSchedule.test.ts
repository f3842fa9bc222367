import {
  formatGoDuration,
  isDue,
  latestRun,
  parseCronSchedule,
  parseGoDuration,
  timestampSuffix,
} from './cronSchedule';

const at = (iso: string) => new Date(iso);

describe('parseCronSchedule', () => {
  it.each([
    ['0 2 * * *', '2025-03-12T10:00:00Z', '2025-03-13T02:00:00.000Z'],
    ['0 2 * * *', '2025-03-12T01:59:59Z', '2025-03-12T02:00:00.000Z'],
    ['0 2 * * *', '2025-03-12T02:00:00Z', '2025-03-13T02:00:00.000Z'], // strictly after
    ['0 * * * *', '2025-03-12T10:20:00Z', '2025-03-12T11:00:00.000Z'],
    ['*/15 * * * *', '2025-03-12T10:20:00Z', '2025-03-12T10:30:00.000Z'],
    ['0 1 * * 0', '2025-03-12T10:00:00Z', '2025-03-16T01:00:00.000Z'], // weekly, Sunday
    ['@daily', '2025-03-12T10:00:00Z', '2025-03-13T00:00:00.000Z'],
    ['@every 6h', '2025-03-12T10:00:00Z', '2025-03-12T16:00:00.000Z'],
    [
      'CRON_TZ=Europe/Paris 0 2 * * *',
      '2025-03-12T10:00:00Z',
      '2025-03-13T01:00:00.000Z',
    ],
  ])('%s after %s → %s', (expression, after, next) => {
    expect(parseCronSchedule(expression).next(at(after)).toISOString()).toBe(
      next,
    );
  });

  it.each([
    ['', /expected exactly 5 fields, found 0/],
    ['0 2 * *', /expected exactly 5 fields, found 4: \[0 2 \* \*\]/],
    ['0 0 2 * * *', /expected exactly 5 fields, found 6/],
    ['99 2 * * *', /./],
    ['@fortnightly', /unrecognized descriptor/],
    ['@every banana', /failed to parse duration/],
  ])('rejects %p', (expression, message) => {
    expect(() => parseCronSchedule(expression)).toThrow(message);
  });
});

describe('due runs', () => {
  const daily = parseCronSchedule('0 2 * * *');

  it.each([
    ['2025-03-12T01:00:00Z', '2025-03-12T01:59:00Z', false],
    ['2025-03-12T01:00:00Z', '2025-03-12T02:00:00Z', true],
    ['2025-03-12T02:00:05Z', '2025-03-12T23:00:00Z', false],
  ])('last %s, now %s → due %p', (last, now, due) => {
    expect(isDue(daily, at(last), at(now)).due).toBe(due);
  });

  it('names a catch-up run after the latest missed time, not every missed one', () => {
    expect(
      latestRun(
        daily,
        at('2025-03-10T03:00:00Z'),
        at('2025-03-12T05:00:00Z'),
      )?.toISOString(),
    ).toBe('2025-03-12T02:00:00.000Z');
    expect(
      latestRun(daily, at('2025-03-12T03:00:00Z'), at('2025-03-12T05:00:00Z')),
    ).toBeUndefined();
  });

  it('formats Velero backup name timestamps', () => {
    expect(timestampSuffix(at('2025-03-12T02:00:00Z'))).toBe('20250312020000');
  });
});

describe('Go durations', () => {
  it.each([
    ['720h', 720 * 3_600_000],
    ['720h0m0s', 720 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['90s', 90_000],
  ])('%s', (text, ms) => expect(parseGoDuration(text)).toBe(ms));

  it('rejects garbage and formats like time.Duration', () => {
    expect(parseGoDuration('30 days')).toBeUndefined();
    expect(formatGoDuration(720 * 3_600_000)).toBe('720h0m0s');
  });
});
