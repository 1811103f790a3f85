import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { atLeast, type CommandSpec } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'test-transcript',
  usage: '[COMMAND]',
  description: 'Lessons that check your work: learn list, start N, check, hint, reset',
  args: atLeast(0),
  stopAtFirstArg: true,
  flags: [],
};

export async function run(ctx: CommandContext, _parsed: ParsedCommand): Promise<number> {
  ctx.stderr.write('dockersim: transcript replay is not available in this build\n');
  return 1;
}
