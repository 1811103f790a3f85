import { isEngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { daemonMessage, SilentExit } from '../../errors.js';
import { atLeast, bool, type CommandSpec, list } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image rm',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  description: 'Remove one or more images',
  aliases: ['docker image rm', 'docker image remove', 'docker rmi'],
  args: atLeast(1),
  flags: [
    bool('force', 'f', 'Force removal of the image'),
    bool('no-prune', undefined, 'Do not delete untagged parents'),
    list(
      'platform',
      undefined,
      'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      {
        typeName: 'strings',
      },
    ),
  ],
};

/** Every name is tried; each success prints its lines, each failure one stderr line. */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const force = parsed.opts.force === true;
  const engine = await ctx.engine();
  let failed = false;
  for (const name of parsed.args) {
    try {
      const items = await engine.imageRemove(name, { force, noprune: parsed.opts['no-prune'] === true });
      for (const item of items) {
        if (item.Untagged) ctx.stdout.write(`Untagged: ${item.Untagged}\n`);
        if (item.Deleted) ctx.stdout.write(`Deleted: ${item.Deleted}\n`);
      }
    } catch (e) {
      if (!isEngineError(e)) throw e;
      ctx.stderr.write(`${daemonMessage(e)}\n`);
      // `rmi -f` forgives names that do not exist.
      if (!(force && e.kind === 'not-found')) failed = true;
    }
  }
  if (failed) throw new SilentExit(1);
  return 0;
}
