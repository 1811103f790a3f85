import { humanSize } from '../../../format/size.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { confirm } from '../../prompt.js';
import { bool, type CommandSpec, filterFlag, NO_ARGS } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container prune',
  usage: '[OPTIONS]',
  description: 'Remove all stopped containers',
  args: NO_ARGS,
  flags: [
    filterFlag(undefined, 'Provide filter values (e.g. "until=<timestamp>")'),
    bool('force', 'f', 'Do not prompt for confirmation'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  if (!parsed.opts.force && !(await confirm(ctx, 'WARNING! This will remove all stopped containers.')))
    return 0;
  const report = await (await ctx.engine()).containerPrune();
  if (report.ContainersDeleted?.length) {
    ctx.stdout.write(`Deleted Containers:\n${report.ContainersDeleted.join('\n')}\n\n`);
  }
  ctx.stdout.write(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  return 0;
}
