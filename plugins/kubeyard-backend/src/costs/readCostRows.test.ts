import type { CostRowQuery, CostStore } from './CostStore';
import { hourlyDetailProblems, hourlyRetentionStart, readCostRows } from './readCostRows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ms = (iso: string) => Date.parse(iso);

/** Which tables and ranges a read asks for. */
async function reads(fromIso: string, toIso: string, nowIso: string, retentionDays = 14) {
  const queries: CostRowQuery[] = [];
  const store = { sumRows: async (query: CostRowQuery) => (queries.push(query), []) } as unknown as CostStore;
  const hourlyFromMs = hourlyRetentionStart(ms(nowIso), retentionDays);
  await readCostRows(store, { fromMs: ms(fromIso), toMs: ms(toIso), hourlyFromMs, keep: ['owner'] });
  return queries.map(q => `${q.table} ${q.from}..${q.to}`);
}

describe('readCostRows', () => {
  it('reads short recent windows from hourly rows', async () => {
    expect(await reads('2026-03-10T06:00:00Z', '2026-03-11T06:00:00Z', '2026-03-12T10:20:00Z')).toEqual([
      'hourly 2026-03-10T06:00:00.000Z..2026-03-11T06:00:00.000Z',
    ]);
    expect(await reads('2026-03-10', '2026-03-12', '2026-03-12T10:20:00Z')).toEqual(['hourly 2026-03-10T00:00:00.000Z..2026-03-12T00:00:00.000Z']);
  });

  it('reads whole days older than the hourly retention from the daily rollups, even in a short window', async () => {
    // Hourly rows are kept from 2026-02-26T10:00; the 25th is gone, the 26th only partly.
    expect(await reads('2026-02-25', '2026-02-26', '2026-03-12T10:20:00Z')).toEqual(['daily 2026-02-25..2026-02-26']);
    expect(await reads('2026-02-26', '2026-02-28', '2026-03-12T10:20:00Z')).toEqual([
      'daily 2026-02-26..2026-02-27',
      'hourly 2026-02-27T00:00:00.000Z..2026-02-28T00:00:00.000Z',
    ]);
  });

  it('reads long windows from daily rollups and only their partial days from hourly rows', async () => {
    expect(await reads('2026-03-01T06:00:00Z', '2026-03-10T12:00:00Z', '2026-03-12T10:20:00Z')).toEqual([
      'hourly 2026-03-01T06:00:00.000Z..2026-03-02T00:00:00.000Z',
      'daily 2026-03-02..2026-03-10',
      'hourly 2026-03-10T00:00:00.000Z..2026-03-10T12:00:00.000Z',
    ]);
  });
});

describe('hourlyDetailProblems', () => {
  const now = ms('2026-03-12T10:20:00Z');
  const hourlyFrom = hourlyRetentionStart(now, 14);

  it('refuses a bound off midnight older than the hourly retention, on its field', () => {
    expect(hourlyDetailProblems({ fromMs: ms('2026-02-20T06:00:00Z'), toMs: ms('2026-02-21T06:00:00Z') }, hourlyFrom, 14)).toEqual([
      { field: 'from', message: expect.stringContaining('hourly detail is kept 14 days (since 2026-02-26T10:00:00.000Z)') },
      { field: 'to', message: expect.stringContaining('2026-02-21T06:00:00.000Z is not at midnight UTC') },
    ]);
    expect(hourlyDetailProblems({ fromMs: ms('2026-02-20T06:00:00Z'), toMs: ms('2026-03-01T00:00:00Z') }, hourlyFrom, 14).map(p => p.field)).toEqual(['from']);
  });

  it('accepts midnight bounds at any age and hours still kept', () => {
    expect(hourlyDetailProblems({ fromMs: ms('2026-01-20'), toMs: ms('2026-02-21') }, hourlyFrom, 14)).toEqual([]);
    expect(hourlyDetailProblems({ fromMs: hourlyFrom, toMs: hourlyFrom + HOUR }, hourlyFrom, 14)).toEqual([]);
    expect(hourlyDetailProblems({ fromMs: hourlyFrom - DAY, toMs: hourlyFrom + HOUR }, hourlyFrom, 14).map(p => p.field)).toEqual(['from']);
  });
});
