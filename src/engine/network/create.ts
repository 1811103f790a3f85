import type { IpamConfig, NetworkCreateRequest } from '../../api/containers.js';
import { conflict, EngineError, invalidParameter, notFound } from '../../api/errors.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import { rfc3339Nano } from '../../util/text.js';
import {
  type Cidr,
  contains,
  defaultPools,
  formatCidr,
  formatIp,
  nth,
  overlaps,
  parseCidr,
  parseIp,
} from './ipv4.js';
import type { NetworkDoc, NetworkStore } from './store.js';

/** The error docker gives for a driver it cannot make a network with here. */
function checkDriver(driver: string): void {
  if (driver === 'bridge') return;
  if (driver === 'host' || driver === 'null')
    throw new EngineError('forbidden', `only one instance of "${driver}" network is allowed`);
  if (driver === 'overlay')
    throw new EngineError(
      'system',
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  if (driver === 'macvlan' || driver === 'ipvlan')
    throw invalidParameter(`the ${driver} driver is not simulated by dockersim; use a bridge network`);
  throw notFound(`plugin "${driver}" not found`);
}

function subnetsInUse(networks: NetworkDoc[]): Cidr[] {
  const used = networks.flatMap((d) => d.IPAM.Config.map((c) => parseCidr(c.Subnet)).filter((c) => !!c));
  // The default bridge's block is taken even before the bridge network is first used.
  return [...used, parseCidr('172.17.0.0/16')!];
}

/** The IPAM config of a new network: the user's subnet (checked), or the next free default pool. */
function ipamConfig(
  req: NetworkCreateRequest,
  networks: NetworkDoc[],
): { config: IpamConfig; user: boolean } {
  const asked = req.IPAM?.Config?.[0];
  const used = subnetsInUse(networks);
  if (!asked?.Subnet) {
    if (asked?.Gateway || asked?.IPRange)
      throw invalidParameter('every ip-range or gateway must have a corresponding subnet');
    for (const pool of defaultPools()) {
      if (used.some((u) => overlaps(u, pool))) continue;
      return { config: { Subnet: formatCidr(pool), Gateway: formatIp(nth(pool, 1)) }, user: false };
    }
    throw invalidParameter('all predefined address pools have been fully subnetted');
  }
  const cidr = parseCidr(asked.Subnet);
  if (!cidr) throw invalidParameter(`invalid CIDR address: ${asked.Subnet}`);
  if (used.some((u) => overlaps(u, cidr)))
    throw new EngineError(
      'forbidden',
      'invalid pool request: Pool overlaps with other one on this address space',
    );
  const gateway = asked.Gateway ?? formatIp(nth(cidr, 1));
  const gw = parseIp(gateway);
  if (gw === undefined) throw invalidParameter(`invalid gateway address ${gateway}`);
  if (!contains(cidr, gw)) throw invalidParameter(`gateway ${gateway} not in subnet ${asked.Subnet}`);
  let range: string | undefined;
  if (asked.IPRange) {
    const r = parseCidr(asked.IPRange);
    if (!r) throw invalidParameter(`invalid CIDR address: ${asked.IPRange}`);
    if (!contains(cidr, r.base))
      throw invalidParameter(`ip-range ${asked.IPRange} not in subnet ${asked.Subnet}`);
    range = formatCidr(r);
  }
  return {
    config: {
      Subnet: formatCidr(cidr),
      ...(range ? { IPRange: range } : {}),
      Gateway: gateway,
      ...(asked.AuxiliaryAddresses ? { AuxiliaryAddresses: asked.AuxiliaryAddresses } : {}),
    },
    user: true,
  };
}

/**
 * `POST /networks/create`: a user-defined bridge network (`br-<short id>` on the host) with a
 * subnet from docker's default pools or the one asked for.
 */
export function createNetwork(
  networks: NetworkStore,
  random: Random,
  now: number,
  req: NetworkCreateRequest,
): NetworkDoc {
  const name = req.Name;
  if (!name) throw invalidParameter('network name cannot be empty');
  const all = networks.list();
  if (all.some((d) => d.Name === name)) throw conflict(`network with name ${name} already exists`);
  const driver = req.Driver || 'bridge';
  checkDriver(driver);
  const { config, user } = ipamConfig(req, all);
  const doc: NetworkDoc = {
    Name: name,
    Id: generateId(random),
    Created: rfc3339Nano(now),
    Scope: 'local',
    Driver: driver,
    EnableIPv4: true,
    EnableIPv6: req.EnableIPv6 ?? false,
    IPAM: { Driver: req.IPAM?.Driver || 'default', Options: req.IPAM?.Options ?? {}, Config: [config] },
    Internal: req.Internal ?? false,
    Attachable: req.Attachable ?? false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Options: {
      'com.docker.network.enable_ipv4': 'true',
      'com.docker.network.enable_ipv6': req.EnableIPv6 ? 'true' : 'false',
      ...(req.Options ?? {}),
    },
    Labels: req.Labels ?? {},
    Endpoints: {},
    BridgeIndex: networks.takeIfindex(1),
    UserSubnet: user,
  };
  networks.save(doc);
  return doc;
}
