import { CostSeriesBucket, IDLE_KEY, UNALLOCATED_KEY } from '../api/costTypes';
import { budgetFindings, budgetStatus, dailyThresholdFindings, forecastMonth, monthProgress } from './budgets';

describe('monthProgress and forecastMonth', () => {
  it.each<[string, string, string, number, number]>([
    // [case, asOf, month, elapsed fraction, forecast of 100 month-to-date]
    ['1st, 00:00: at least one hour counts as elapsed', '2026-11-01T00:00:00Z', '2026-11', 1 / 720, 72000],
    ['1st, 12:00 (30-day month)', '2026-11-01T12:00:00Z', '2026-11', 12 / 720, 6000],
    ['1st, 24:00 = 2nd, 00:00', '2026-11-02T00:00:00Z', '2026-11', 1 / 30, 3000],
    ['15th 00:00 of a 30-day month: half', '2026-11-16T00:00:00Z', '2026-11', 0.5, 200],
    ['last day, 00:00 (31-day month)', '2026-12-31T00:00:00Z', '2026-12', 30 / 31, 100 * 31 / 30],
    ['last day, 23:00', '2026-12-31T23:00:00Z', '2026-12', 743 / 744, 100 * 744 / 743],
    ['last millisecond of the month', '2026-12-31T23:59:59.999Z', '2026-12', (744 * 3600000 - 1) / (744 * 3600000), 100 / ((744 * 3600000 - 1) / (744 * 3600000))],
    ['the next month begins', '2027-01-01T00:00:00Z', '2027-01', 1 / 744, 74400],
    ['February of a common year, last day', '2026-02-28T12:00:00Z', '2026-02', 27.5 / 28, 100 * 28 / 27.5],
    ['February of a leap year, 28th noon', '2028-02-28T12:00:00Z', '2028-02', 27.5 / 29, 100 * 29 / 27.5],
  ])('%s', (_, asOf, month, fraction, forecast) => {
    const progress = monthProgress(asOf);
    expect(progress.month).toBe(month);
    expect(progress.elapsedFraction).toBeCloseTo(fraction, 12);
    expect(forecastMonth(100, asOf)).toBeCloseTo(forecast, 6);
  });
});

describe('budgetStatus', () => {
  const base = { kind: 'tenant' as const, key: 'shop', label: 'Shop', monthlyBudget: 1000, source: 'tenant spec' };
  it.each<[string, number, string, 'ok' | 'warning' | 'over']>([
    ['on track', 400, '2026-11-16T00:00:00Z', 'ok'],
    ['forecast exactly the budget is still ok', 500, '2026-11-16T00:00:00Z', 'ok'],
    ['forecast over budget', 501, '2026-11-16T00:00:00Z', 'warning'],
    ['spent exactly the budget on the last day: warning by forecast only', 1000, '2026-11-30T23:00:00Z', 'warning'],
    ['spent more than the budget', 1000.01, '2026-11-20T00:00:00Z', 'over'],
    ['first hour of the month, a little spend, forecast far over', 2, '2026-11-01T00:30:00Z', 'warning'],
  ])('%s', (_, monthToDate, asOf, status) => {
    const result = budgetStatus({ ...base, monthToDate, asOf });
    expect(result).toMatchObject({ kind: 'tenant', key: 'shop', month: asOf.slice(0, 7), monthlyBudget: 1000, monthToDate, status, source: 'tenant spec' });
  });
});

describe('budgetFindings', () => {
  const status = (kind: 'tenant' | 'group', key: string, monthToDate: number, asOf: string) =>
    budgetStatus({ kind, key, label: key, monthlyBudget: 1000, monthToDate, asOf, source: kind === 'tenant' ? 'tenant spec' : 'kubeyard.io/monthly-budget' });

  it('reports forecast-over as a warning with the forecast and how far over, over-spent as critical, ok not at all', () => {
    const findings = budgetFindings(
      [status('tenant', 'shop', 600, '2026-11-16T00:00:00Z'), status('group', 'group:default/team-a', 1200, '2026-11-20T00:00:00Z'), status('tenant', 'ok', 10, '2026-11-16T00:00:00Z')],
      'EUR',
    );
    expect(findings).toEqual([
      {
        id: 'cost.budget.forecast-over',
        severity: 'warning',
        object: { kind: 'Tenant', name: 'shop' },
        message: 'Tenant shop has spent 600.00 EUR so far in 2026-11; at this rate the month ends at 1200.00 EUR, 20 % over its monthly budget of 1000.00 EUR.',
        fix: expect.stringContaining('raise the budget where it is set (tenant spec)'),
      },
      {
        id: 'cost.budget.forecast-over',
        severity: 'critical',
        object: { kind: 'Group', name: 'group:default/team-a' },
        message: 'Group group:default/team-a has spent 1200.00 EUR in 2026-11, over its monthly budget of 1000.00 EUR by 200.00 EUR.',
        fix: expect.stringContaining('owner=group:default/team-a&groupBy=namespace'),
      },
    ]);
  });
});

describe('dailyThresholdFindings', () => {
  const bucket = (day: string, costs: Record<string, number>): CostSeriesBucket => ({
    start: `${day}T00:00:00.000Z`,
    end: `${day}T23:59:59.999Z`,
    allocations: Object.entries(costs).map(([name, totalCost]) => ({ name, totalCost } as CostSeriesBucket['allocations'][number])),
  });

  it.each<[string, CostSeriesBucket[], string[]]>([
    ['under or at the threshold: nothing', [bucket('2026-11-20', { shop: 100, web: 99.99 })], []],
    ['over on one day', [bucket('2026-11-20', { shop: 100.01 })], ['shop: 1 day: 2026-11-20 (100.01 USD)']],
    ['unallocated and idle are not tenants', [bucket('2026-11-20', { [UNALLOCATED_KEY]: 500, [IDLE_KEY]: 500 })], []],
    [
      'several days, the last five listed',
      ['01', '02', '03', '04', '05', '06'].map((d, i) => bucket(`2026-11-${d}`, { shop: 101 + i })),
      ['shop: 6 days: 2026-11-02 (102.00 USD), 2026-11-03 (103.00 USD), 2026-11-04 (104.00 USD), 2026-11-05 (105.00 USD), 2026-11-06 (106.00 USD) and 1 earlier'],
    ],
  ])('%s', (_, series, expected) => {
    const findings = dailyThresholdFindings(series, 100, 'USD');
    expect(findings.map(f => `${f.object.name}: ${f.message.match(/on (\d+ days?: .*?); the highest/)?.[1]}`)).toEqual(expected);
    for (const f of findings) {
      expect(f).toMatchObject({ id: 'cost.daily-threshold', severity: 'warning', object: { kind: 'Tenant' } });
      expect(f.fix).toContain(`tenant=${f.object.name}&groupBy=namespace`);
    }
  });
});
