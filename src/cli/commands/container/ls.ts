import {
  CONTAINER_HEADERS,
  CONTAINER_RAW,
  CONTAINER_TABLE,
  ContainerContext,
} from '../../../format/contexts/container.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_HELP_TABLE, parseFilters, printList } from '../../listing.js';
import { bool, type CommandSpec, filterFlag, int, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container ls',
  usage: '[OPTIONS]',
  description: 'List containers',
  aliases: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  args: NO_ARGS,
  flags: [
    bool('all', 'a', 'Show all containers (default shows just running)'),
    filterFlag('f'),
    str('format', undefined, FORMAT_HELP_TABLE),
    int('last', 'n', 'Show n last created containers (includes all states)', {
      default: -1,
      defaultText: '-1',
    }),
    bool('latest', 'l', 'Show the latest created container (includes all states)'),
    bool('no-trunc', undefined, "Don't truncate output"),
    bool('quiet', 'q', 'Only display container IDs'),
    bool('size', 's', 'Display total file sizes'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  const format = o.format as string | undefined;
  const quiet = o.quiet === true;
  if (quiet && format)
    ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  const wantsSize = o.size === true || (!quiet && format !== undefined && format.includes('.Size'));
  const engine = await ctx.engine();
  const list = await engine.containerList({
    all: o.all === true,
    limit: o.latest ? 1 : (o.last as number),
    size: wantsSize,
    filters: parseFilters(o.filter as string[]),
  });
  const now = await engine.now();
  const trunc = o['no-trunc'] !== true;
  const rows = list.map((c) => new ContainerContext(c, now, trunc));
  printList(ctx, rows, {
    format: quiet ? undefined : format,
    defaultTable: o.size ? `${CONTAINER_TABLE}\t{{.Size}}` : CONTAINER_TABLE,
    headers: CONTAINER_HEADERS,
    quiet,
    raw: CONTAINER_RAW,
  });
  return 0;
}
