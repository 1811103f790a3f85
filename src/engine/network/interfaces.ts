import { createHash } from 'node:crypto';
import type { NetInterface, NetRoute } from '../../programs/types.js';
import { subnetOf } from './endpoints.js';
import { broadcast, formatIp, parseCidr, parseIp } from './ipv4.js';
import type { EndpointRecord, NetworkDoc } from './store.js';

/** The host's NIC (VirtualBox-style NAT): address, gateway and MAC. */
export const HOST_NIC = { name: 'enp0s3', ip: '10.0.2.15', gateway: '10.0.2.2', mac: '08:00:27:3a:5c:91' };

/** A random-looking, stable, locally administered MAC (docker 28 gives bridges and veths such). */
export function stableMac(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  const bytes = [(h[0]! & 0xfc) | 0x02, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The kernel's EUI-64 link-local address for a MAC (`02:42:55:55:f8:cb` → `fe80::42:55ff:fe55:f8cb`). */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => Number.parseInt(x, 16));
  b[0] = b[0]! ^ 0x02;
  const groups = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
}

export const LOOPBACK: NetInterface = {
  index: 1,
  name: 'lo',
  kind: 'loopback',
  mac: '00:00:00:00:00:00',
  mtu: 65536,
  qdisc: 'noqueue',
  qlen: 1000,
  carrier: true,
  ipv4: { address: '127.0.0.1', prefix: 8 },
  ipv6: { address: '::1', prefix: 128, scope: 'host' },
};

function v4(ipWithPrefix: string): NetInterface['ipv4'] {
  const [address, bits] = ipWithPrefix.split('/') as [string, string];
  const cidr = parseCidr(ipWithPrefix)!;
  return { address, prefix: Number(bits), broadcast: formatIp(broadcast(cidr)) };
}

/** The container's end of a veth pair (`eth0@if5`). */
export function containerInterface(ep: EndpointRecord): NetInterface {
  return {
    index: ep.ifindex,
    name: ep.ifname,
    peer: ep.ifindex + 1,
    kind: 'veth',
    mac: ep.MacAddress,
    mtu: 1500,
    qdisc: 'noqueue',
    carrier: true,
    linkNetnsId: 0,
    ipv4: v4(ep.IPv4Address),
  };
}

export function bridgeName(doc: NetworkDoc): string {
  return doc.Options['com.docker.network.bridge.name'] ?? `br-${doc.Id.slice(0, 12)}`;
}

/**
 * The host's interfaces: lo, its NIC, docker0 (there from the daemon's start), a `br-…` per
 * user-defined network, and the host end of each running container's veth pairs.
 */
export function hostInterfaces(
  docs: NetworkDoc[],
  netnsIdOf: (containerId: string) => number,
): NetInterface[] {
  const nic: NetInterface = {
    index: 2,
    name: HOST_NIC.name,
    kind: 'ether',
    mac: HOST_NIC.mac,
    mtu: 1500,
    qdisc: 'fq_codel',
    qlen: 1000,
    carrier: true,
    ipv4: { address: HOST_NIC.ip, prefix: 24, broadcast: '10.0.2.255', dynamic: true, metric: 100 },
    ipv6: { address: linkLocal(HOST_NIC.mac), prefix: 64, scope: 'link' },
  };
  const out: NetInterface[] = [LOOPBACK, nic];
  const bridges = docs.filter((d) => d.Driver === 'bridge');
  if (!bridges.some((d) => d.Name === 'bridge')) out.push(bridgeInterface(undefined, false));
  for (const doc of bridges) {
    const eps = Object.entries(doc.Endpoints);
    out.push(bridgeInterface(doc, eps.length > 0));
    for (const [id, ep] of eps) {
      const mac = stableMac(`veth ${ep.EndpointID}`);
      out.push({
        index: ep.ifindex + 1,
        name: ep.veth,
        peer: ep.ifindex,
        kind: 'veth',
        mac,
        mtu: 1500,
        qdisc: 'noqueue',
        carrier: true,
        master: bridgeName(doc),
        linkNetnsId: netnsIdOf(id),
        ipv6: { address: linkLocal(mac), prefix: 64, scope: 'link' },
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function bridgeInterface(doc: NetworkDoc | undefined, carrier: boolean): NetInterface {
  const sub = doc ? subnetOf(doc) : { subnet: '172.17.0.0/16', gateway: '172.17.0.1' };
  const mac = stableMac(`bridge ${doc?.Id ?? 'docker0'}`);
  const prefix = sub?.subnet.split('/')[1] ?? '16';
  return {
    index: doc?.BridgeIndex ?? 3,
    name: doc ? bridgeName(doc) : 'docker0',
    kind: 'bridge',
    mac,
    mtu: 1500,
    qdisc: 'noqueue',
    carrier,
    ...(sub ? { ipv4: v4(`${sub.gateway}/${prefix}`) } : {}),
    ...(carrier ? { ipv6: { address: linkLocal(mac), prefix: 64, scope: 'link' as const } } : {}),
  };
}

export function hostRoutes(docs: NetworkDoc[]): NetRoute[] {
  const routes: NetRoute[] = [
    {
      dst: 'default',
      via: HOST_NIC.gateway,
      dev: HOST_NIC.name,
      proto: 'dhcp',
      src: HOST_NIC.ip,
      metric: 100,
    },
    { dst: '10.0.2.0/24', dev: HOST_NIC.name, proto: 'kernel', scope: 'link', src: HOST_NIC.ip, metric: 100 },
    {
      dst: HOST_NIC.gateway,
      dev: HOST_NIC.name,
      proto: 'dhcp',
      scope: 'link',
      src: HOST_NIC.ip,
      metric: 100,
    },
  ];
  const bridges = docs.filter((d) => d.Driver === 'bridge');
  if (!bridges.some((d) => d.Name === 'bridge'))
    routes.push({
      dst: '172.17.0.0/16',
      dev: 'docker0',
      proto: 'kernel',
      scope: 'link',
      src: '172.17.0.1',
      linkdown: true,
    });
  for (const doc of bridges) {
    const sub = subnetOf(doc);
    if (!sub) continue;
    const down = Object.keys(doc.Endpoints).length === 0;
    routes.push({
      dst: sub.subnet,
      dev: bridgeName(doc),
      proto: 'kernel',
      scope: 'link',
      src: sub.gateway,
      ...(down ? { linkdown: true } : {}),
    });
  }
  return sortRoutes(routes);
}

/** The kernel lists the default route first, then by destination address. */
export function sortRoutes(routes: NetRoute[]): NetRoute[] {
  const key = (r: NetRoute) => (r.dst === 'default' ? -1 : (parseIp(r.dst.split('/')[0]!) ?? 0));
  return [...routes].sort((a, b) => key(a) - key(b));
}

/** A container's routes: the default via its first network's gateway (none on internal networks). */
export function containerRoutes(eps: { doc: NetworkDoc; ep: EndpointRecord }[]): NetRoute[] {
  const routes: NetRoute[] = [];
  const first = eps.find((e) => !e.doc.Internal);
  const gw = first && subnetOf(first.doc)?.gateway;
  if (first && gw) routes.push({ dst: 'default', via: gw, dev: first.ep.ifname });
  for (const { doc, ep } of eps) {
    const sub = subnetOf(doc);
    if (sub)
      routes.push({
        dst: sub.subnet,
        dev: ep.ifname,
        proto: 'kernel',
        scope: 'link',
        src: ep.IPv4Address.split('/')[0]!,
      });
  }
  return sortRoutes(routes);
}
