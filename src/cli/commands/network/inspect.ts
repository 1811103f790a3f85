import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { printInspect } from '../../inspect.js';
import { atLeast, bool, type CommandSpec, str } from '../../spec.js';

export const INSPECT_FORMAT_HELP =
  "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

export const spec: CommandSpec = {
  path: 'network inspect',
  usage: '[OPTIONS] NETWORK [NETWORK...]',
  description: 'Display detailed information on one or more networks',
  args: atLeast(1),
  flags: [str('format', 'f', INSPECT_FORMAT_HELP), bool('verbose', 'v', 'Verbose output for diagnostics')],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  return printInspect(ctx, parsed.args, (ref) => engine.networkInspect(ref), {
    format: parsed.opts.format as string | undefined,
  });
}
