/*
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): decimal SI (n u m k M
 * G T P E), binary SI (Ki … Ei) and decimal exponents (1e3). Values are held exactly as a
 * BigInt count of nano-units, so quota sums of millicores and exbibytes never lose precision.
 */

/** How a quantity prints: the format of the suffix it was written with. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity. */
export interface Quantity {
  /** The value times 10^9, rounded up (as Kubernetes rounds sub-nano fractions up). */
  nanos: bigint;
  format: QuantityFormat;
}

/** The regular expression Kubernetes quotes when a quantity does not parse. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

const NANO = 10n ** 9n;
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWERS: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NUMBER_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/;

/** Thrown when a string is not a Kubernetes quantity. */
export class QuantityParseError extends Error {
  constructor(readonly input: string) {
    super(`quantities must match the regular expression '${QUANTITY_PATTERN}'`);
  }
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  if (a % b === 0n || a < 0n) return q;
  return q + 1n;
}

// Quantities repeat endlessly across a cluster ("100m", "128Mi"); parsed values are immutable.
const cache = new Map<string, Quantity>();
const CACHE_LIMIT = 10_000;

/** Parses a quantity such as `500m`, `1.5Gi`, `2e3` or a bare number; throws QuantityParseError. */
export function parseQuantity(input: string | number): Quantity {
  const key = typeof input === 'number' ? String(input) : input;
  const hit = typeof key === 'string' ? cache.get(key) : undefined;
  if (hit) return hit;
  const parsed = Object.freeze(parseUncached(input));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

function parseUncached(input: string | number): Quantity {
  const text = typeof input === 'number' ? String(input) : input;
  if (typeof text !== 'string' || text.length === 0) throw new QuantityParseError(String(input));
  const m = NUMBER_RE.exec(text);
  if (!m) throw new QuantityParseError(text);
  const [, sign, digits, suffix] = m;
  const [intPart, fracPart = ''] = digits.split('.');
  const mantissa = BigInt((intPart || '0') + fracPart);
  const fracDigits = fracPart.length;

  let numerator: bigint;
  let denominator = 10n ** BigInt(fracDigits);
  let format: QuantityFormat;
  if (suffix in BINARY_POWERS) {
    numerator = mantissa * NANO * (1n << BigInt(BINARY_POWERS[suffix]));
    format = 'BinarySI';
  } else if (suffix in DECIMAL_EXPONENTS) {
    const exp = DECIMAL_EXPONENTS[suffix] + 9;
    numerator = exp >= 0 ? mantissa * 10n ** BigInt(exp) : mantissa;
    if (exp < 0) denominator *= 10n ** BigInt(-exp);
    format = 'DecimalSI';
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    const exp = Number(suffix.slice(1)) + 9;
    if (Math.abs(exp) > 100) throw new QuantityParseError(text);
    numerator = exp >= 0 ? mantissa * 10n ** BigInt(exp) : mantissa;
    if (exp < 0) denominator *= 10n ** BigInt(-exp);
    format = 'DecimalExponent';
  } else {
    throw new QuantityParseError(text);
  }
  const nanos = ceilDiv(numerator, denominator);
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

/** Like parseQuantity, but returns undefined instead of throwing. */
export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

function formatDecimal(nanos: bigint, exponentStyle: boolean): string {
  const sign = nanos < 0n ? '-' : '';
  let n = nanos < 0n ? -nanos : nanos;
  if (n === 0n) return '0';
  if (n % NANO !== 0n) {
    // Sub-unit values print with the coarsest exact suffix: m, then u, then n.
    const subUnits: Array<[string, number, bigint]> = [['m', -3, 10n ** 6n], ['u', -6, 10n ** 3n], ['n', -9, 1n]];
    for (const [suffix, exp, scale] of subUnits) {
      if (n % scale === 0n) return `${sign}${n / scale}${exponentStyle ? `e${exp}` : suffix}`;
    }
  }
  n /= NANO;
  const suffixes: Array<[string, number]> = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3]];
  for (const [suffix, exp] of suffixes) {
    const scale = 10n ** BigInt(exp);
    if (n % scale === 0n) return `${sign}${n / scale}${exponentStyle ? `e${exp}` : suffix}`;
  }
  return `${sign}${n}`;
}

function formatBinary(nanos: bigint): string {
  if (nanos % NANO !== 0n) return formatDecimal(nanos, false);
  const sign = nanos < 0n ? '-' : '';
  const n = (nanos < 0n ? -nanos : nanos) / NANO;
  if (n === 0n) return '0';
  for (const [suffix, power] of Object.entries(BINARY_POWERS).reverse()) {
    const scale = 1n << BigInt(power);
    if (n % scale === 0n) return `${sign}${n / scale}${suffix}`;
  }
  return `${sign}${n}`;
}

/** The canonical string of a quantity in its format (`1536Mi`, `1500m`, `2`). */
export function formatQuantity(q: Quantity): string {
  switch (q.format) {
    case 'BinarySI':
      return formatBinary(q.nanos);
    case 'DecimalExponent':
      return formatDecimal(q.nanos, true);
    default:
      return formatDecimal(q.nanos, false);
  }
}

/** a + b, keeping a's format (as resource.Quantity.Add does). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

/** a - b, keeping a's format. */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.format };
}

/** -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  if (a.nanos === b.nanos) return 0;
  return a.nanos < b.nanos ? -1 : 1;
}

/** The quantity as a JavaScript number (lossy beyond 2^53 nano-units; fine for ratios and metrics). */
export function quantityToNumber(q: Quantity): number {
  return Number(q.nanos) / 1e9;
}

/** A zero quantity in the given format. */
export function zeroQuantity(format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: 0n, format };
}

/** Normalises a quantity string to its canonical form (`1000m` → `1`, `1024Mi` → `1Gi`). */
export function canonicalQuantity(input: string | number): string {
  return formatQuantity(parseQuantity(input));
}

/*
 * Plain numbers of base units (cores, bytes), for the controllers' scheduling and usage
 * arithmetic and for status fields computed from it.
 */

/** A quantity ("250m", "512Mi", 2) in base units; undefined when absent or malformed. */
export function quantityValue(input: unknown): number | undefined {
  const q = tryParseQuantity(input);
  return q && quantityToNumber(q);
}

/** Formats CPU cores as Kubernetes does in status fields ("250m", "2"). */
export function formatCpu(cores: number): string {
  const millis = Math.round(cores * 1000);
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Formats CPU cores in nanocores, as metrics-server reports usage ("123456789n"). */
export function formatNanoCores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Formats bytes (rounded, at least 0) with the largest exact binary suffix ("512Mi", "16Gi", "1536Ki"). */
export function formatBytes(bytes: number): string {
  return formatBinary(BigInt(Math.max(0, Math.round(bytes))) * NANO);
}

/** Formats bytes rounded to Ki, as kubelet and metrics-server report memory ("123456Ki"). */
export function formatKibibytes(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
