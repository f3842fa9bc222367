import { formatBytes, formatCpu, parseQuantity } from './quantity';

describe('parseQuantity', () => {
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
    expect(parseQuantity(input)).toBeCloseTo(expected as number, 9);
  });

  it.each([['abc'], ['1Xi'], [''], [undefined], [{}]])('rejects %p', input => {
    expect(parseQuantity(input)).toBeUndefined();
  });
});

describe('formatting', () => {
  it.each([
    [0.25, '250m'],
    [2, '2'],
    [1.5, '1500m'],
  ])('formatCpu(%d) = %s', (cores, text) =>
    expect(formatCpu(cores)).toBe(text),
  );

  it.each([
    [512 * 2 ** 20, '512Mi'],
    [16 * 2 ** 30, '16Gi'],
    [1536 * 1024, '1536Ki'],
    [1000, '1000'],
  ])('formatBytes(%d) = %s', (bytes, text) =>
    expect(formatBytes(bytes)).toBe(text),
  );
});
