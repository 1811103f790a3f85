import { createHash } from 'node:crypto';
import type { EndpointSettings } from '../../api/containers.js';
import { EngineError, invalidParameter } from '../../api/errors.js';
import { broadcast, contains, formatIp, nth, parseCidr, parseIp } from './ipv4.js';
import type { EndpointRecord, NetworkDoc } from './store.js';

/** Docker's MAC for an address on a bridge: 02:42 followed by the IPv4 bytes. */
export function macFor(ip: string): string {
  if (!ip) return '';
  return ['02', '42', ...ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))].join(':');
}

/** The host end of a veth pair: `veth` and seven hex digits, stable for an endpoint. */
export function vethName(endpointId: string): string {
  return `veth${createHash('sha256').update(endpointId).digest('hex').slice(0, 7)}`;
}

/** A user-defined network (not bridge, host or none) with a bridge driver gets DNS. */
export function isUserBridge(doc: NetworkDoc): boolean {
  return doc.Driver === 'bridge' && doc.Name !== 'bridge';
}

export function subnetOf(doc: NetworkDoc): { subnet: string; gateway: string; range?: string } | undefined {
  const c = doc.IPAM.Config[0];
  if (!c?.Subnet) return undefined;
  return { subnet: c.Subnet, gateway: c.Gateway ?? '', ...(c.IPRange ? { range: c.IPRange } : {}) };
}

function usedAddresses(doc: NetworkDoc): Set<number> {
  const used = new Set<number>();
  for (const ep of Object.values(doc.Endpoints)) used.add(parseIp(ep.IPv4Address.split('/')[0]!) ?? -1);
  const gw = subnetOf(doc)?.gateway;
  if (gw) used.add(parseIp(gw) ?? -1);
  for (const a of Object.values(doc.IPAM.Config[0]?.AuxiliaryAddresses ?? {})) used.add(parseIp(a) ?? -1);
  return used;
}

/**
 * An address for a new endpoint: the one asked for (`--ip`), or the lowest free address of the
 * network's range (never the network address, the gateway or the broadcast address).
 */
export function allocateAddress(doc: NetworkDoc, wanted?: string): string {
  const sub = subnetOf(doc);
  const cidr = sub && parseCidr(sub.subnet);
  if (!sub || !cidr) throw new EngineError('system', `network ${doc.Name} has no IPv4 subnet`);
  const used = usedAddresses(doc);
  if (wanted) {
    const ip = parseIp(wanted);
    if (ip === undefined || !contains(cidr, ip))
      throw invalidParameter(
        `invalid endpoint settings:\nno configured subnet or ip-range contain the IP address ${wanted}`,
      );
    if (used.has(ip)) throw new EngineError('system', 'Address already in use');
    return wanted;
  }
  const pool = (sub.range && parseCidr(sub.range)) || cidr;
  const last = broadcast(cidr);
  for (let ip = Math.max(pool.base, nth(cidr, 1)); ip < pool.base + 2 ** (32 - pool.prefix); ip++) {
    if (ip >= last) break;
    if (!used.has(ip)) return formatIp(ip);
  }
  throw new EngineError('system', `no available IPv4 addresses on this network's address pools: ${doc.Name}`);
}

/** The endpoint settings inspect shows for a network a container is attached to. */
export function endpointSettings(
  doc: NetworkDoc | undefined,
  ep: EndpointRecord | undefined,
  keep: Partial<EndpointSettings> = {},
): EndpointSettings {
  const [ip = '', bits] = ep ? ep.IPv4Address.split('/') : [];
  const prefix = bits ? Number(bits) : 0;
  return {
    IPAMConfig: keep.IPAMConfig ?? null,
    Links: keep.Links ?? null,
    Aliases: keep.Aliases ?? null,
    MacAddress: ep?.MacAddress ?? '',
    DriverOpts: keep.DriverOpts ?? null,
    GwPriority: keep.GwPriority ?? 0,
    NetworkID: doc?.Id ?? keep.NetworkID ?? '',
    EndpointID: ep?.EndpointID ?? '',
    Gateway: ip && doc ? (subnetOf(doc)?.gateway ?? '') : '',
    IPAddress: ip,
    IPPrefixLen: prefix,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: keep.DNSNames ?? null,
  };
}

/** Inspect lists a container's networks by name, as Go encodes a map. */
export function sortNetworks(networks: Record<string, EndpointSettings>): Record<string, EndpointSettings> {
  return Object.fromEntries(Object.entries(networks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
