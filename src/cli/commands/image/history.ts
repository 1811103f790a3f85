import {
  HISTORY_HEADERS,
  HISTORY_TABLE,
  HISTORY_TABLE_RAW_TIMES,
  HistoryContext,
} from '../../../format/contexts/history.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { printList } from '../../listing.js';
import { bool, type CommandSpec, exactly, formatFlag, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image history',
  usage: '[OPTIONS] IMAGE',
  description: 'Show the history of an image',
  aliases: ['docker image history', 'docker history'],
  args: exactly(1),
  flags: [
    formatFlag(undefined, 'table'),
    bool('human', 'H', 'Print sizes and dates in human readable format', {
      default: true,
      defaultText: 'true',
    }),
    bool('no-trunc', undefined, "Don't truncate output"),
    str(
      'platform',
      undefined,
      'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
    ),
    bool('quiet', 'q', 'Only show image IDs'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const human = parsed.opts.human !== false;
  const trunc = parsed.opts['no-trunc'] !== true;
  const engine = await ctx.engine();
  const items = await engine.imageHistory(parsed.args[0]!);
  const now = await engine.now();
  const rows = items.map((item) => new HistoryContext(item, now, { trunc, human }));
  printList(ctx, rows, {
    format: parsed.opts.format as string | undefined,
    defaultTable: human ? HISTORY_TABLE : HISTORY_TABLE_RAW_TIMES,
    headers: HISTORY_HEADERS,
    quiet: parsed.opts.quiet === true,
  });
  return 0;
}
