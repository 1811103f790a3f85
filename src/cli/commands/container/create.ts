import type { ContainerCreateRequest } from '../../../api/containers.js';
import { EngineError } from '../../../api/errors.js';
import type { JsonMessage } from '../../../api/images.js';
import {
  familiarString,
  InvalidReferenceError,
  parseNormalized,
  withDefaultTag,
} from '../../../images/reference.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError, daemonMessage, runWrapped } from '../../errors.js';
import { JsonMessageRenderer } from '../../jsonmessage.js';
import { atLeast, type CommandSpec } from '../../spec.js';
import { buildCreateRequest, CREATE_FLAGS, type RunOptions } from './create-opts.js';

export const spec: CommandSpec = {
  path: 'container create',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  description: 'Create a new container',
  aliases: ['docker container create', 'docker create'],
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: CREATE_FLAGS,
};

/**
 * Creates the container as the docker client does: when the image is missing (and `--pull`
 * allows), says so on stderr, pulls it there, and tries again.
 */
export async function createWithPull(
  ctx: CommandContext,
  req: ContainerCreateRequest,
  opts: RunOptions,
  command: 'run' | 'create',
): Promise<string> {
  const engine = await ctx.engine();
  const policy = opts.pull ?? 'missing';
  if (!['always', 'missing', 'never'].includes(policy)) {
    throw runWrapped(
      command,
      `invalid pull option: '${policy}': must be one of "always", "missing" or "never"`,
    );
  }
  const image = req.config.Image;
  let ref: ReturnType<typeof parseNormalized> | undefined;
  try {
    ref = /^(sha256:)?[0-9a-f]{64}$/.test(image) ? undefined : withDefaultTag(parseNormalized(image));
  } catch (e) {
    if (e instanceof InvalidReferenceError)
      throw command === 'run' ? runWrapped(command, e.message) : new CliError(e.message);
    throw e;
  }
  const pull = async () => {
    const messages: JsonMessage[] = [];
    try {
      await engine.imagePull(image, {}, (m) => messages.push(m));
    } finally {
      if (!opts.quiet) {
        const r = new JsonMessageRenderer(ctx.stderr, ctx.stderr.isTTY === true, ctx.stderr.columns ?? 80);
        for (const m of messages) r.write(m);
      }
    }
  };
  const wrap = (e: unknown): never => {
    if (e instanceof EngineError) {
      if (command === 'run') throw runWrapped('run', daemonMessage(e));
      throw e;
    }
    throw e;
  };
  try {
    if (policy === 'always' && ref) await pull();
    return (await engine.containerCreate(req)).Id;
  } catch (e) {
    if (
      !(
        e instanceof EngineError &&
        e.kind === 'not-found' &&
        e.message.startsWith('No such image') &&
        policy === 'missing' &&
        ref
      )
    )
      wrap(e);
  }
  if (!opts.quiet) ctx.stderr.write(`Unable to find image '${familiarString(ref!)}' locally\n`);
  try {
    await pull();
    const created = await engine.containerCreate(req);
    for (const w of created.Warnings) ctx.stderr.write(`WARNING: ${w}\n`);
    return created.Id;
  } catch (e) {
    return wrap(e);
  }
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts as RunOptions;
  const req = buildCreateRequest(ctx, opts, parsed.args, 'create');
  const id = await createWithPull(ctx, req, opts, 'create');
  ctx.stdout.write(`${id}\n`);
  return 0;
}
