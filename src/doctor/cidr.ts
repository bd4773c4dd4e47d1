/** IPv4 addresses and CIDR blocks: parse, contain, overlap. Pure. (IPv6 blocks are recognised and skipped.) */

export interface Block {
  /** First address as an unsigned 32-bit number. */
  start: number;
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

export function parseBlock(text: string): Block | undefined {
  const m = IPV4.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return undefined;
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { start: (address & mask(prefix)) >>> 0, prefix };
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function end(b: Block): number {
  return (b.start + 2 ** (32 - b.prefix) - 1) >>> 0;
}

/** `outer` holds every address of `inner`. */
export function contains(outer: string, inner: string): boolean {
  const o = parseBlock(outer);
  const i = parseBlock(inner);
  if (!o || !i) return false;
  return o.prefix <= i.prefix && o.start <= i.start && end(i) <= end(o);
}

export function overlaps(a: string, b: string): boolean {
  const x = parseBlock(a);
  const y = parseBlock(b);
  if (!x || !y) return false;
  return x.start <= end(y) && y.start <= end(x);
}

export function prefixOf(cidr: string): number {
  return parseBlock(cidr)?.prefix ?? -1;
}

export function isIpv4Block(text: string): boolean {
  return parseBlock(text) !== undefined;
}

/** `10.0.1.5` → `10.0.1.5/32`; a CIDR stays as given (normalised to its network address). */
export function asCidr(text: string): string | undefined {
  const b = parseBlock(text);
  if (!b) return undefined;
  const a = b.start;
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${b.prefix}`;
}
