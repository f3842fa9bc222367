import {
  formatBytes,
  formatCpu,
  formatDecimalSI,
  InvalidQuantityError,
  isValidQuantity,
  parseCpuCores,
  parseMemoryBytes,
  parseQuantity,
  tryParseQuantity,
} from '.';

const Ki = 1024;
const Mi = Ki * 1024;
const Gi = Mi * 1024;
const Ti = Gi * 1024;

describe('parseQuantity', () => {
  it.each<[string, number]>([
    // plain numbers
    ['0', 0],
    ['1', 1],
    ['2', 2],
    ['007', 7],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1.', 1],
    ['1.50', 1.5],
    ['+1', 1],
    ['-1', -1],
    ['-0', 0],
    ['-0.5', -0.5],
    // decimal SI
    ['1n', 1e-9],
    ['1u', 1e-6],
    ['250m', 0.25],
    ['100m', 0.1],
    ['0.1m', 0.0001],
    ['1500m', 1.5],
    ['1k', 1000],
    ['1.1k', 1100],
    ['1M', 1e6],
    ['1G', 1e9],
    ['129M', 129e6],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['-250m', -0.25],
    // binary SI
    ['1Ki', Ki],
    ['512Mi', 512 * Mi],
    ['1Gi', Gi],
    ['1.5Gi', 1.5 * Gi],
    ['0.5Gi', 512 * Mi],
    ['1Ti', Ti],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['-1Gi', -Gi],
    ['.5Ki', 512],
    // exponent forms
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['1E-3', 0.001],
    ['12e6', 12e6],
    ['1.5e2', 150],
    ['1e0', 1],
    ['-1e3', -1000],
  ])('%j is %p', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'Gi',
    'm',
    '1 Gi',
    ' 1',
    '1 ',
    '12Q',
    '1K',
    '1gi',
    '1GI',
    '1Gb',
    '1KiB',
    '1mi',
    '1e',
    '1e1.5',
    '1ee3',
    '1e3m',
    '1Gi3',
    '1..5',
    '.',
    '-',
    '+-1',
    '--1',
    '1,5',
    '0x10',
    '1_000',
    'NaN',
    'Infinity',
    '1/2',
    '١',
  ])('rejects %j', text => {
    expect(() => parseQuantity(text)).toThrow(InvalidQuantityError);
    expect(isValidQuantity(text)).toBe(false);
    expect(tryParseQuantity(text)).toBeUndefined();
  });

  it('explains what a quantity looks like', () => {
    expect(() => parseQuantity('12Q')).toThrow(
      '"12Q" is not a Kubernetes quantity (expected a number with an optional suffix such as 500m, 2, 1Gi, 512Mi)',
    );
  });

  it('throws an InputError so the HTTP layer answers 400', () => {
    let caught: unknown;
    try {
      parseQuantity('1 Gi');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidQuantityError);
    expect((caught as Error).name).toBe('InputError');
    expect((caught as InvalidQuantityError).text).toBe('1 Gi');
  });

  it('rejects values too large for a number', () => {
    expect(() => parseQuantity('1e400')).toThrow('"1e400" is not a Kubernetes quantity (too large to represent)');
  });

  it('accepts finite numbers as they are, as YAML integers arrive', () => {
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity(0.5)).toBe(0.5);
    expect(() => parseQuantity(Number.NaN)).toThrow(InvalidQuantityError);
    expect(() => parseQuantity(Number.POSITIVE_INFINITY)).toThrow(InvalidQuantityError);
  });
});

describe('tryParseQuantity and isValidQuantity', () => {
  it.each<[string | number | undefined | null, number | undefined]>([
    ['250m', 0.25],
    ['1Gi', Gi],
    [3, 3],
    [undefined, undefined],
    [null, undefined],
    ['bogus', undefined],
  ])('tryParseQuantity(%j) is %p', (text, expected) => {
    expect(tryParseQuantity(text)).toBe(expected);
  });

  it.each(['500m', '2', '1Gi', '512Mi', '1.5Gi', '-1', '0.1m', '1e3', '1E-3', '+.5'])('%j is valid', text => {
    expect(isValidQuantity(text)).toBe(true);
  });
});

