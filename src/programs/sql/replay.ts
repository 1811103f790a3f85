import { Output } from '../run.js';
import type { ProcessContext, ProgramRun, ReplSession } from '../types.js';

/**
 * The session fed from stdin (a terminal without a driver): what the screen would show, the
 * terminal echoing each typed line (but not a password).
 */
export async function replay(session: ReplSession, ctx: ProcessContext, atEof: string): Promise<ProgramRun> {
  const o = new Output().out(session.banner);
  const lines = (ctx.stdin ?? '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const text of lines) {
    const prompt = session.prompt();
    o.out(`${prompt}${/password/i.test(prompt) ? '' : text}\n`);
    const r = await session.line(text);
    o.out(r.output);
    if (r.exit !== undefined) return o.exit(r.exit);
  }
  if (!ctx.stdinOpen) return o.out(`${session.prompt()}${atEof}`).exit(0);
  // A terminal stays open: the program waits at its prompt until it is stopped.
  const waiting = o.out(session.prompt()).exit(0);
  waiting.events.pop();
  return waiting;
}
