import type { NetworkResource } from '../../api/containers.js';
import { notFound } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import { rfc3339Nano } from '../../util/text.js';

/** A container's endpoint on a network while the container runs. */
export interface EndpointRecord {
  EndpointID: string;
  MacAddress: string;
  /** With the prefix length: `172.18.0.2/16`. */
  IPv4Address: string;
  /** Interface index of the container's end (`eth0`); the host's veth end is the next one. */
  ifindex: number;
  /** Name of the host's end (`veth3b4da5b`). */
  veth: string;
  /** The container's interface name (`eth0`, `eth1`). */
  ifname: string;
}

/**
 * A network as the daemon keeps it: `network/networks/<id>.json`, the API object plus its
 * active endpoints (by container ID) and the host interface of its bridge.
 */
export interface NetworkDoc extends Omit<NetworkResource, 'Containers'> {
  Endpoints: Record<string, EndpointRecord>;
  /** Host interface index of the bridge (docker0 is 3); absent for host and none. */
  BridgeIndex?: number;
  /** The subnet was given by the user (`--subnet`), which `--ip` requires. */
  UserSubnet?: boolean;
}

export const PREDEFINED = ['bridge', 'host', 'none'] as const;
export type PredefinedName = (typeof PREDEFINED)[number];

const DIR = 'network/networks';
const IFINDEX = 'network/ifindex.json';
/** lo is 1, the host's NIC 2, docker0 3: the next interface the kernel makes is 4. */
const FIRST_FREE_IFINDEX = 4;

function predefinedDoc(name: PredefinedName, id: string, created: string): NetworkDoc {
  const base = {
    Name: name,
    Id: id,
    Created: created,
    Scope: 'local' as const,
    EnableIPv4: true,
    EnableIPv6: false,
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Labels: {},
    Endpoints: {},
  };
  if (name !== 'bridge') {
    return {
      ...base,
      Driver: name === 'host' ? 'host' : 'null',
      IPAM: { Driver: 'default', Options: null, Config: [] },
      Options: {},
    };
  }
  return {
    ...base,
    Driver: 'bridge',
    IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
    Options: {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    },
    BridgeIndex: 3,
  };
}

/**
 * The networks of the state folder, one document each, read and written through on every
 * call (several parts of one engine call use the store). The predefined networks get their
 * IDs the first time something needs them.
 */
export class NetworkStore {
  /** Without `random` the store only reads (a missing predefined network is then not made). */
  constructor(
    private readonly store: StateStore,
    private readonly random?: Random,
    private readonly now: () => number = () => 0,
  ) {}

  private file(id: string): string {
    return `${DIR}/${id}.json`;
  }

  all(): NetworkDoc[] {
    return readNetworks(this.store);
  }

  /** Every network, the predefined ones made first if they are missing (what `network ls` shows). */
  list(): NetworkDoc[] {
    for (const name of PREDEFINED) this.predefined(name);
    return this.all();
  }

  save(doc: NetworkDoc): void {
    this.store.writeJson(this.file(doc.Id), doc);
  }

  delete(doc: NetworkDoc): void {
    this.store.remove(this.file(doc.Id));
  }

  /** A predefined network, made (with a fresh ID) on first use. */
  predefined(name: PredefinedName): NetworkDoc {
    const found = this.all().find((d) => d.Name === name);
    if (found) return found;
    if (!this.random) throw new Error(`network ${name} has not been made yet`);
    const doc = predefinedDoc(name, generateId(this.random), rfc3339Nano(this.now()));
    this.save(doc);
    return doc;
  }

  /**
   * By full ID, then exact name, then unique ID prefix, as the daemon looks networks up. A
   * predefined network asked for by name is made first unless `make` is false.
   */
  lookup(ref: string, make = true): NetworkDoc | undefined {
    if (make && isPredefined(ref)) return this.predefined(ref);
    const all = this.all();
    const byId = all.find((d) => d.Id === ref);
    if (byId) return byId;
    const byName = all.find((d) => d.Name === ref);
    if (byName) return byName;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const prefixed = all.filter((d) => d.Id.startsWith(ref));
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  find(ref: string): NetworkDoc {
    const doc = this.lookup(ref);
    if (!doc) throw notFound(`network ${ref} not found`);
    return doc;
  }

  /** The next free interface indexes of the host kernel (a veth pair takes two). */
  takeIfindex(count: number): number {
    const text = this.store.readText(IFINDEX);
    const next = text ? (JSON.parse(text) as { next: number }).next : FIRST_FREE_IFINDEX;
    this.store.writeJson(IFINDEX, { next: next + count });
    return next;
  }
}

/** Every network document of the state folder, as they are now. */
export function readNetworks(store: StateStore): NetworkDoc[] {
  return store
    .list(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(store.readText(`${DIR}/${f}`) ?? 'null') as NetworkDoc | null)
    .filter((d): d is NetworkDoc => d !== null);
}

export function isPredefined(name: string): name is PredefinedName {
  return (PREDEFINED as readonly string[]).includes(name);
}
