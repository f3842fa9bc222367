/*
 * Kubernetes resource.Quantity parsing and formatting, enough for CPU, memory and storage.
 */

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/;

/** Parses a quantity ("250m", "1.5", "512Mi", "1G") into base units; undefined when invalid. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!Number.isFinite(amount)) return undefined;
  const suffix = match[2];
  const factor = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (factor === undefined) return undefined;
  return amount * factor;
}

/** Parses a quantity, or returns `fallback` when absent or invalid. */
export function quantityOr(value: unknown, fallback: number): number {
  return parseQuantity(value) ?? fallback;
}

/** Formats CPU cores as Kubernetes does in status fields ("250m", "2"). */
export function formatCpu(cores: number): string {
  const millis = Math.round(cores * 1000);
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Formats CPU cores in nanocores, as metrics.k8s.io reports usage ("123456789n"). */
export function formatNanoCores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Formats bytes with the largest exact binary suffix ("512Mi", "16Gi", "1536Ki"). */
export function formatBytes(bytes: number): string {
  const whole = Math.max(0, Math.round(bytes));
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const factor = BINARY_SUFFIXES[suffix];
    if (whole >= factor && whole % factor === 0)
      return `${whole / factor}${suffix}`;
  }
  return String(whole);
}

/** Formats bytes rounded to Ki, as kubelet and metrics-server report memory ("123456Ki"). */
export function formatKibibytes(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}
