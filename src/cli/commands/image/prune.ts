import { humanSize } from '../../../format/size.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters } from '../../listing.js';
import { confirm } from '../../prompt.js';
import { bool, type CommandSpec, filterFlag, NO_ARGS } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image prune',
  usage: '[OPTIONS]',
  description: 'Remove unused images',
  args: NO_ARGS,
  flags: [
    bool('all', 'a', 'Remove all unused images, not just dangling ones'),
    filterFlag(undefined, 'Provide filter values (e.g. "until=<timestamp>")'),
    bool('force', 'f', 'Do not prompt for confirmation'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const all = parsed.opts.all === true;
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.'
    : 'WARNING! This will remove all dangling images.';
  if (!parsed.opts.force && !(await confirm(ctx, warning))) return 0;
  const report = await (await ctx.engine()).imagePrune({
    all,
    filters: parseFilters(parsed.opts.filter as string[]),
  });
  if (report.ImagesDeleted?.length) {
    ctx.stdout.write('Deleted Images:\n');
    for (const item of report.ImagesDeleted) {
      if (item.Untagged) ctx.stdout.write(`untagged: ${item.Untagged}\n`);
      if (item.Deleted) ctx.stdout.write(`deleted: ${item.Deleted}\n`);
    }
    ctx.stdout.write('\n');
  }
  ctx.stdout.write(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  return 0;
}
