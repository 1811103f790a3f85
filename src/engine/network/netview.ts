import type { NetFailure, NetInterface, NetPeer, NetRoute, NetView } from '../../programs/types.js';
import type { ContainerRecord } from '../containers/record.js';
import { attachOrder, dnsNames } from './allocator.js';
import { isUserBridge, subnetOf } from './endpoints.js';
import {
  containerInterface,
  containerRoutes,
  HOST_NIC,
  hostInterfaces,
  hostRoutes,
  LOOPBACK,
} from './interfaces.js';
import { isPrivate, parseIp } from './ipv4.js';
import { hostPeer, type NetDeps, peerOf } from './peers.js';
import { EMBEDDED_DNS, UPSTREAM_DNS } from './resolver-files.js';
import { type EndpointRecord, type NetworkDoc, readNetworks } from './store.js';

/**
 * A few well-known names the host's upstream resolver answers (the simulation is offline;
 * these stand for "the internet" in tutorials that ping it).
 */
const EXTERNAL: Record<string, string> = {
  'google.com': '142.250.185.78',
  'www.google.com': '142.250.185.68',
  'docker.com': '141.193.213.20',
  'www.docker.com': '141.193.213.21',
  'hub.docker.com': '44.219.3.189',
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'github.com': '140.82.121.4',
  'dns.google': '8.8.8.8',
  'one.one.one.one': '1.1.1.1',
};

interface Attached {
  doc: NetworkDoc;
  ep: EndpointRecord;
}

/**
 * The network as a process in a container (or on the host, `self` undefined) sees it. Built
 * from the network documents and container records of the state folder at the time it runs.
 */
export class EngineNetView implements NetView {
  private docsCache: NetworkDoc[] | undefined;

  constructor(
    private readonly deps: NetDeps,
    private readonly self: ContainerRecord | undefined,
  ) {}

  private docs(): NetworkDoc[] {
    this.docsCache ??= readNetworks(this.deps.store);
    return this.docsCache;
  }

  private get mode(): string {
    return this.self ? this.self.HostConfig.NetworkMode : 'host';
  }

  /** The container's active endpoints, in the order of its interfaces. */
  private attached(): Attached[] {
    const self = this.self;
    if (!self) return [];
    const out: Attached[] = [];
    for (const key of attachOrder(self)) {
      const doc = this.docs().find((d) => d.Name === key);
      const ep = doc?.Endpoints[self.ID];
      if (doc && ep?.IPv4Address) out.push({ doc, ep });
    }
    return out.sort((a, b) => a.ep.ifindex - b.ep.ifindex);
  }

  private external(): boolean {
    if (this.mode === 'host') return true;
    const eps = this.attached();
    return eps.some((a) => !a.doc.Internal);
  }

  nameserver(): string | undefined {
    if (this.mode === 'host') return '127.0.0.53';
    return this.attached().some((a) => isUserBridge(a.doc)) ? EMBEDDED_DNS : UPSTREAM_DNS;
  }

  dns(name: string): string | undefined {
    const n = name.toLowerCase().replace(/\.$/, '');
    if (this.mode === 'none') return undefined;
    for (const { doc } of this.attached()) {
      if (!isUserBridge(doc)) continue;
      const hit = this.onNetwork(doc, n);
      if (hit) return hit;
    }
    return this.external() ? EXTERNAL[n] : undefined;
  }

