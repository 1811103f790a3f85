import type { IpamConfig } from '../../../api/containers.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { bool, type CommandSpec, exactly, list, str } from '../../spec.js';
import { keyValues, mapFlag, strings } from './options.js';

export const spec: CommandSpec = {
  path: 'network create',
  usage: '[OPTIONS] NETWORK',
  description: 'Create a network',
  args: exactly(1),
  flags: [
    bool('attachable', undefined, 'Enable manual container attachment'),
    mapFlag('aux-address', undefined, 'Auxiliary IPv4 or IPv6 addresses used by Network driver'),
    str('config-from', undefined, 'The network from which to copy the configuration'),
    bool('config-only', undefined, 'Create a configuration only network'),
    str('driver', 'd', 'Driver to manage the Network', { defaultText: '"bridge"', default: 'bridge' }),
    strings('gateway', undefined, 'IPv4 or IPv6 Gateway for the master subnet'),
    bool('ingress', undefined, 'Create swarm routing-mesh network'),
    bool('internal', undefined, 'Restrict external access to the network'),
    strings('ip-range', undefined, 'Allocate container ip from a sub-range'),
    str('ipam-driver', undefined, 'IP Address Management Driver', {
      defaultText: '"default"',
      default: 'default',
    }),
    mapFlag('ipam-opt', undefined, 'Set IPAM driver specific options'),
    bool('ipv4', undefined, 'Enable or disable IPv4 address assignment', {
      defaultText: 'true',
      default: true,
    }),
    bool('ipv6', undefined, 'Enable or disable IPv6 address assignment'),
    list('label', undefined, 'Set metadata on a network'),
    mapFlag('opt', 'o', 'Set driver specific options'),
    str('scope', undefined, "Control the network's scope"),
    strings('subnet', undefined, 'Subnet in CIDR format that represents a network segment'),
  ],
};

/** The IPAM configs the client sends: each subnet with the gateway and range that fall in it. */
function ipam(opts: Record<string, unknown>): IpamConfig[] {
  const subnets = (opts.subnet as string[]) ?? [];
  const gateways = (opts.gateway as string[]) ?? [];
  const ranges = (opts['ip-range'] as string[]) ?? [];
  if (subnets.length === 0 && (gateways.length || ranges.length))
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  if (gateways.length > subnets.length || ranges.length > subnets.length)
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  const aux = keyValues(opts['aux-address'] as string[]);
  return subnets.map((Subnet, i) => ({
    Subnet,
    ...(ranges[i] ? { IPRange: ranges[i] } : {}),
    ...(gateways[i] ? { Gateway: gateways[i] } : {}),
    ...(i === 0 && Object.keys(aux).length ? { AuxiliaryAddresses: aux } : {}),
  }));
}

/** `docker network create`: prints the new network's full ID. */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  const engine = await ctx.engine();
  const created = await engine.networkCreate({
    Name: parsed.args[0]!,
    Driver: o.driver as string,
    Internal: o.internal === true,
    Attachable: o.attachable === true,
    EnableIPv6: o.ipv6 === true,
    Options: keyValues(o.opt as string[]),
    Labels: keyValues(o.label as string[]),
    IPAM: {
      Driver: o['ipam-driver'] as string,
      Options: keyValues(o['ipam-opt'] as string[]),
      Config: ipam(o),
    },
  });
  ctx.stdout.write(`${created.Id}\n`);
  if (created.Warning) ctx.stderr.write(`${created.Warning}\n`);
  return 0;
}
