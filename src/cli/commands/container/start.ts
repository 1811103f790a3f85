import { EngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError, daemonMessage } from '../../errors.js';
import { atLeast, bool, type CommandSpec, str } from '../../spec.js';
import { readStdin } from './attach.js';
import { forEachContainer } from './multi.js';

export const spec: CommandSpec = {
  path: 'container start',
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  description: 'Start one or more stopped containers',
  aliases: ['docker container start', 'docker start'],
  args: atLeast(1),
  flags: [
    bool('attach', 'a', 'Attach STDOUT/STDERR and forward signals'),
    str('checkpoint', undefined, 'Restore from this checkpoint'),
    str('checkpoint-dir', undefined, 'Use a custom checkpoint storage directory'),
    str('detach-keys', undefined, 'Override the key sequence for detaching a container'),
    bool('interactive', 'i', "Attach container's STDIN"),
  ],
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  if (parsed.opts.attach || parsed.opts.interactive) {
    if (parsed.args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
    const ref = parsed.args[0]!;
    const info = await engine.containerInspect(ref);
    const stdin = parsed.opts.interactive ? await readStdin(ctx) : undefined;
    try {
      await engine.containerStart(info.Id, stdin === undefined ? {} : { stdin });
    } catch (e) {
      if (e instanceof EngineError) throw new CliError(daemonMessage(e), e.detail.exitCode ?? 1);
      throw e;
    }
    return engine.containerAttach(info.Id, { fromStart: true, sigProxy: true }, (chunk) => {
      if (info.Config.Tty) ctx.stdout.write(chunk.text.replace(/\r?\n/g, '\r\n'));
      else (chunk.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(chunk.text);
    });
  }
  return forEachContainer(ctx, parsed.args, (ref) => engine.containerStart(ref), {
    summary: (failed) => `Error: failed to start containers: ${failed.join(', ')}`,
  });
}
