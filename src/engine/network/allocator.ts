import type { EndpointSettings, PortBinding } from '../../api/containers.js';
import { conflict, notFound } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import type { ContainerRecord } from '../containers/record.js';
import { ContainerStore } from '../containers/store.js';
import {
  allocateAddress,
  endpointSettings,
  isUserBridge,
  macFor,
  sortNetworks,
  subnetOf,
  vethName,
} from './endpoints.js';
import { HostPorts, type ProxySpec } from './ports.js';
import { type EndpointRecord, type NetworkDoc, NetworkStore } from './store.js';

export type { ProxySpec } from './ports.js';

/** The networks of a container in the order its interfaces get them: its network mode's first. */
export function attachOrder(rec: ContainerRecord): string[] {
  const keys = Object.keys(rec.NetworkSettings.Networks);
  if (keys.length === 0) return [rec.HostConfig.NetworkMode || 'bridge'];
  const mode = rec.HostConfig.NetworkMode;
  const first = keys.find((k) => k === mode || rec.NetworkSettings.Networks[k]?.NetworkID === mode);
  return [...(first ? [first] : []), ...keys.filter((k) => k !== first).sort()];
}

/** Names a container answers to on a user-defined network's DNS: its name, short ID and aliases. */
export function dnsNames(rec: ContainerRecord, aliases: string[] | null | undefined): string[] {
  return [rec.Name.slice(1), rec.ID.slice(0, 12), ...(aliases ?? [])];
}

/**
 * Endpoints and published ports of running containers. A starting container gets an endpoint
 * on each of its networks (the lowest free address, a MAC made from it, a veth pair) and its
 * host ports; a stopped one gives them all back. Its inspect entries follow.
 */
export class NetworkAllocator {
  private readonly networks: NetworkStore;
  private readonly ports: HostPorts;

  constructor(
    private readonly store: StateStore,
    private readonly random: Random,
    now: () => number = () => 0,
  ) {
    this.networks = new NetworkStore(store, random, now);
    this.ports = new HostPorts(store);
  }

  private docFor(key: string, settings: EndpointSettings | undefined): NetworkDoc | undefined {
    return (
      (settings?.NetworkID && this.networks.lookup(settings.NetworkID, false)) || this.networks.lookup(key)
    );
  }

  /** A new endpoint for `rec` on `doc` (saved in the network's document). */
  private endpoint(rec: ContainerRecord, doc: NetworkDoc, id: string, ifname: string): EndpointRecord {
    if (doc.Driver === 'host' || doc.Driver === 'null') {
      return { EndpointID: id, MacAddress: '', IPv4Address: '', ifindex: 0, veth: '', ifname: '' };
    }
    const wanted = rec.NetworkSettings.Networks[doc.Name]?.IPAMConfig?.IPv4Address;
    const ip = allocateAddress(doc, wanted || undefined);
    const prefix = subnetOf(doc)!.subnet.split('/')[1];
    const ifindex = this.networks.takeIfindex(2);
    return {
      EndpointID: id,
      MacAddress: macFor(ip),
      IPv4Address: `${ip}/${prefix}`,
      ifindex,
      veth: vethName(id),
      ifname,
    };
  }

  private join(rec: ContainerRecord, key: string, id: string, ifname: string): EndpointRecord {
    const keep = rec.NetworkSettings.Networks[key];
    const doc = this.docFor(key, keep);
    if (!doc) throw notFound(`network ${key} not found`);
    const ep = this.endpoint(rec, doc, id, ifname);
    doc.Endpoints[rec.ID] = ep;
    this.networks.save(doc);
    if (key !== doc.Name) delete rec.NetworkSettings.Networks[key];
    rec.NetworkSettings.Networks[doc.Name] = endpointSettings(doc, ep, {
      ...keep,
      DNSNames: isUserBridge(doc) ? dnsNames(rec, keep?.Aliases) : null,
    });
    rec.NetworkSettings.Networks = sortNetworks(rec.NetworkSettings.Networks);
    return ep;
  }

