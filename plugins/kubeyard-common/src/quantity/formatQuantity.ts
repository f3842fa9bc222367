import { InvalidQuantityError } from './InvalidQuantityError';
import { roundUpTo } from './parseQuantity';

/*
 * Canonical forms as Quantity.String() in k8s.io/apimachinery writes them (and kubectl shows
 * them): the largest suffix that keeps the number whole, values rounded up to milli units.
 */

const DECIMAL_SUFFIXES: Array<[number, string]> = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
];

const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) {
    throw new InvalidQuantityError(String(value), 'only finite numbers can be written as quantities');
  }
}

/** Writes a number in canonical decimal SI form: 0.25 → `250m`, 2 → `2`, 1500 → `1500`, 2000 → `2k`. */
export function formatDecimalSI(value: number): string {
  assertFinite(value);
  const rounded = Number.isInteger(value) ? value : roundUpTo(value, 3);
  if (rounded === 0) return '0';
  const sign = rounded < 0 ? '-' : '';
  const magnitude = Math.abs(rounded);
  if (!Number.isInteger(magnitude)) return `${sign}${Math.round(magnitude * 1000)}m`;
  // BigInt, because above 2^53 a float cannot tell whether it divides by 1000.
  let mantissa = BigInt(magnitude);
  let exponent = 0;
  while (exponent < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exponent += 3;
  }
  const suffix = DECIMAL_SUFFIXES.find(([e]) => e === exponent)![1];
  return `${sign}${mantissa}${suffix}`;
}

/** Writes CPU cores in canonical form: 0.25 → `250m`, 2 → `2`, 1.5 → `1500m`. */
export function formatCpu(cores: number): string {
  return formatDecimalSI(cores);
}

/**
 * Writes bytes in canonical binary SI form: 1073741824 → `1Gi`, 1.5 GiB → `1536Mi`. Like
 * Kubernetes, values under 1024 or with fractions fall back to decimal SI (1000 → `1k`).
 */
export function formatBytes(bytes: number): string {
  assertFinite(bytes);
  const magnitude = Math.abs(bytes);
  if (magnitude < 1024 || !Number.isInteger(magnitude)) return formatDecimalSI(bytes);
  let mantissa = magnitude;
  let power = 0;
  while (power < BINARY_SUFFIXES.length - 1 && mantissa % 1024 === 0) {
    mantissa /= 1024;
    power += 1;
  }
  return `${bytes < 0 ? '-' : ''}${mantissa}${BINARY_SUFFIXES[power]}`;
}