describe('parseCpuCores', () => {
  it.each<[string | number, number]>([
    ['250m', 0.25],
    ['100m', 0.1],
    ['2', 2],
    ['1.5', 1.5],
    ['0.1m', 0.001],
    ['1500u', 0.002],
    ['1n', 0.001],
    ['0', 0],
    ['1e-3', 0.001],
    [0.3, 0.3],
    [0.1 + 0.2, 0.3],
    ['-0.1m', -0.001],
  ])('%j is %p cores', (text, cores) => {
    expect(parseCpuCores(text)).toBe(cores);
  });

  it('throws on malformed CPU', () => {
    expect(() => parseCpuCores('2 cores')).toThrow(InvalidQuantityError);
  });
});

describe('parseMemoryBytes', () => {
  it.each<[string, number]>([
    ['1Gi', 1073741824],
    ['512Mi', 536870912],
    ['128974848', 128974848],
    ['129e6', 129000000],
    ['129M', 129000000],
    ['123Mi', 128974848],
    ['1.5Gi', 1610612736],
    ['1.1Ki', 1127],
    ['0.5', 1],
    ['1k', 1000],
    ['0', 0],
  ])('%j is %p bytes', (text, bytes) => {
    expect(parseMemoryBytes(text)).toBe(bytes);
  });

  it('throws on malformed memory', () => {
    expect(() => parseMemoryBytes('1GB')).toThrow(InvalidQuantityError);
  });
});

describe('formatCpu', () => {
  it.each<[number, string]>([
    [0, '0'],
    [0.25, '250m'],
    [0.1, '100m'],
    [0.1 + 0.2, '300m'],
    [2, '2'],
    [1.5, '1500m'],
    [0.0001, '1m'],
    [0.0011, '2m'],
    [12, '12'],
    [1500, '1500'],
    [2000, '2k'],
    [64000, '64k'],
    [-0.5, '-500m'],
    [-2, '-2'],
  ])('%p cores is %j', (cores, text) => {
    expect(formatCpu(cores)).toBe(text);
  });

  it('round-trips canonical CPU quantities', () => {
    for (const text of ['1m', '250m', '999m', '1', '3', '1001m', '40', '2k']) {
      expect(formatCpu(parseCpuCores(text))).toBe(text);
    }
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatCpu(Number.NaN)).toThrow(InvalidQuantityError);
    expect(() => formatCpu(Number.POSITIVE_INFINITY)).toThrow(InvalidQuantityError);
  });
});

describe('formatBytes', () => {
  it.each<[number, string]>([
    [0, '0'],
    [512, '512'],
    [1000, '1k'],
    [1023, '1023'],
    [1024, '1Ki'],
    [1536, '1536'],
    [3000, '3000'],
    [1500 * Ki, '1500Ki'],
    [512 * Mi, '512Mi'],
    [Gi, '1Gi'],
    [1.5 * Gi, '1536Mi'],
    [16 * Gi, '16Gi'],
    [1024 * Gi, '1Ti'],
    [2 ** 60, '1Ei'],
    [2 ** 70, '1024Ei'],
    [128974848, '123Mi'],
    [129000000, '129000000'],
    [0.5, '500m'],
    [-Gi, '-1Gi'],
  ])('%p bytes is %j', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('round-trips canonical memory quantities', () => {
    for (const text of ['1Ki', '512Mi', '1Gi', '1536Mi', '3Ti', '100', '1k']) {
      expect(formatBytes(parseMemoryBytes(text))).toBe(text);
    }
  });

  it('refuses NaN', () => {
    expect(() => formatBytes(Number.NaN)).toThrow(InvalidQuantityError);
  });
});

describe('formatDecimalSI', () => {
  it.each<[number, string]>([
    [1e6, '1M'],
    [1.5e6, '1500k'],
    [1e9, '1G'],
    [1e12, '1T'],
    [1e15, '1P'],
    [1e18, '1E'],
    [1e21, '1000E'],
    [0.000001, '1m'],
  ])('%p is %j', (value, text) => {
    expect(formatDecimalSI(value)).toBe(text);
  });

  it('parses back to the value it was given, for values on the milli grid', () => {
    for (let millis = -2500; millis <= 2500; millis += 7) {
      const value = millis / 1000;
      expect(parseQuantity(formatDecimalSI(value))).toBeCloseTo(value, 9);
    }
  });
});
