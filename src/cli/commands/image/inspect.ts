import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { printInspect } from '../../inspect.js';
import { atLeast, type CommandSpec, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image inspect',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  description: 'Display detailed information on one or more images',
  args: atLeast(1),
  flags: [
    str(
      'format',
      'f',
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
    str(
      'platform',
      undefined,
      "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
    ),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  return printInspect(ctx, parsed.args, (name) => engine.imageInspect(name), {
    format: parsed.opts.format as string | undefined,
  });
}
