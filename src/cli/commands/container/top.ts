import { tabwrite } from '../../../format/tabwriter.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { atLeast, type CommandSpec } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container top',
  usage: 'CONTAINER [ps OPTIONS]',
  description: 'Display the running processes of a container',
  aliases: ['docker container top', 'docker top'],
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: [],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const [ref, ...psArgs] = parsed.args as [string, ...string[]];
  const top = await (await ctx.engine()).containerTop(ref, psArgs.join(' '));
  const lines = [top.Titles.join('\t'), ...top.Processes.map((p) => p.join('\t'))];
  ctx.stdout.write(tabwrite(`${lines.join('\n')}\n`, { minWidth: 20, padding: 3 }));
  return 0;
}
