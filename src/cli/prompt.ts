import type { CommandContext } from './context.js';

/** docker's `[y/N]` prompt: the warning, the question without newline, yes only for y/Y. */
export async function confirm(ctx: CommandContext, warning: string): Promise<boolean> {
  ctx.stdout.write(`${warning}\nAre you sure you want to continue? [y/N] `);
  const answer = (await ctx.readLine())?.trim();
  return answer === 'y' || answer === 'Y';
}
