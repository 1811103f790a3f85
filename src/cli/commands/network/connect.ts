import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import type { CommandModule } from '../../registry.js';
import { bool, type CommandSpec, exactly, int, list, str } from '../../spec.js';
import { strings } from './options.js';

const connectSpec: CommandSpec = {
  path: 'network connect',
  usage: '[OPTIONS] NETWORK CONTAINER',
  description: 'Connect a container to a network',
  args: exactly(2),
  flags: [
    strings('alias', undefined, 'Add network-scoped alias for the container'),
    strings('driver-opt', undefined, 'driver options for the network'),
    int(
      'gw-priority',
      undefined,
      'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
    ),
    str('ip', undefined, 'IPv4 address (e.g., "172.30.100.104")'),
    str('ip6', undefined, 'IPv6 address (e.g., "2001:db8::33")'),
    list('link', undefined, 'Add link to another container'),
    strings('link-local-ip', undefined, 'Add a link-local address for the container'),
  ],
};

/** `docker network connect NETWORK CONTAINER`: prints nothing. */
export const connect: CommandModule = {
  spec: connectSpec,
  async run(ctx: CommandContext, p: ParsedCommand) {
    const ip = p.opts.ip as string | undefined;
    await (await ctx.engine()).networkConnect(p.args[0]!, p.args[1]!, {
      Aliases: (p.opts.alias as string[]) ?? [],
      Links: (p.opts.link as string[]) ?? [],
      ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}),
    });
    return 0;
  },
};

/** `docker network disconnect NETWORK CONTAINER`: prints nothing. */
export const disconnect: CommandModule = {
  spec: {
    path: 'network disconnect',
    usage: '[OPTIONS] NETWORK CONTAINER',
    description: 'Disconnect a container from a network',
    args: exactly(2),
    flags: [bool('force', 'f', 'Force the container to disconnect from a network')],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    await (await ctx.engine()).networkDisconnect(p.args[0]!, p.args[1]!, p.opts.force === true);
    return 0;
  },
};
