import { parseTagArguments } from '../../../images/reference.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { type CommandSpec, exactly } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image tag',
  usage: 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  description: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: ['docker image tag', 'docker tag'],
  args: exactly(2),
  flags: [],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const [source, target] = parsed.args as [string, string];
  try {
    parseTagArguments(source, target);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  await (await ctx.engine()).imageTag(source, target);
  return 0;
}
