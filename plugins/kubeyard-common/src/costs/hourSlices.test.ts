import { hourSlices } from './hourSlices';

describe('hourSlices', () => {
  it.each<[string, string, string, Array<[string, number]>]>([
    ['inside one hour', '2026-11-22T13:05:00Z', '2026-11-22T13:10:00Z', [['2026-11-22T13:00:00.000Z', 5]]],
    ['a whole hour, boundary to boundary', '2026-11-22T12:00:00Z', '2026-11-22T13:00:00Z', [['2026-11-22T12:00:00.000Z', 60]]],
    ['ending on a boundary belongs to the hour before', '2026-11-22T12:55:00Z', '2026-11-22T13:00:00Z', [['2026-11-22T12:00:00.000Z', 5]]],
    ['starting on a boundary', '2026-11-22T13:00:00Z', '2026-11-22T13:05:00Z', [['2026-11-22T13:00:00.000Z', 5]]],
    ['across one boundary', '2026-11-22T12:55:00Z', '2026-11-22T13:05:00Z', [['2026-11-22T12:00:00.000Z', 5], ['2026-11-22T13:00:00.000Z', 5]]],
    ['across midnight and several hours', '2026-11-22T22:30:00Z', '2026-11-23T01:15:00Z', [
      ['2026-11-22T22:00:00.000Z', 30], ['2026-11-22T23:00:00.000Z', 60], ['2026-11-23T00:00:00.000Z', 60], ['2026-11-23T01:00:00.000Z', 15],
    ]],
    ['seconds make fractional minutes', '2026-11-22T13:00:30Z', '2026-11-22T13:01:00Z', [['2026-11-22T13:00:00.000Z', 0.5]]],
    ['zones other than Z are instants too', '2026-11-22T14:50:00+01:00', '2026-11-22T14:10:00Z', [['2026-11-22T13:00:00.000Z', 10], ['2026-11-22T14:00:00.000Z', 10]]],
    ['empty interval', '2026-11-22T13:00:00Z', '2026-11-22T13:00:00Z', []],
    ['reversed interval', '2026-11-22T14:00:00Z', '2026-11-22T13:00:00Z', []],
  ])('%s', (_, t0, t1, expected) => {
    const slices = hourSlices(t0, t1);
    expect(slices.map(s => [s.hour, s.minutes])).toEqual(expected);
    const total = slices.reduce((sum, s) => sum + s.minutes, 0);
    expect(total).toBeCloseTo(Math.max(0, (Date.parse(t1) - Date.parse(t0)) / 60000), 9);
  });

  it('accepts epoch milliseconds', () => {
    expect(hourSlices(0, 90 * 60000).map(s => s.minutes)).toEqual([60, 30]);
  });
});
