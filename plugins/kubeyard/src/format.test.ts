import {
  describeSync,
  formatBytes,
  formatCurrency,
  formatCurrencyCompact,
  formatNumber,
  formatCores,
  formatDuration,
  formatPercent,
  formatRelativeTime,
  formatTimestamp,
  pluralize,
} from './format';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('formatCores', () => {
  it.each([
    [0, '0 cores'],
    [1, '1 core'],
    [1.5, '1.5 cores'],
    [0.25, '0.25 cores'],
    [2.3456, '2.35 cores'],
    [12.34, '12.3 cores'],
    [123.4, '123 cores'],
    [0.05, '50m'],
    [0.001, '1m'],
  ])('%p → %p', (cores, text) => {
    expect(formatCores(cores)).toBe(text);
  });

  it('shows a dash for values that are not numbers', () => {
    expect(formatCores(NaN)).toBe('—');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [512 * MiB, '512 MiB'],
    [12 * GiB, '12 GiB'],
    [1.5 * 1024 * GiB, '1.5 TiB'],
    [1023.99 * MiB, '1 GiB'],
    [7.75 * GiB, '7.75 GiB'],
  ])('%p → %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatPercent', () => {
  it('rounds to a whole percentage', () => {
    expect(formatPercent(0.634)).toBe('63%');
    expect(formatPercent(1.2)).toBe('120%');
    expect(formatPercent(Infinity)).toBe('—');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it.each([
    ['2025-06-01T12:00:00Z', 'just now'],
    ['2025-06-01T12:00:05Z', 'just now'],
    ['2025-06-01T11:59:48Z', '12 s ago'],
    ['2025-06-01T11:55:00Z', '5 min ago'],
    ['2025-06-01T09:00:00Z', '3 h ago'],
    ['2025-05-29T12:00:00Z', '3 d ago'],
  ])('%p → %p', (iso, text) => {
    expect(formatRelativeTime(iso, now)).toBe(text);
  });

  it('says so when the timestamp cannot be read', () => {
    expect(formatRelativeTime('yesterday', now)).toBe('at an unknown time');
  });
});

describe('describeSync', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  const lastSyncTime = '2025-06-01T11:59:48Z';

  it('describes each sync state', () => {
    expect(describeSync({ state: 'synced', lastSyncTime }, now)).toBe(
      'synced 12 s ago',
    );
    expect(describeSync({ state: 'synced' }, now)).toBe('synced');
    expect(describeSync({ state: 'syncing' }, now)).toBe('syncing…');
    expect(describeSync({ state: 'stale', lastSyncTime }, now)).toBe(
      'stale, synced 12 s ago',
    );
    expect(describeSync({ state: 'stale' }, now)).toBe('stale');
    expect(
      describeSync({ state: 'error', error: 'connect ECONNREFUSED' }, now),
    ).toBe('sync error');
  });
});

describe('pluralize', () => {
  it('adds an s unless there is exactly one', () => {
    expect(pluralize(1, 'node')).toBe('1 node');
    expect(pluralize(0, 'node')).toBe('0 nodes');
    expect(pluralize(2, 'replica')).toBe('2 replicas');
  });
});

describe('formatTimestamp', () => {
  it('prints UTC to the second', () => {
    expect(formatTimestamp('2025-03-01T14:02:09.512Z')).toBe(
      '2025-03-01 14:02:09 UTC',
    );
    expect(formatTimestamp('2025-03-01T15:02:09+01:00')).toBe(
      '2025-03-01 14:02:09 UTC',
    );
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});

describe('formatDuration', () => {
  const at = (s: number) =>
    new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString();
  it('uses the two largest units', () => {
    expect(formatDuration(at(0), at(0.4))).toBe('< 1 s');
    expect(formatDuration(at(0), at(9))).toBe('9 s');
    expect(formatDuration(at(0), at(125))).toBe('2 min 5 s');
    expect(formatDuration(at(0), at(120))).toBe('2 min');
    expect(formatDuration(at(0), at(3780))).toBe('1 h 3 min');
    expect(formatDuration(at(10), at(0))).toBe('—');
  });
});

describe('formatCurrency', () => {
  it('formats money in the report currency', () => {
    expect(formatCurrency(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatCurrency(12, 'EUR')).toBe('€12.00');
    expect(formatCurrency(0, 'USD')).toBe('$0.00');
    expect(formatCurrency(0.001, 'USD')).toBe('< $0.01');
    expect(formatCurrency(3, 'dollars')).toBe('3 dollars');
  });
  it('abbreviates for chart axes', () => {
    expect(formatCurrencyCompact(1250, 'USD')).toBe('$1.3K');
    expect(formatCurrencyCompact(850, 'USD')).toBe('$850');
  });
});

describe('formatNumber', () => {
  it('groups thousands and rounds', () => {
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatNumber(2, 2)).toBe('2');
  });
});
