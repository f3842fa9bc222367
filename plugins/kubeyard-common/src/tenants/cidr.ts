/*
 * IPv4 and IPv6 addresses and CIDR blocks as integer ranges (BigInt, so IPv6 fits), for
 * NetworkPolicy ipBlock evaluation and for validating the CIDRs a tenant spec names.
 */

/** An address range: `first` and `last` inclusive. */
export interface IpRange {
  version: 4 | 6;
  first: bigint;
  last: bigint;
}

/** A parsed CIDR block. */
export interface Cidr extends IpRange {
  prefix: number;
  /** Whether the address has no bits set past the prefix (`10.0.0.0/8`, not `10.1.2.3/8`). */
  canonical: boolean;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are refused, as Go's net.ParseIP does: `010` is octal to some parsers.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailGroups: number[] = [];
  // An embedded IPv4 address (`::ffff:10.0.0.1`) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tailGroups = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if ([...left, ...right].some(g => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const explicit = left.length + right.length + tailGroups.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  const groups = [
    ...left.map(g => parseInt(g, 16)),
    ...new Array(8 - explicit).fill(0),
    ...right.map(g => parseInt(g, 16)),
    ...tailGroups,
  ];
  return groups.reduce((acc: bigint, g: number) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses a single IPv4 or IPv6 address into a one-address range; undefined if malformed. */
export function parseIp(text: string): IpRange | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { version: 6, first: value, last: value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, first: value, last: value };
}

/** Parses `a.b.c.d/n` or `x:y::/n`; undefined if malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9]\d*)$/.test(prefixText)) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = address.first & ~hostMask;
  return { version: address.version, first, last: first | hostMask, prefix, canonical: first === address.first };
}

/** Parses an address or a CIDR block into a range; undefined if it is neither. */
export function parseIpOrCidr(text: string): IpRange | undefined {
  return text.includes('/') ? parseCidr(text) : parseIp(text);
}

/** Whether `outer` contains all of `inner`. */
export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

/** Whether two ranges share at least one address. */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}
