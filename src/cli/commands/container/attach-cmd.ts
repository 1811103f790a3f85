import { CliError } from '../../errors.js';
import { terminalSession } from '../../interactive.js';
import type { CommandModule } from '../../registry.js';
import { bool, exactly, str } from '../../spec.js';

/** `docker attach`: the running container's output from now on (and its shell, on a terminal). */
export const attach: CommandModule = {
  spec: {
    path: 'container attach',
    usage: '[OPTIONS] CONTAINER',
    description: 'Attach local standard input, output, and error streams to a running container',
    aliases: ['docker container attach', 'docker attach'],
    args: exactly(1),
    flags: [
      str('detach-keys', undefined, 'Override the key sequence for detaching a container'),
      bool('no-stdin', undefined, 'Do not attach STDIN'),
      bool('sig-proxy', undefined, 'Proxy all received signals to the process', {
        default: true,
        defaultText: 'true',
      }),
    ],
  },
  async run(ctx, parsed) {
    const engine = await ctx.engine();
    const info = await engine.containerInspect(parsed.args[0]!);
    // The client checks the state first, with these words.
    if (!info.State.Running) throw new CliError('You cannot attach to a stopped container, start it first');
    if (info.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
    if (info.State.Restarting)
      throw new CliError('You cannot attach to a restarting container, wait until it is running');
    const shellOnTerminal =
      info.Config.Tty &&
      info.Config.OpenStdin &&
      !parsed.opts['no-stdin'] &&
      ctx.stdin.isTTY &&
      (await engine.readsLines(info.Id));
    if (shellOnTerminal) return terminalSession(ctx, await engine.shellOpen(info.Id));
    return engine.containerAttach(info.Id, { sigProxy: parsed.opts['sig-proxy'] !== false }, (chunk) => {
      if (info.Config.Tty) ctx.stdout.write(chunk.text.replace(/\r?\n/g, '\r\n'));
      else (chunk.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(chunk.text);
    });
  },
};
