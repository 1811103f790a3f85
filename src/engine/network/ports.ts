import type { PortBinding } from '../../api/containers.js';
import { EngineError } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';

const FILE = 'network/ports.json';
const EPHEMERAL_START = 32768;

export interface ProxySpec {
  proto: string;
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
}

/** A published port as the host sees it: who listens on `hostIp:hostPort/proto`. */
export interface Published {
  hostIp: string;
  hostPort: number;
  proto: string;
  containerId: string;
}

/**
 * The host ports docker-proxy holds (`network/ports.json`): `ip:port/proto` → container ID.
 * A wildcard address clashes with every address of its family.
 */
export class HostPorts {
  constructor(private readonly store: StateStore) {}

  private read(): Record<string, string> {
    const text = this.store.readText(FILE);
    return text ? (JSON.parse(text) as { ports: Record<string, string> }).ports : {};
  }

  private write(ports: Record<string, string>): void {
    this.store.writeJson(FILE, { ports });
  }

  all(): Published[] {
    return Object.entries(this.read()).flatMap(([slot, containerId]) => {
      const m = /^(.*):(\d+)\/(\w+)$/.exec(slot);
      return m ? [{ hostIp: m[1]!, hostPort: Number(m[2]), proto: m[3]!, containerId }] : [];
    });
  }

  taken(ip: string, port: number, proto: string, ports = this.read()): boolean {
    const wildcard = ip === '0.0.0.0' || ip === '::';
    return Object.keys(ports).some((key) => {
      const m = /^(.*):(\d+)\/(\w+)$/.exec(key);
      if (!m || Number(m[2]) !== port || m[3] !== proto) return false;
      const other = m[1]!;
      const otherWild = other === '0.0.0.0' || other === '::';
      const sameFamily = other.includes(':') === ip.includes(':');
      return sameFamily && (other === ip || wildcard || otherWild);
    });
  }

  private ephemeral(proto: string, ports: Record<string, string>): number {
    for (let p = EPHEMERAL_START; p < 61000; p++) {
      if (!this.taken('0.0.0.0', p, proto, ports) && !this.taken('::', p, proto, ports)) return p;
    }
    throw new EngineError('system', 'no ports available');
  }

  /**
   * Claims the host ports a container publishes (all or none): the bindings as inspect shows
   * them, and one docker-proxy per address and port. A clash is docker's "port is already
   * allocated" error, naming the endpoint.
   */
  claim(
    containerId: string,
    wanted: Record<string, PortBinding[]>,
    containerIp: string,
    clash: (hostIp: string, hostPort: number) => string,
  ): { bindings: Record<string, PortBinding[]>; proxies: ProxySpec[] } {
    const ports = this.read();
    const bindings: Record<string, PortBinding[]> = {};
    const proxies: ProxySpec[] = [];
    for (const [key, list] of Object.entries(wanted)) {
      const [portText, proto = 'tcp'] = key.split('/');
      const out: PortBinding[] = [];
      for (const b of list) {
        const hostPort = b.HostPort ? Number(b.HostPort.split('-')[0]) : this.ephemeral(proto, ports);
        for (const hostIp of b.HostIp ? [b.HostIp] : ['0.0.0.0', '::']) {
          if (this.taken(hostIp, hostPort, proto, ports))
            throw new EngineError('system', clash(hostIp, hostPort));
          ports[`${hostIp}:${hostPort}/${proto}`] = containerId;
          out.push({ HostIp: hostIp, HostPort: String(hostPort) });
          proxies.push({ proto, hostIp, hostPort, containerIp, containerPort: Number(portText) });
        }
      }
      bindings[key] = out;
    }
    this.write(ports);
    return { bindings, proxies };
  }

  release(containerId: string): void {
    const ports = this.read();
    for (const [slot, id] of Object.entries(ports)) if (id === containerId) delete ports[slot];
    this.write(ports);
  }
}
