import { isEngineError } from '../../../api/errors.js';
import { humanSize } from '../../../format/size.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { daemonMessage, SilentExit } from '../../errors.js';
import { printInspect } from '../../inspect.js';
import { parseFilters } from '../../listing.js';
import { confirm } from '../../prompt.js';
import type { CommandModule } from '../../registry.js';
import { atLeast, bool, filterFlag, NO_ARGS, str } from '../../spec.js';
import { INSPECT_FORMAT_HELP } from '../network/inspect.js';

/** `docker volume inspect`: the volumes found, each missing one on stderr. */
export const inspect: CommandModule = {
  spec: {
    path: 'volume inspect',
    usage: '[OPTIONS] VOLUME [VOLUME...]',
    description: 'Display detailed information on one or more volumes',
    args: atLeast(1),
    flags: [str('format', 'f', INSPECT_FORMAT_HELP)],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    const engine = await ctx.engine();
    return printInspect(ctx, p.args, (name) => engine.volumeInspect(name), {
      format: p.opts.format as string | undefined,
    });
  },
};

/** `docker volume rm`: each removed name echoed; the errors all together at the end, exit 1. */
export const rm: CommandModule = {
  spec: {
    path: 'volume rm',
    usage: '[OPTIONS] VOLUME [VOLUME...]',
    description: 'Remove one or more volumes',
    aliases: ['docker volume rm', 'docker volume remove'],
    args: atLeast(1),
    flags: [bool('force', 'f', 'Force the removal of one or more volumes')],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    const engine = await ctx.engine();
    const errors: string[] = [];
    for (const name of p.args) {
      try {
        await engine.volumeRemove(name, { force: p.opts.force === true });
        ctx.stdout.write(`${name}\n`);
      } catch (e) {
        if (!isEngineError(e)) throw e;
        errors.push(daemonMessage(e));
      }
    }
    if (errors.length) {
      ctx.stderr.write(`${errors.join('\n')}\n`);
      throw new SilentExit(1);
    }
    return 0;
  },
};

/** `docker volume prune`: anonymous unused volumes (every unused one with `-a`). */
export const prune: CommandModule = {
  spec: {
    path: 'volume prune',
    usage: '[OPTIONS]',
    description: 'Remove unused local volumes',
    args: NO_ARGS,
    flags: [
      bool('all', 'a', 'Remove all unused volumes, not just anonymous ones'),
      filterFlag(undefined, 'Provide filter values (e.g. "label=<label>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    const all = p.opts.all === true;
    const warning = all
      ? 'WARNING! This will remove all local volumes not used by at least one container.'
      : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
    if (!p.opts.force && !(await confirm(ctx, warning))) return 0;
    const engine = await ctx.engine();
    const report = await engine.volumePrune({ all, filters: parseFilters(p.opts.filter as string[]) });
    if (report.VolumesDeleted?.length)
      ctx.stdout.write(`Deleted Volumes:\n${report.VolumesDeleted.map((n) => `${n}\n`).join('')}\n`);
    ctx.stdout.write(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
    return 0;
  },
};
