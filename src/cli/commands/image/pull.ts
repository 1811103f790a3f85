import type { JsonMessage } from '../../../api/images.js';
import {
  fullName,
  fullString,
  InvalidReferenceError,
  isNameOnly,
  parseNormalized,
  withDefaultTag,
} from '../../../images/reference.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { JsonMessageRenderer } from '../../jsonmessage.js';
import { bool, type CommandSpec, exactly, str } from '../../spec.js';

export interface PullOptions {
  'all-tags': boolean;
  quiet: boolean;
  platform?: string;
}

export const spec: CommandSpec = {
  path: 'image pull',
  usage: '[OPTIONS] NAME[:TAG|@DIGEST]',
  description: 'Download an image from a registry',
  aliases: ['docker image pull', 'docker pull'],
  args: exactly(1),
  flags: [
    bool('all-tags', 'a', 'Download all tagged images in the repository'),
    bool('disable-content-trust', undefined, 'Skip image verification', { defaultText: 'true' }),
    str('platform', undefined, 'Set platform if server is multi-platform capable'),
    bool('quiet', 'q', 'Suppress verbose output'),
  ],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shows a pull as docker does; on a terminal the transfer is paced so the bars can be seen moving. */
export async function renderPull(
  ctx: CommandContext,
  messages: JsonMessage[],
  out = ctx.stdout,
): Promise<void> {
  const tty = out.isTTY === true;
  const renderer = new JsonMessageRenderer(out, tty, out.columns ?? 80);
  for (const m of messages) {
    if (tty && m.progressDetail?.total) await sleep(40);
    renderer.write(m);
  }
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts as unknown as PullOptions;
  const input = parsed.args[0]!;
  let ref: ReturnType<typeof parseNormalized>;
  try {
    ref = parseNormalized(input);
  } catch (e) {
    if (e instanceof InvalidReferenceError) throw new CliError(e.message);
    throw e;
  }
  if (opts['all-tags'] && !isNameOnly(ref)) throw new CliError("tag can't be used with --all-tags/-a");
  if (!opts['all-tags'] && isNameOnly(ref) && !opts.quiet) ctx.stdout.write('Using default tag: latest\n');
  const messages: JsonMessage[] = [];
  const engine = await ctx.engine();
  try {
    await engine.imagePull(input, { allTags: opts['all-tags'] }, (m) => messages.push(m));
  } finally {
    if (!opts.quiet) await renderPull(ctx, messages);
  }
  ctx.stdout.write(`${opts['all-tags'] ? fullName(ref) : fullString(withDefaultTag(ref))}\n`);
  return 0;
}
