import { STATS_HEADERS, STATS_TABLE, StatsContext } from '../../../format/contexts/stats.js';
import { renderList } from '../../../format/formatter.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_HELP_TABLE, printList } from '../../listing.js';
import { bool, type CommandSpec, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container stats',
  usage: '[OPTIONS] [CONTAINER...]',
  description: 'Display a live stream of container(s) resource usage statistics',
  aliases: ['docker container stats', 'docker stats'],
  args: { min: 0, max: Number.POSITIVE_INFINITY },
  flags: [
    bool('all', 'a', 'Show all containers (default shows just running)'),
    str('format', undefined, FORMAT_HELP_TABLE),
    bool('no-stream', undefined, 'Disable streaming stats and only pull the first result'),
    bool('no-trunc', undefined, 'Do not truncate output'),
  ],
};

async function sample(ctx: CommandContext, parsed: ParsedCommand): Promise<StatsContext[]> {
  const engine = await ctx.engine();
  const trunc = parsed.opts['no-trunc'] !== true;
  if (parsed.args.length) {
    const rows: StatsContext[] = [];
    for (const ref of parsed.args) rows.push(new StatsContext(await engine.containerStats(ref), ref, trunc));
    return rows;
  }
  const list = await engine.containerList({ all: parsed.opts.all === true });
  const rows: StatsContext[] = [];
  for (const c of list)
    rows.push(new StatsContext(await engine.containerStats(c.Id), c.Id.slice(0, 12), trunc));
  return rows;
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = {
    format: parsed.opts.format as string | undefined,
    defaultTable: STATS_TABLE,
    headers: STATS_HEADERS,
  };
  if (parsed.opts['no-stream']) {
    printList(ctx, await sample(ctx, parsed), opts);
    return 0;
  }
  // A live view: every half second the cursor goes home and the table is drawn again.
  for (;;) {
    const text = renderList(await sample(ctx, parsed), opts);
    ctx.stdout.write(`\x1b[H${text.replace(/\n/g, ' \x1b[K\n')}\x1b[J`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
