import { EngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError, daemonMessage, runWrapped } from '../../errors.js';
import { terminalSession } from '../../interactive.js';
import { atLeast, type CommandSpec } from '../../spec.js';
import { attachOutput, readStdin } from './attach.js';
import { createWithPull } from './create.js';
import { buildCreateRequest, RUN_FLAGS, type RunOptions } from './create-opts.js';

export const spec: CommandSpec = {
  path: 'container run',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  description: 'Create and run a new container from an image',
  aliases: ['docker container run', 'docker run'],
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: RUN_FLAGS,
};

/** `docker run`: create (pulling when needed), start, and either print the ID or follow the output. */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts as RunOptions;
  const attach = (opts.attach as string[] | undefined) ?? [];
  if (opts.detach && attach.length)
    throw runWrapped('run', 'conflicting options: cannot specify both --attach and --detach');
  if (opts.tty && opts.interactive && !opts.detach && !ctx.stdin.isTTY)
    throw new CliError('the input device is not a TTY');
  const req = buildCreateRequest(ctx, opts, parsed.args, 'run');
  const id = await createWithPull(ctx, req, opts, 'run');
  const engine = await ctx.engine();
  if (opts.detach) {
    // The ID is out before start: a failed start still leaves it printed (docker does the same).
    ctx.stdout.write(`${id}\n`);
  }
  const stdin = opts.interactive && !opts.detach ? await readStdin(ctx) : undefined;
  try {
    await engine.containerStart(id, stdin === undefined ? {} : { stdin });
  } catch (e) {
    if (e instanceof EngineError) throw runWrapped('run', daemonMessage(e), e.detail.exitCode ?? 125);
    throw e;
  }
  if (opts.detach) return 0;
  if (opts.tty && opts.interactive && ctx.stdin.isTTY) {
    if (await engine.readsLines(id)) return terminalSession(ctx, await engine.shellOpen(id));
  }
  return attachOutput(ctx, id, opts.tty === true);
}
