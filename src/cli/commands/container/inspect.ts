import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { printInspect } from '../../inspect.js';
import { atLeast, bool, type CommandSpec, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container inspect',
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  description: 'Display detailed information on one or more containers',
  args: atLeast(1),
  flags: [
    str(
      'format',
      'f',
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
    bool('size', 's', 'Display total file sizes'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  const size = parsed.opts.size === true;
  return printInspect(ctx, parsed.args, (ref) => engine.containerInspect(ref, { size }), {
    format: parsed.opts.format as string | undefined,
  });
}
