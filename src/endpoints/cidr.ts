/**
 * IP address blocks, IPv4 and IPv6: parse, contain, overlap, cover, longest prefix. Pure. The one CIDR module
 * of the bot (preflight's reach checks and the doctor's path). An address without a prefix is a host block
 * (`/32`, `/128`); a block is normalised to its network address.
 */

export interface Block {
  version: 4 | 6;
  start: bigint;
  end: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** `10.0.0.0/16`, `10.0.1.5` (a /32), `2001:db8::/56` as an address range; undefined when malformed. */
export function parseCidr(cidr: string): Block | undefined {
  const parts = cidr.trim().split('/');
  if (parts.length > 2) return undefined;
  const [address, lengthText] = parts;
  if (address === undefined || (lengthText !== undefined && !/^\d{1,3}$/.test(lengthText))) return undefined;
  const version = address.includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  const prefix = lengthText === undefined ? bits : Number(lengthText);
  const value = version === 4 ? parseIpv4(address) : parseIpv6(address);
  if (value === undefined || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const start = (value / size) * size;
  return { version, start, end: start + size - 1n, prefix };
}

const blocks = (cidrs: string[]) => cidrs.map(parseCidr).filter((b): b is Block => b !== undefined);

/** True when the union of `cidrs` contains every address of `target`. */
export function covers(cidrs: string[], target: string): boolean {
  const t = parseCidr(target);
  if (!t) return false;
  const ranges = blocks(cidrs)
    .filter((b) => b.version === t.version && b.end >= t.start && b.start <= t.end)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let next = t.start;
  for (const r of ranges) {
    if (r.start > next) return false;
    if (r.end >= next) next = r.end + 1n;
    if (next > t.end) return true;
  }
  return next > t.end;
}

/** `outer` holds every address of `inner` (same family). */
export function contains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return Boolean(o && i && o.version === i.version && o.start <= i.start && i.end <= o.end);
}

/** True when `a` and `b` share at least one address. */
export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return Boolean(x && y && x.version === y.version && x.start <= y.end && y.start <= x.end);
}

/** The prefix length, or -1 when the text is not a block. */
export function prefixOf(cidr: string): number {
  return parseCidr(cidr)?.prefix ?? -1;
}

export const isIpv6 = (cidr: string) => cidr.includes(':');
export const isIpv4Block = (text: string) => parseCidr(text)?.version === 4;
export const isIpv6Block = (text: string) => parseCidr(text)?.version === 6;
/** A block of either family (not a prefix list id, not malformed). */
export const isBlock = (text: string) => parseCidr(text) !== undefined;
