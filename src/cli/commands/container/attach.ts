import type { CommandContext } from '../../context.js';

/** Everything on stdin (for `-i` without a terminal): what the container's process will read. */
export async function readStdin(ctx: CommandContext): Promise<string | null> {
  if (ctx.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Shows a container's output from its start until it exits and returns its exit code:
 * stdout and stderr to the CLI's own (everything to stdout with a TTY, lines ending in CRLF).
 */
export async function attachOutput(ctx: CommandContext, id: string, tty: boolean): Promise<number> {
  const engine = await ctx.engine();
  return engine.containerAttach(id, { fromStart: true, sigProxy: true }, (chunk) => {
    if (tty) ctx.stdout.write(chunk.text.replace(/\r?\n/g, '\r\n'));
    else (chunk.stream === 'stderr' ? ctx.stderr : ctx.stdout).write(chunk.text);
  });
}
