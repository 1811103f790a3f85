import type { EndpointSettings, PortBinding } from '../../api/containers.js';
import { EngineError } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import type { ContainerRecord } from '../containers/record.js';

const FILE = 'network/allocations.json';
const EPHEMERAL_START = 32768;

interface Allocations {
  /** IPv4 address → container ID, on the default bridge. */
  ips: Record<string, string>;
  /** `ip:port/proto` → container ID. */
  ports: Record<string, string>;
  bridgeId?: string;
}

export interface ProxySpec {
  proto: string;
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
}

/**
 * Addresses and published ports of the default bridge (docker0, 172.17.0.0/16): the lowest
 * free address for each running container, host ports checked for clashes, ephemeral ports
 * from 32768 for `-P` and `-p 80`.
 */
export class NetworkAllocator {
  private doc: Allocations;

  constructor(
    private readonly store: StateStore,
    private readonly random: Random,
  ) {
    const text = store.readText(FILE);
    this.doc = text ? (JSON.parse(text) as Allocations) : { ips: {}, ports: {} };
  }

  private save(): void {
    this.store.writeJson(FILE, this.doc);
  }

  bridgeId(): string {
    this.doc.bridgeId ??= generateId(this.random);
    return this.doc.bridgeId;
  }

  private freeIp(): string {
    for (let n = 2; n < 65534; n++) {
      const ip = `172.17.${n >> 8}.${n & 255}`;
      if (!this.doc.ips[ip]) return ip;
    }
    throw new EngineError('system', 'no available IPv4 addresses on this network');
  }

  private taken(ip: string, port: number, proto: string): boolean {
    const wildcard = ip === '0.0.0.0' || ip === '::';
    return Object.keys(this.doc.ports).some((key) => {
      const m = /^(.*):(\d+)\/(\w+)$/.exec(key);
      if (!m || Number(m[2]) !== port || m[3] !== proto) return false;
      const other = m[1]!;
      const otherWild = other === '0.0.0.0' || other === '::';
      const sameFamily = other.includes(':') === ip.includes(':');
      return sameFamily && (other === ip || wildcard || otherWild);
    });
  }

  private ephemeral(proto: string): number {
    for (let p = EPHEMERAL_START; p < 61000; p++) {
      if (!this.taken('0.0.0.0', p, proto) && !this.taken('::', p, proto)) return p;
    }
    throw new EngineError('system', 'no ports available');
  }

  /** Connects a starting container: an address, its endpoint and its published ports. */
  attach(rec: ContainerRecord): ProxySpec[] {
    const mode = rec.HostConfig.NetworkMode;
    const endpointId = generateId(this.random);
    rec.NetworkSettings.SandboxID = generateId(this.random);
    if (mode === 'host' || mode === 'none') {
      rec.NetworkSettings.Networks = {
        [mode]: endpoint(mode === 'host' ? '' : '', '', endpointId, this.bridgeId(), 0),
      };
      rec.NetworkSettings.Ports = {};
      return [];
    }
    const ip = this.freeIp();
    const wanted: Record<string, PortBinding[]> = { ...(rec.HostConfig.PortBindings ?? {}) };
    if (rec.HostConfig.PublishAllPorts) {
      for (const key of Object.keys(rec.Config.ExposedPorts ?? {}))
        wanted[key] ??= [{ HostIp: '', HostPort: '' }];
    }
    const ports: Record<string, PortBinding[] | null> = {};
    const proxies: ProxySpec[] = [];
    const claimed: string[] = [];
    for (const key of Object.keys(rec.Config.ExposedPorts ?? {})) ports[key] = null;
    for (const [key, bindings] of Object.entries(wanted)) {
      const [portText, proto = 'tcp'] = key.split('/');
      const out: PortBinding[] = [];
      for (const b of bindings) {
        const hostPort = b.HostPort ? Number(b.HostPort.split('-')[0]) : this.ephemeral(proto);
        const ips = b.HostIp ? [b.HostIp] : ['0.0.0.0', '::'];
        for (const hostIp of ips) {
          if (this.taken(hostIp, hostPort, proto)) {
            for (const c of claimed) delete this.doc.ports[c];
            throw new EngineError(
              'system',
              `failed to set up container networking: driver failed programming external connectivity on endpoint ${rec.Name.slice(1)} (${endpointId}): Bind for ${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:${hostPort} failed: port is already allocated`,
            );
          }
          const slot = `${hostIp}:${hostPort}/${proto}`;
          this.doc.ports[slot] = rec.ID;
          claimed.push(slot);
          out.push({ HostIp: hostIp, HostPort: String(hostPort) });
          proxies.push({ proto, hostIp, hostPort, containerIp: ip, containerPort: Number(portText) });
        }
      }
      ports[key] = out;
    }
    this.doc.ips[ip] = rec.ID;
    rec.NetworkSettings.Networks = { bridge: endpoint(ip, '172.17.0.1', endpointId, this.bridgeId(), 16) };
    rec.NetworkSettings.Ports = ports as Record<string, PortBinding[]>;
    this.save();
    return proxies;
  }

  /** Frees a stopped container's address and ports (its endpoint stays in inspect, emptied). */
  detach(rec: ContainerRecord): void {
    for (const [ip, id] of Object.entries(this.doc.ips)) if (id === rec.ID) delete this.doc.ips[ip];
    for (const [slot, id] of Object.entries(this.doc.ports)) if (id === rec.ID) delete this.doc.ports[slot];
    this.save();
    for (const [name, ep] of Object.entries(rec.NetworkSettings.Networks)) {
      rec.NetworkSettings.Networks[name] = {
        ...ep,
        EndpointID: '',
        Gateway: '',
        IPAddress: '',
        IPPrefixLen: 0,
        MacAddress: '',
      };
    }
    rec.NetworkSettings.SandboxID = '';
  }
}

/** Docker's MAC for an address on the bridge: 02:42 followed by the IPv4 bytes. */
function macFor(ip: string): string {
  if (!ip) return '';
  return ['02', '42', ...ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))].join(':');
}

function endpoint(
  ip: string,
  gateway: string,
  endpointId: string,
  networkId: string,
  prefix: number,
): EndpointSettings {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: macFor(ip),
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: networkId,
    EndpointID: endpointId,
    Gateway: gateway,
    IPAddress: ip,
    IPPrefixLen: prefix,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  };
}
