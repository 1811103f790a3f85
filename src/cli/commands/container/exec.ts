import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { terminalSession } from '../../interactive.js';
import { atLeast, bool, type CommandSpec, list, str } from '../../spec.js';
import { readStdin } from './attach.js';

export const spec: CommandSpec = {
  path: 'container exec',
  usage: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  description: 'Execute a command in a running container',
  aliases: ['docker container exec', 'docker exec'],
  args: atLeast(2),
  stopAtFirstArg: true,
  flags: [
    bool('detach', 'd', 'Detached mode: run command in the background'),
    str('detach-keys', undefined, 'Override the key sequence for detaching a container'),
    list('env', 'e', 'Set environment variables'),
    list('env-file', undefined, 'Read in a file of environment variables'),
    bool('interactive', 'i', 'Keep STDIN open even if not attached'),
    bool('privileged', undefined, 'Give extended privileges to the command'),
    bool('tty', 't', 'Allocate a pseudo-TTY'),
    str('user', 'u', 'Username or UID (format: "<name|uid>[:<group|gid>]")'),
    str('workdir', 'w', 'Working directory inside the container'),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  const [ref, ...cmd] = parsed.args as [string, ...string[]];
  if (o.tty && o.interactive && !o.detach && !ctx.stdin.isTTY)
    throw new CliError('the input device is not a TTY');
  const engine = await ctx.engine();
  // The CLI checks that the container exists before creating the exec.
  await engine.containerInspect(ref);
  const tty = o.tty === true;
  const onTerminal = tty && o.interactive && !o.detach && ctx.stdin.isTTY;
  const workdir = (o.workdir as string) ?? '';
  if (
    onTerminal &&
    (await engine.readsLines(ref, { Cmd: cmd, Env: o.env as string[], WorkingDir: workdir }))
  ) {
    const session = await engine.shellOpen(ref, {
      Cmd: cmd,
      Env: o.env as string[],
      WorkingDir: (o.workdir as string) ?? '',
      User: (o.user as string) ?? '',
      Tty: true,
      AttachStdin: true,
    });
    return terminalSession(ctx, session);
  }
  const stdin = o.interactive && !o.detach ? await readStdin(ctx) : null;
  return engine.containerExec(
    ref,
    {
      Cmd: cmd,
      Env: o.env as string[],
      WorkingDir: (o.workdir as string) ?? '',
      User: (o.user as string) ?? '',
      Tty: tty,
      AttachStdin: o.interactive === true,
      Detach: o.detach === true,
      Privileged: o.privileged === true,
    },
    (chunk) => {
      if (tty) ctx.stdout.write(chunk.text.replace(/\r?\n/g, '\r\n'));
      else (chunk.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(chunk.text);
    },
    stdin,
  );
}
