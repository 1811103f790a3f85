import { readText } from '../system/common/host.js';
import type { ProcessContext } from '../types.js';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return !!m && m.slice(1).every((b) => Number(b) <= 255);
}

/** An /etc/hosts entry for `name` (IPv4 only; the simulated networks have no IPv6). */
function fromHosts(ctx: ProcessContext, name: string): string | undefined {
  for (const raw of (readText(ctx.fs, '/etc/hosts') ?? '').split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && isIpv4(addr) && names.some((n) => n.toLowerCase() === name.toLowerCase())) return addr;
  }
  return undefined;
}

export interface Resolved {
  ip: string;
  /** The answer came from DNS (not a literal address or /etc/hosts). */
  dns: boolean;
}

/**
 * getaddrinfo as the C library does it: an address as is, then /etc/hosts, then the name
 * server of /etc/resolv.conf (docker's embedded DNS on user-defined networks).
 */
export function resolveHost(ctx: ProcessContext, name: string): Resolved | undefined {
  if (isIpv4(name)) return { ip: name, dns: false };
  const local = fromHosts(ctx, name) ?? (name === 'localhost' ? '127.0.0.1' : undefined);
  if (local) return { ip: local, dns: false };
  const ip = ctx.net?.dns(name);
  return ip ? { ip, dns: true } : undefined;
}

/** Stable made-up round-trip times: a fraction of a millisecond on a bridge, ~10 ms beyond. */
export function roundTrip(ctx: ProcessContext, ip: string): number {
  const local =
    ip.startsWith('127.') || ip.startsWith('172.') || ip.startsWith('10.') || ip.startsWith('192.168.');
  const r = ctx.random();
  return local ? 0.04 + r * 0.08 : 9 + r * 6;
}

/** Whether this process has a network at all (no `net`: a build step, a test). */
export function hasNetwork(ctx: ProcessContext): boolean {
  return ctx.net !== undefined;
}