  /** Legacy links need their target running when the linking container starts. */
  private checkLinks(rec: ContainerRecord): void {
    const links = rec.HostConfig.Links ?? [];
    if (!links.length) return;
    const containers = new ContainerStore(this.store);
    for (const link of links) {
      const [target = '', alias] = link.replace(/^\//, '').split(':');
      if (!containers.lookup(target)?.State.Running) {
        const as = (alias ?? target).split('/').pop();
        throw conflict(`Cannot link to a non running container: /${target} AS /${rec.Name.slice(1)}/${as}`);
      }
    }
  }

  /** Connects a starting container: its endpoints and its published ports (docker-proxy specs). */
  attach(rec: ContainerRecord): ProxySpec[] {
    this.checkLinks(rec);
    const order = attachOrder(rec);
    // Endpoint, then sandbox: the IDs come in the daemon's order.
    const firstId = generateId(this.random);
    rec.NetworkSettings.SandboxID = generateId(this.random);
    let primary: EndpointRecord | undefined;
    try {
      order.forEach((key, i) => {
        const ep = this.join(rec, key, i === 0 ? firstId : generateId(this.random), `eth${i}`);
        if (i === 0) primary = ep;
      });
      return this.publish(rec, primary, firstId);
    } catch (e) {
      this.detach(rec);
      throw e;
    }
  }

  private publish(
    rec: ContainerRecord,
    primary: EndpointRecord | undefined,
    endpointId: string,
  ): ProxySpec[] {
    const ports: Record<string, PortBinding[] | null> = {};
    for (const key of Object.keys(rec.Config.ExposedPorts ?? {})) ports[key] = null;
    const ip = primary?.IPv4Address.split('/')[0] ?? '';
    if (!ip) {
      rec.NetworkSettings.Ports = {};
      return [];
    }
    const wanted: Record<string, PortBinding[]> = { ...(rec.HostConfig.PortBindings ?? {}) };
    if (rec.HostConfig.PublishAllPorts) {
      for (const key of Object.keys(rec.Config.ExposedPorts ?? {}))
        wanted[key] ??= [{ HostIp: '', HostPort: '' }];
    }
    const { bindings, proxies } = this.ports.claim(
      rec.ID,
      wanted,
      ip,
      (hostIp, hostPort) =>
        `failed to set up container networking: driver failed programming external connectivity on endpoint ${rec.Name.slice(1)} (${endpointId}): Bind for ${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:${hostPort} failed: port is already allocated`,
    );
    rec.NetworkSettings.Ports = { ...ports, ...bindings } as Record<string, PortBinding[]>;
    return proxies;
  }

  /** Frees a stopped container's addresses and ports (its endpoints stay in inspect, emptied). */
  detach(rec: ContainerRecord): void {
    this.ports.release(rec.ID);
    for (const [key, settings] of Object.entries(rec.NetworkSettings.Networks)) {
      const doc = (settings.NetworkID && this.networks.lookup(settings.NetworkID, false)) || undefined;
      const found = doc ?? this.networks.lookup(key, false);
      if (found?.Endpoints[rec.ID]) {
        delete found.Endpoints[rec.ID];
        this.networks.save(found);
      }
      rec.NetworkSettings.Networks[key] = {
        ...settings,
        EndpointID: '',
        Gateway: '',
        IPAddress: '',
        IPPrefixLen: 0,
        MacAddress: '',
      };
    }
    rec.NetworkSettings.SandboxID = '';
  }

  /** `network connect` on a running container: one more endpoint, the next ethN. */
  connectRunning(rec: ContainerRecord, key: string): void {
    const active = this.networks.all().filter((d) => d.Endpoints[rec.ID]).length;
    this.join(rec, key, generateId(this.random), `eth${active}`);
  }

  /** `network disconnect`: the endpoint goes, and the network leaves the container's settings. */
  disconnect(rec: ContainerRecord, doc: NetworkDoc): void {
    if (doc.Endpoints[rec.ID]) {
      delete doc.Endpoints[rec.ID];
      this.networks.save(doc);
    }
    delete rec.NetworkSettings.Networks[doc.Name];
  }
}
