import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatBytes,
  formatCpu,
  formatKibibytes,
  formatNanoCores,
  formatQuantity,
  parseQuantity,
  QuantityParseError,
  quantityToNumber,
  quantityValue,
  subtractQuantities,
} from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['0', 0],
    ['100m', 0.1],
    ['1500m', 1.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['2k', 2000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1Ki', 1024],
    ['1Mi', 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['2Ti', 2 * 1024 ** 4],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-3', 0.005],
    ['250u', 0.00025],
    ['7n', 7e-9],
    ['-1', -1],
    ['+2', 2],
    [3, 3],
  ])('%s = %d', (text, value) => {
    expect(quantityToNumber(parseQuantity(text))).toBeCloseTo(value, 9);
  });

  it('is exact for exbibytes', () => {
    expect(parseQuantity('1Ei').nanos).toBe(2n ** 60n * 10n ** 9n);
  });

  it('rounds sub-nano fractions up', () => {
    expect(parseQuantity('0.1n').nanos).toBe(1n);
  });

  it.each(['', 'abc', '1Zi', '1kb', '--1', '1 Gi', 'Gi', '1.2.3'])('rejects %p', text => {
    expect(() => parseQuantity(text)).toThrow(QuantityParseError);
  });

  it('quotes the Kubernetes pattern in its error', () => {
    expect(() => parseQuantity('abc')).toThrow(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});

describe('formatQuantity', () => {
  it.each([
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['2000', '2k'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1536', '1536'],
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['-2Gi', '-2Gi'],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });
});

describe('arithmetic', () => {
  it('adds keeping the first format', () => {
    const sum = addQuantities(parseQuantity('1Gi'), parseQuantity('512Mi'));
    expect(formatQuantity(sum)).toBe('1536Mi');
    expect(formatQuantity(addQuantities(parseQuantity('9'), parseQuantity('2')))).toBe('11');
    expect(formatQuantity(addQuantities(parseQuantity('500m'), parseQuantity('1')))).toBe('1500m');
  });

  it('subtracts and compares', () => {
    const a = parseQuantity('1');
    const b = parseQuantity('1000m');
    expect(compareQuantities(a, b)).toBe(0);
    expect(compareQuantities(parseQuantity('1Ki'), parseQuantity('1k'))).toBe(1);
    expect(formatQuantity(subtractQuantities(parseQuantity('2'), parseQuantity('500m')))).toBe('1500m');
  });
});

describe('quantityValue', () => {
  it.each([
    ['250m', 0.25],
    ['1', 1],
    ['1.5', 1.5],
    ['512Mi', 512 * 2 ** 20],
    ['16Gi', 16 * 2 ** 30],
    ['1G', 1e9],
    ['100k', 1e5],
    ['1e3', 1000],
    [2, 2],
  ])('%s → %d', (input, expected) => {
    expect(quantityValue(input)).toBeCloseTo(expected as number, 9);
  });

  it.each([['abc'], ['1Xi'], [''], [undefined], [{}]])('rejects %p', input => {
    expect(quantityValue(input)).toBeUndefined();
  });
});

describe('number formatting', () => {
  it.each([
    [0.25, '250m'],
    [2, '2'],
    [1.5, '1500m'],
  ])('formatCpu(%d) = %s', (cores, text) => expect(formatCpu(cores)).toBe(text));

  it.each([
    [512 * 2 ** 20, '512Mi'],
    [16 * 2 ** 30, '16Gi'],
    [1536 * 1024, '1536Ki'],
    [1000, '1000'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('reports metrics-server units', () => {
    expect(formatNanoCores(0.123456789)).toBe('123456789n');
    expect(formatKibibytes(1536 * 1024)).toBe('1536Ki');
  });
});
