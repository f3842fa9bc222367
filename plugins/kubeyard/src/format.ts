import type { ClusterSync } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Three significant digits at most, without trailing zeros: 1.5, 12.3, 123. */
function round(value: number): string {
  const abs = Math.abs(value);
  let digits = 0;
  if (abs < 10) digits = 2;
  else if (abs < 100) digits = 1;
  return String(Number(value.toFixed(digits)));
}

/** CPU in cores, e.g. `1.5 cores`, `1 core`, `250m` for less than a tenth of a core. */
export function formatCores(cores: number): string {
  if (!Number.isFinite(cores)) return '—';
  if (cores > 0 && cores < 0.1) return `${Math.round(cores * 1000)}m`;
  const text = round(cores);
  return `${text} ${text === '1' ? 'core' : 'cores'}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units, as Kubernetes quantities use them: `512 MiB`, `12 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Round first: 1023.99 MiB reads better as 1 GiB.
  if (Number(round(value)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(value) : round(value)} ${BYTE_UNITS[unit]}`;
}

/** A ratio as a whole percentage: 0.634 → `63%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 100)}%`;
}

/** How long ago an ISO timestamp was, relative to `now` (ms): `12 s ago`, `5 min ago`. */
export function formatRelativeTime(
  iso: string,
  now: number = Date.now(),
): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'at an unknown time';
  const seconds = Math.floor((now - then) / 1000);
  // Clock skew between the browser and the backend can put a fresh sync in the future.
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** The short label of a cluster's sync state: `synced 12 s ago`, `stale`, `sync error`. */
export function describeSync(
  sync: ClusterSync,
  now: number = Date.now(),
): string {
  const ago = sync.lastSyncTime
    ? formatRelativeTime(sync.lastSyncTime, now)
    : undefined;
  switch (sync.state) {
    case 'synced':
      return ago ? `synced ${ago}` : 'synced';
    case 'syncing':
      return 'syncing…';
    case 'stale':
      return ago ? `stale, synced ${ago}` : 'stale';
    case 'error':
    default:
      return 'sync error';
  }
}

/** A count with its noun, pluralised: `1 node`, `3 nodes`. */
export function pluralize(
  count: number,
  noun: string,
  plural = `${noun}s`,
): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** An ISO timestamp in UTC to the second, as logs print it: `2025-03-01 14:02:09 UTC`. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** How long something took between two ISO timestamps: `< 1 s`, `9 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatDuration(startIso: string, endIso: string): string {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return '< 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

const currencyFormats = new Map<string, (amount: number) => string>();

function currencyFormat(currency: string, compact: boolean): (amount: number) => string {
  const key = `${currency}:${compact}`;
  let format = currencyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
      }).format;
    } catch {
      // A code Intl does not know (RangeError): the amount with the code after it.
      const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
      format = amount => `${plain.format(amount)} ${currency}`;
    }
    currencyFormats.set(key, format);
  }
  return format;
}

/**
 * Money in the report's currency: `$1,234.50`, `€12.00`; amounts that round to zero but are
 * not zero read `< $0.01`, so a tiny cost is not mistaken for none.
 */
export function formatCurrency(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return '—';
  const format = currencyFormat(currency, false);
  if (amount > 0 && amount < 0.005) return `< ${format(0.01)}`;
  return format(amount);
}

/** Money in few characters, for chart axes: `$1.2K`, `$850`. */
export function formatCurrencyCompact(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return '—';
  return currencyFormat(currency, true)(amount);
}

/** A quantity with thousands separators and at most `digits` decimals: `1,234.5`. */
export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
