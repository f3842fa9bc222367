import { parsePriceList, priceAt } from './prices';
import { DEFAULT_UNIT_PRICES, PriceChange } from './types';

const change = (cluster: string, effectiveFrom: string, cpuCoreHour: number): PriceChange => ({
  cluster,
  effectiveFrom,
  cpuCoreHour,
  ramGiBHour: cpuCoreHour / 5,
  pvGiBHour: cpuCoreHour / 50,
});

const changes: PriceChange[] = [
  change('*', '2026-01-01', 0.04),
  change('*', '2026-03-01T00:00:00Z', 0.06),
  change('prod', '2026-02-01', 0.1),
  change('prod', '2026-02-15T10:30:00Z', 0.2),
];

describe('priceAt', () => {
  it.each<[string, string, string, number]>([
    ['before any change: the defaults', 'dev', '2025-12-31T23:00:00Z', DEFAULT_UNIT_PRICES.cpuCoreHour],
    ["'*' applies from its date", 'dev', '2026-01-01T00:00:00Z', 0.04],
    ["an hour before the next '*' change", 'dev', '2026-02-28T23:00:00Z', 0.04],
    ["the hour the next '*' change takes effect", 'dev', '2026-03-01T00:00:00Z', 0.06],
    ["a cluster without its own list before its own: '*'", 'prod', '2026-01-31T23:00:00Z', 0.04],
    ['the cluster list wins from its date', 'prod', '2026-02-01T00:00:00Z', 0.1],
    ['a change at 10:30 does not apply to the hour starting 10:00', 'prod', '2026-02-15T10:00:00Z', 0.1],
    ['… it applies to the hour starting 11:00', 'prod', '2026-02-15T11:00:00Z', 0.2],
    ["the cluster's list wins over a later '*' change", 'prod', '2026-04-01T00:00:00Z', 0.2],
  ])('%s', (_, cluster, hour, cpu) => {
    expect(priceAt(changes, cluster, hour).cpuCoreHour).toBe(cpu);
  });

  it('returns the defaults for an empty list, whatever the order of changes', () => {
    expect(priceAt([], 'prod', '2026-01-01T00:00:00Z')).toEqual(DEFAULT_UNIT_PRICES);
    expect(priceAt([...changes].reverse(), 'prod', '2026-02-20T00:00:00Z')).toEqual({ cpuCoreHour: 0.2, ramGiBHour: 0.04, pvGiBHour: 0.004 });
  });
});

describe('parsePriceList', () => {
  const ok = { cluster: 'prod', effectiveFrom: '2026-02-01', cpuCoreHour: 0.1, ramGiBHour: 0.02, pvGiBHour: 0.002 };

  it('accepts a list and fills cluster and effectiveFrom', () => {
    const result = parsePriceList([ok, { cpuCoreHour: 0.05, ramGiBHour: 0.01, pvGiBHour: 0.001 }]);
    expect(result).toEqual({ success: true, prices: [ok, { cluster: '*', effectiveFrom: '1970-01-01', cpuCoreHour: 0.05, ramGiBHour: 0.01, pvGiBHour: 0.001 }] });
    expect(parsePriceList(undefined)).toEqual({ success: true, prices: [] });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['negative price', [{ ...ok, ramGiBHour: -0.01 }], 'kubeyard.costs.prices.0.ramGiBHour', /must be 0 or more/],
    ['price as text', [{ ...ok, cpuCoreHour: '0.1' }], 'kubeyard.costs.prices.0.cpuCoreHour', /expected number, got string "0.1"/],
    ['missing price', [{ cluster: 'prod', cpuCoreHour: 1, ramGiBHour: 1 }], 'kubeyard.costs.prices.0.pvGiBHour', /is required/],
    ['bad date', [{ ...ok, effectiveFrom: '2026-02-30' }], 'kubeyard.costs.prices.0.effectiveFrom', /"2026-02-30" is not a date; expected YYYY-MM-DD/],
    ['instant without a zone', [{ ...ok, effectiveFrom: '2026-02-01T00:00' }], 'kubeyard.costs.prices.0.effectiveFrom', /is not a date/],
    ['duplicate effective date for a cluster, written differently', [ok, { ...ok, effectiveFrom: '2026-02-01T00:00:00Z' }], 'kubeyard.costs.prices.1', /cluster "prod" effective 2026-02-01T00:00:00.000Z repeats entry 0/],
    ['misspelt field', [{ ...ok, cpuCoreHours: 1 }], 'kubeyard.costs.prices.0', /unknown field "cpuCoreHours"/],
    ['not a list', { prod: ok }, 'kubeyard.costs.prices', /expected array, got an object/],
  ])('refuses %s', (_, input, field, message) => {
    const result = parsePriceList(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
  });

  it('allows the same date on different clusters', () => {
    expect(parsePriceList([ok, { ...ok, cluster: '*' }]).success).toBe(true);
  });
});
