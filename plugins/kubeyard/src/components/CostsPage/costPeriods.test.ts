import {
  customWindow,
  inclusiveDays,
  parseDay,
  presetWindow,
  windowDays,
} from './costPeriods';

const NOW = Date.parse('2026-03-15T10:30:00Z');

describe('presetWindow', () => {
  it('gives whole UTC days, the last N days including today', () => {
    expect(presetWindow('7d', NOW)).toEqual({
      from: '2026-03-09',
      to: '2026-03-16',
    });
    expect(windowDays(presetWindow('30d', NOW))).toBe(30);
    expect(windowDays(presetWindow('90d', NOW))).toBe(90);
    expect(presetWindow('month', NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-16',
    });
    expect(presetWindow('last-month', NOW)).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
    });
    expect(
      presetWindow('last-month', Date.parse('2026-01-05T00:00:00Z')),
    ).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });
});

describe('customWindow', () => {
  it('turns an inclusive range into the API window', () => {
    expect(customWindow('2026-02-01', '2026-02-28', NOW)).toEqual({
      window: { from: '2026-02-01', to: '2026-03-01' },
      errors: {},
    });
    expect(inclusiveDays({ from: '2026-02-01', to: '2026-03-01' })).toEqual({
      first: '2026-02-01',
      last: '2026-02-28',
    });
  });

  it('says what is wrong with each input', () => {
    expect(customWindow('', '', NOW).errors).toEqual({
      from: 'Enter the first day',
      to: 'Enter the last day',
    });
    expect(customWindow('2026-02-30', '2026-03-01', NOW).errors).toEqual({
      from: 'Not a date: use YYYY-MM-DD',
    });
    expect(customWindow('2026-03-10', '2026-03-01', NOW).errors).toEqual({
      to: 'The last day must be on or after the first day',
    });
    expect(customWindow('2026-03-10', '2026-03-16', NOW).errors).toEqual({
      to: 'The last day cannot be after today (2026-03-15, UTC)',
    });
    expect(customWindow('2025-01-01', '2026-03-01', NOW).errors).toEqual({
      from: 'At most 400 days: choose a later first day',
    });
    expect(
      customWindow('2026-03-10', '2026-03-01', NOW).window,
    ).toBeUndefined();
  });

  it('parses real dates only', () => {
    expect(parseDay('2024-02-29')).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(parseDay('2025-02-29')).toBeUndefined();
    expect(parseDay('2025-3-1')).toBeUndefined();
  });
});
