import { CostAllocation, CostSeriesBucket, UNALLOCATED_KEY } from '../api/costTypes';
import { csvField, csvText, toCsv } from './csv';
import { FOCUS_COLUMNS, csvNumber, focusCsv } from './focusCsv';

// An independent RFC 4180 reader, to check what a spreadsheet would see.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('csv', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([['=HYPERLINK("x")', `'=HYPERLINK("x")`], ['+1', "'+1"], ['-1', "'-1"], ['@sum', "'@sum"], ['team', 'team']])('neutralises formula %j', (value, expected) => {
    expect(csvText(value)).toBe(expected);
  });

  it('round-trips through an RFC 4180 reader', () => {
    const rows: Array<Record<string, string>> = [{ a: 'x,"y"\r\nz', b: '' }, { a: 'plain' }];
    const text = toCsv(['a', 'b'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x,"y"\r\nz', ''], ['plain', '']]);
  });

  it.each<[number, number | undefined, string]>([
    [0.000000123, undefined, '0.000000123'],
    [2.5, undefined, '2.5'],
    [1e21 / 1e6, 0, '1000000000000000'],
    [-0.0000000000001, undefined, '0'],
    [NaN, undefined, ''],
  ])('writes number %p without exponent', (value, decimals, expected) => {
    expect(csvNumber(value, decimals)).toBe(expected);
  });
});

describe('focusCsv', () => {
  const allocation = (name: string, label: string, totalCost: number, efficiency: number | null): CostAllocation => ({
    name, label, start: '', end: '', minutes: 1440, cpuCoreHours: 48, cpuCoreRequestAverage: 2, cpuCoreUsageAverage: 0.5,
    ramByteHours: 24 * 2 ** 30, ramByteRequestAverage: 2 ** 30, ramByteUsageAverage: 2 ** 29, pvByteHours: 0,
    cpuCost: 2.4, ramCost: 0.24, pvCost: 0, sharedCost: totalCost - 2.64, totalCost, efficiency,
  });
  const buckets: CostSeriesBucket[] = [
    { start: '2026-11-22T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z', allocations: [allocation('prod/shop', 'prod/shop', 3, 0.25), allocation('prod/=cmd', '=cmd, "evil"', 2.64, null)] },
    { start: '2026-11-23T00:00:00.000Z', end: '2026-11-24T00:00:00.000Z', allocations: [allocation('prod/shop', 'prod/shop', 2.64, 0.25)] },
  ];
  const parsed = parseCsv(focusCsv(buckets, { groupBy: 'namespace', currency: 'EUR' }));
  const records = parsed.slice(1).map(cells => Object.fromEntries(FOCUS_COLUMNS.map((c, i) => [c, cells[i]])));

  it('has the FOCUS header and one line per (bucket, group)', () => {
    expect(parsed[0]).toEqual([...FOCUS_COLUMNS]);
    expect(records.map(r => [r.ChargePeriodStart, r.ResourceId])).toEqual([
      ['2026-11-22T00:00:00.000Z', 'prod/shop'],
      ['2026-11-22T00:00:00.000Z', 'prod/=cmd'],
      ['2026-11-23T00:00:00.000Z', 'prod/shop'],
    ]);
  });

  it('fills costs, the resource, the sub-account (cluster) and the OpenCost extensions', () => {
    expect(records[0]).toEqual({
      ChargePeriodStart: '2026-11-22T00:00:00.000Z',
      ChargePeriodEnd: '2026-11-23T00:00:00.000Z',
      BilledCost: '3',
      EffectiveCost: '3',
      ListCost: '3',
      BillingCurrency: 'EUR',
      ResourceId: 'prod/shop',
      ResourceName: 'prod/shop',
      ResourceType: 'Namespace',
      ServiceCategory: 'Compute',
      ServiceName: 'Kubernetes',
      SubAccountId: 'prod',
      SubAccountName: 'prod',
      ConsumedQuantity: '48',
      ConsumedUnit: 'Core-Hours',
      Tags: '{"kubeyard.io/group-by":"namespace","kubeyard.io/namespace":"prod/shop"}',
      x_CpuCoreHours: '48',
      x_CpuCoreRequestAverage: '2',
      x_CpuCoreUsageAverage: '0.5',
      x_RamByteHours: String(24 * 2 ** 30),
      x_RamByteRequestAverage: String(2 ** 30),
      x_RamByteUsageAverage: String(2 ** 29),
      x_PvByteHours: '0',
      x_CpuCost: '2.4',
      x_RamCost: '0.24',
      x_PvCost: '0',
      x_SharedCost: '0.36',
      x_Efficiency: '0.25',
      x_Minutes: '1440',
    });
  });

  it('quotes and neutralises hostile names; null efficiency is empty', () => {
    expect(records[1]).toMatchObject({ ResourceName: `'=cmd, "evil"`, x_Efficiency: '' });
  });

  it.each<['owner' | 'tenant' | 'cluster' | 'costCenter', string, string]>([
    ['owner', 'Group', ''],
    ['tenant', 'Tenant', ''],
    ['costCenter', 'CostCenter', ''],
    ['cluster', 'Cluster', UNALLOCATED_KEY],
  ])('groupBy %s: ResourceType %s', (groupBy, type, subAccount) => {
    const csv = focusCsv([{ start: 's', end: 'e', allocations: [allocation(UNALLOCATED_KEY, 'Unallocated', 1, null)] }], { groupBy, currency: 'USD' });
    const [, line] = parseCsv(csv);
    expect([line[FOCUS_COLUMNS.indexOf('ResourceType')], line[FOCUS_COLUMNS.indexOf('SubAccountId')]]).toEqual([type, subAccount]);
  });

  it('is just a header without data', () => {
    expect(focusCsv([], { groupBy: 'owner', currency: 'USD' })).toBe(`${FOCUS_COLUMNS.join(',')}\r\n`);
  });
});
