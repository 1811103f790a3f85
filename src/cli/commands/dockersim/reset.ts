import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { bool, type CommandSpec, NO_ARGS } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'reset',
  usage: '[OPTIONS]',
  description: 'Remove all dockersim state (images, containers, volumes) and start afresh',
  args: NO_ARGS,
  flags: [bool('force', 'f', 'Do not prompt for confirmation')],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  if (!parsed.opts.force) {
    ctx.stdout.write(
      `WARNING! This will remove all images, containers, volumes, networks and build cache kept in ${engine.stateLocation()}.\nAre you sure you want to continue? [y/N] `,
    );
    const answer = (await ctx.readLine())?.trim();
    if (answer !== 'y' && answer !== 'Y') return 0;
  }
  await engine.resetState();
  return 0;
}
