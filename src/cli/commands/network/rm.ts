import { isEngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { daemonMessage, SilentExit } from '../../errors.js';
import { parseFilters } from '../../listing.js';
import { confirm } from '../../prompt.js';
import type { CommandModule } from '../../registry.js';
import { atLeast, bool, filterFlag, NO_ARGS } from '../../spec.js';

/** `docker network rm A B`: each name echoed as typed, each failure on stderr, exit 1 if any. */
export const rm: CommandModule = {
  spec: {
    path: 'network rm',
    usage: 'NETWORK [NETWORK...]',
    description: 'Remove one or more networks',
    aliases: ['docker network rm', 'docker network remove'],
    args: atLeast(1),
    flags: [bool('force', 'f', 'Do not error if the network does not exist')],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    const engine = await ctx.engine();
    let failed = false;
    for (const name of p.args) {
      try {
        await engine.networkRemove(name);
        ctx.stdout.write(`${name}\n`);
      } catch (e) {
        if (!isEngineError(e)) throw e;
        if (p.opts.force === true && e.kind === 'not-found') continue;
        ctx.stderr.write(`${daemonMessage(e)}\n`);
        failed = true;
      }
    }
    if (failed) throw new SilentExit(1);
    return 0;
  },
};

/** `docker network prune`: the prompt, then the names of the removed networks. */
export const prune: CommandModule = {
  spec: {
    path: 'network prune',
    usage: '[OPTIONS]',
    description: 'Remove all unused networks',
    args: NO_ARGS,
    flags: [
      filterFlag(undefined, 'Provide filter values (e.g. "until=<timestamp>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
  },
  async run(ctx: CommandContext, p: ParsedCommand) {
    const warning = 'WARNING! This will remove all custom networks not used by at least one container.';
    if (!p.opts.force && !(await confirm(ctx, warning))) return 0;
    const engine = await ctx.engine();
    const report = await engine.networkPrune({ filters: parseFilters(p.opts.filter as string[]) });
    if (report.NetworksDeleted?.length)
      ctx.stdout.write(`Deleted Networks:\n${report.NetworksDeleted.map((n) => `${n}\n`).join('')}\n`);
    return 0;
  },
};
