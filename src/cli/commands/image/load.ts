import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { JsonMessageRenderer } from '../../jsonmessage.js';
import { bool, type CommandSpec, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'image load',
  usage: '[OPTIONS]',
  description: 'Load an image from a tar archive or STDIN',
  aliases: ['docker image load', 'docker load'],
  args: NO_ARGS,
  flags: [
    str('input', 'i', 'Read from tar archive file, instead of STDIN'),
    str(
      'platform',
      undefined,
      'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
    ),
    bool('quiet', 'q', 'Suppress the load output'),
  ],
};

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const input = parsed.opts.input as string | undefined;
  let archive: Buffer;
  if (input) {
    const file = path.resolve(ctx.cwd, input);
    try {
      archive = fs.readFileSync(file);
    } catch {
      throw new CliError(`open ${input}: no such file or directory`);
    }
  } else {
    if (ctx.stdin.isTTY) throw new CliError('requested load from stdin, but stdin is empty');
    archive = await readAll(ctx.stdin);
    if (archive.length === 0) throw new CliError('requested load from stdin, but stdin is empty');
  }
  const renderer = new JsonMessageRenderer(ctx.stdout, false);
  await (await ctx.engine()).imageLoad(archive, (m) => {
    if (!parsed.opts.quiet || m.stream?.startsWith('Loaded')) renderer.write(m);
  });
  return 0;
}
