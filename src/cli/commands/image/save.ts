import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { atLeast, type CommandSpec, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image save',
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  description: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  aliases: ['docker image save', 'docker save'],
  args: atLeast(1),
  flags: [
    str('output', 'o', 'Write to a file, instead of STDOUT'),
    str(
      'platform',
      undefined,
      'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
    ),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const output = parsed.opts.output as string | undefined;
  if (!output && ctx.stdout.isTTY) {
    throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  }
  const archive = await (await ctx.engine()).imageSave(parsed.args);
  if (output) {
    const file = path.resolve(ctx.cwd, output);
    try {
      fs.writeFileSync(file, archive);
    } catch (e) {
      throw new CliError(`failed to save image: ${(e as Error).message}`);
    }
  } else {
    ctx.stdout.write(archive);
  }
  return 0;
}
