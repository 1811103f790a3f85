import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { atLeast, type CommandSpec } from '../../spec.js';
import { readStdin } from '../container/attach.js';

export const spec: CommandSpec = {
  path: 'host',
  usage: 'COMMAND [ARG...]',
  description: 'Run a command on the simulated Docker host (ps, pstree, lsns, cat /proc/..., free, uname...)',
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: [],
  extraHelp:
    'The command runs as root on the simulated host, where container processes are ordinary\nprocesses: `dockersim host ps -e | grep mysqld` finds the mysqld of a MySQL container.\n',
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const stdin = ctx.stdin.isTTY ? null : await readStdin(ctx);
  return (await ctx.engine()).hostCommand(parsed.args, stdin, (chunk) => {
    (chunk.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(chunk.text);
  });
}
