import type { ExecOptions } from '../types.js';
import type { Tool } from './common.js';

/**
 * Runs another program of the container (`find -exec`, `xargs`) and replays its output into
 * ours at the times it happened. Returns its exit code, or null when it never exits (then
 * neither does the caller).
 */
export async function runChild(t: Tool, argv: string[], opts?: ExecOptions): Promise<number | null> {
  const run = await t.ctx.exec(argv, opts);
  const events = [...run.events].sort((a, b) => a.at - b.at);
  let elapsed = 0;
  for (const ev of events) {
    if (ev.at > elapsed) {
      t.wait(ev.at - elapsed);
      elapsed = ev.at;
    }
    if (ev.kind === 'stdout') t.out(ev.text);
    else if (ev.kind === 'stderr') t.err(ev.text);
    else if (ev.kind === 'exit') return ev.code;
  }
  return null;
}
