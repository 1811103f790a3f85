/** IPv4 addresses and CIDR blocks as 32-bit numbers: parsing, containment, nth address. */

export interface Cidr {
  /** Network address as a number. */
  base: number;
  prefix: number;
}

export function parseIp(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function formatIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isIpv4(text: string): boolean {
  return parseIp(text) !== undefined;
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff - (2 ** (32 - prefix) - 1)) >>> 0;
}

/** `172.18.0.0/16` → block; the address part is reduced to the network address. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (ip === undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) return undefined;
  const prefix = Number(bits);
  return { base: (ip & mask(prefix)) >>> 0, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.base)}/${c.prefix}`;
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function contains(c: Cidr, ip: number): boolean {
  return ip >= c.base && ip < c.base + size(c);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

export function broadcast(c: Cidr): number {
  return c.base + size(c) - 1;
}

/** The nth address of a block (1 is the first host address: docker's gateway). */
export function nth(c: Cidr, n: number): number {
  return c.base + n;
}

/** RFC 1918, loopback and link-local space: addresses that never leave the host's networks. */
export function isPrivate(ip: number): boolean {
  const blocks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16'];
  return blocks.some((b) => contains(parseCidr(b)!, ip));
}

/**
 * Docker's default address pools: 172.17.0.0/16 to 172.31.0.0/16, then 192.168.0.0/16 cut
 * into /20 blocks. The default bridge takes the first; user networks the next free ones.
 */
export function* defaultPools(): Generator<Cidr> {
  for (let b = 17; b <= 31; b++) yield { base: parseIp(`172.${b}.0.0`)!, prefix: 16 };
  for (let i = 0; i < 16; i++) yield { base: parseIp(`192.168.${i * 16}.0`)!, prefix: 20 };
}
