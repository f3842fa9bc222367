import { DAY_MS, HOUR_MS, MINUTE_MS, describeDuration, parseGoDuration, timestampMs } from './duration';

describe('parseGoDuration (Go time.ParseDuration, as Velero reads ttl)', () => {
  it.each<[string, number | undefined]>([
    ['720h0m0s', 30 * DAY_MS],
    ['720h', 30 * DAY_MS],
    ['2160h0m0s', 90 * DAY_MS],
    ['1h30m', 90 * MINUTE_MS],
    ['1.5h', 90 * MINUTE_MS],
    ['.5h', 30 * MINUTE_MS],
    ['90s', 90_000],
    ['500ms', 500],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['0', 0],
    ['-1h', -HOUR_MS],
    ['+1m', MINUTE_MS],
    ['30d', undefined], // Go has no day unit
    ['24', undefined], // a number needs a unit
    ['', undefined],
    ['1h 30m', undefined],
    ['h', undefined],
  ])('%p → %p', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });
});

describe('describeDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [45_000, '45s'],
    [5 * MINUTE_MS, '5m'],
    [HOUR_MS, '1h'],
    [90 * MINUTE_MS, '1h 30m'],
    [26 * HOUR_MS, '26h'],
    [2 * DAY_MS, '2d'],
    [7 * DAY_MS + 2 * HOUR_MS, '7d 2h'],
    [-HOUR_MS, '-1h'],
  ])('%d ms → %p', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});

describe('timestampMs', () => {
  it.each<[string | undefined, number | undefined]>([
    ['2025-03-05T12:00:00Z', Date.UTC(2025, 2, 5, 12)],
    ['not a time', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p', (text, ms) => {
    expect(timestampMs(text)).toBe(ms);
  });
});
