import { naturalCompare } from '../../../util/text.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters, printList } from '../../listing.js';
import { bool, type CommandSpec, filterFlag, formatFlag, NO_ARGS } from '../../spec.js';
import { NETWORK_HEADERS, NETWORK_TABLE, NetworkContext } from './context.js';

export const spec: CommandSpec = {
  path: 'network ls',
  usage: '[OPTIONS]',
  description: 'List networks',
  aliases: ['docker network ls', 'docker network list'],
  args: NO_ARGS,
  flags: [
    filterFlag('f', 'Provide filter values (e.g. "driver=bridge")'),
    formatFlag(undefined, 'table'),
    bool('no-trunc', undefined, 'Do not truncate the output'),
    bool('quiet', 'q', 'Only display network IDs'),
  ],
};

/** `docker network ls`: the daemon's list, sorted by name in natural order by the client. */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts;
  const engine = await ctx.engine();
  const networks = await engine.networkList({ filters: parseFilters(opts.filter as string[]) });
  const rows = networks
    .sort((a, b) => naturalCompare(a.Name, b.Name))
    .map((n) => new NetworkContext(n, opts['no-trunc'] !== true));
  printList(ctx, rows, {
    format: opts.format as string | undefined,
    defaultTable: NETWORK_TABLE,
    headers: NETWORK_HEADERS,
    quiet: opts.quiet === true,
  });
  return 0;
}
