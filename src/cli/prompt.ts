import type { CommandContext } from './context.js';

/**
 * docker's `[y/N]` prompt: the warning, the question without newline, yes only for y/Y. A
 * warning that asks the question itself (`builder prune`'s one line) is printed as it is.
 */
export async function confirm(ctx: CommandContext, warning: string): Promise<boolean> {
  const question = warning.endsWith('?') ? warning : `${warning}\nAre you sure you want to continue?`;
  ctx.stdout.write(`${question} [y/N] `);
  const answer = (await ctx.readLine())?.trim();
  return answer === 'y' || answer === 'Y';
}