  /** Docker's embedded DNS: names, short IDs and aliases of the network's containers, and links. */
  private onNetwork(doc: NetworkDoc, n: string): string | undefined {
    const links = new Map<string, string>();
    for (const l of this.self?.HostConfig.Links ?? []) {
      const [target, alias] = l.replace(/^\//, '').split(':');
      links.set((alias ?? target ?? '').split('/').pop()!.toLowerCase(), target!.toLowerCase());
    }
    const wanted = links.get(n) ?? n;
    for (const [id, ep] of Object.entries(doc.Endpoints)) {
      const rec = this.deps.containers.get(id);
      if (!rec || !ep.IPv4Address) continue;
      const names = dnsNames(rec, rec.NetworkSettings.Networks[doc.Name]?.Aliases).map((x) =>
        x.toLowerCase(),
      );
      if (names.includes(wanted) || names.some((x) => `${x}.${doc.Name.toLowerCase()}` === wanted))
        return ep.IPv4Address.split('/')[0];
    }
    return undefined;
  }

  reverse(ip: string): string | undefined {
    for (const { doc } of this.attached()) {
      if (!isUserBridge(doc)) continue;
      for (const [id, ep] of Object.entries(doc.Endpoints)) {
        if (ep.IPv4Address.split('/')[0] !== ip) continue;
        const rec = this.deps.containers.get(id);
        if (rec) return `${rec.Name.slice(1)}.${doc.Name}`;
      }
    }
    return undefined;
  }

  interfaces(): NetInterface[] {
    if (this.mode === 'host') return hostInterfaces(this.docs(), (id) => this.netnsId(id));
    return [LOOPBACK, ...this.attached().map((a) => containerInterface(a.ep))];
  }

  routes(): NetRoute[] {
    if (this.mode === 'host') return hostRoutes(this.docs());
    return containerRoutes(this.attached());
  }

  /** The host's number for a container's network namespace (in the order the namespaces were made). */
  private netnsId(containerId: string): number {
    const inodes = this.deps.containers
      .all()
      .filter((c) => c.State.Running && c.HostConfig.NetworkMode !== 'host')
      .map((c) => ({ id: c.ID, ino: this.deps.kernel.process(c.State.Pid)?.ns.net ?? 0 }))
      .sort((a, b) => a.ino - b.ino);
    return Math.max(
      0,
      inodes.findIndex((x) => x.id === containerId),
    );
  }

  private hostAddresses(): Set<string> {
    const addrs = new Set([HOST_NIC.ip, '0.0.0.0', '172.17.0.1']);
    for (const d of this.docs()) {
      const gw = d.Driver === 'bridge' ? subnetOf(d)?.gateway : undefined;
      if (gw) addrs.add(gw);
    }
    return addrs;
  }

  /** The container holding `ip` on a network, if `ip` is a container's address. */
  private owner(ip: string): { doc: NetworkDoc; rec: ContainerRecord } | undefined {
    for (const doc of this.docs()) {
      for (const [id, ep] of Object.entries(doc.Endpoints)) {
        if (ep.IPv4Address.split('/')[0] !== ip) continue;
        const rec = this.deps.containers.get(id);
        if (rec) return { doc, rec };
      }
    }
    return undefined;
  }

  connect(ip: string, port: number, proto: 'tcp' | 'udp' = 'tcp'): NetPeer | NetFailure {
    const self = this.self;
    const loopback = ip.startsWith('127.') || ip === 'localhost';
    if (this.mode === 'host') {
      if (loopback || this.hostAddresses().has(ip)) return hostPeer(this.deps, ip, port, proto);
      const found = this.owner(ip);
      return found ? peerOf(this.deps, found.rec, port, proto) : 'unreachable';
    }
    if (!self) return 'unreachable';
    const mine = this.attached();
    if (loopback || mine.some((a) => a.ep.IPv4Address.split('/')[0] === ip))
      return peerOf(this.deps, self, port, proto);
    if (this.mode === 'none') return 'unreachable';
    const found = this.owner(ip);
    if (found) {
      const shared = mine.some((a) => a.doc.Id === found.doc.Id);
      return shared ? peerOf(this.deps, found.rec, port, proto) : 'unreachable';
    }
    if (this.hostAddresses().has(ip) && this.external()) return hostPeer(this.deps, ip, port, proto);
    return 'unreachable';
  }

  ping(ip: string): boolean {
    const n = parseIp(ip);
    if (n === undefined) return false;
    if (ip.startsWith('127.')) return true;
    if (this.mode !== 'host' && !this.self) return false;
    if (this.mode === 'none') return false;
    const mine = this.attached();
    if (this.mode !== 'host' && mine.some((a) => a.ep.IPv4Address.split('/')[0] === ip)) return true;
    const found = this.owner(ip);
    if (found) {
      const running = found.rec.State.Running;
      return running && (this.mode === 'host' || mine.some((a) => a.doc.Id === found.doc.Id));
    }
    if (this.hostAddresses().has(ip)) return this.mode === 'host' || mine.length > 0;
    return !isPrivate(n) && this.external();
  }
}
