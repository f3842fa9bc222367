import { InvalidQuantityError } from './InvalidQuantityError';

/*
 * The grammar of k8s.io/apimachinery/pkg/api/resource:
 *   <quantity> ::= <sign>? <number> <suffix>?
 *   <number>   ::= <digits> | <digits>.<digits>? | .<digits>
 *   <suffix>   ::= Ki|Mi|Gi|Ti|Pi|Ei | n|u|m|k|M|G|T|P|E | (e|E) <sign>? <digits>
 * No whitespace anywhere. The exponent form takes an integer only: the API server rejects
 * `1e1.5` even though the published OpenAPI pattern allows it.
 */
const QUANTITY = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d+))?$/;

const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENTS: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Parses a Kubernetes quantity (`500m`, `1.5Gi`, `1e3`, `-1`) into a number in base units; throws InvalidQuantityError. */
export function parseQuantity(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw new InvalidQuantityError(String(text), 'expected a finite number');
    return text;
  }
  const match = QUANTITY.exec(text);
  if (!match) throw new InvalidQuantityError(text);
  const [, sign, whole = '', fraction = '', bareFraction, binary, decimal, exponent] = match;
  const decimals = bareFraction ?? fraction;
  let power10 = -decimals.length;
  if (decimal) power10 += DECIMAL_EXPONENTS[decimal];
  if (exponent) power10 += Number(exponent);
  // Building "<digits>e<power>" lets Number() round once, correctly: 0.1 + 2 * 0.1 drift never
  // enters, so `100m` is exactly 0.1 and `1.1k` exactly 1100.
  let value = Number(`${whole}${decimals}e${power10}`);
  // Multiplying by a power of two is exact.
  if (binary) value *= 2 ** BINARY_EXPONENTS[binary];
  if (!Number.isFinite(value)) throw new InvalidQuantityError(text, 'too large to represent');
  // 0 - value, not -value: "-0" is zero, and -0 surprises callers that compare with Object.is.
  return sign === '-' ? 0 - value : value;
}

/** Like parseQuantity, but undefined for absent or malformed input. */
export function tryParseQuantity(text: string | number | undefined | null): number | undefined {
  if (text === undefined || text === null) return undefined;
  try {
    return parseQuantity(text);
  } catch (error) {
    if (error instanceof InvalidQuantityError) return undefined;
    throw error;
  }
}

/** Whether text is a Kubernetes quantity the API server accepts. */
export function isValidQuantity(text: string): boolean {
  return tryParseQuantity(text) !== undefined;
}

/**
 * Rounds away from zero to a whole multiple of 10^-decimals, as Kubernetes rounds quantities,
 * ignoring binary floating-point noise (0.30000000000000004 stays 0.3, not 0.301).
 */
export function roundUpTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  const nearest = Math.round(scaled);
  const rounded = Math.abs(scaled - nearest) <= 1e-9 * Math.max(1, scaled) ? nearest : Math.ceil(scaled);
  // + 0 turns -0 into 0.
  return (Math.sign(value) * rounded) / scale + 0;
}

/**
 * Parses a CPU quantity into cores (`250m` → 0.25), rounded up to whole millicores as the
 * scheduler and kubelet account it (`0.1m` → 0.001).
 */
export function parseCpuCores(text: string | number): number {
  return roundUpTo(parseQuantity(text), 3);
}

/** Parses a memory quantity into bytes (`1Gi` → 1073741824), rounded up to whole bytes as the scheduler accounts it. */
export function parseMemoryBytes(text: string | number): number {
  return roundUpTo(parseQuantity(text), 0);
}
