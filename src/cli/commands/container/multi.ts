import { isEngineError } from '../../../api/errors.js';
import type { CommandContext } from '../../context.js';
import { daemonMessage, SilentExit } from '../../errors.js';

/**
 * The shape of docker's commands on several containers: each argument in turn, the argument
 * echoed on success, each failure on its own stderr line, exit 1 if any failed.
 */
export async function forEachContainer(
  ctx: CommandContext,
  refs: string[],
  action: (ref: string) => Promise<void>,
  opts: { echo?: boolean; forgiveNotFound?: boolean; summary?: (failed: string[]) => string } = {},
): Promise<number> {
  const failed: string[] = [];
  for (const ref of refs) {
    try {
      await action(ref);
      if (opts.echo !== false) ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      if (!isEngineError(e)) throw e;
      ctx.stderr.write(`${daemonMessage(e)}\n`);
      if (!(opts.forgiveNotFound && e.kind === 'not-found')) failed.push(ref);
    }
  }
  if (failed.length && opts.summary) ctx.stderr.write(`${opts.summary(failed)}\n`);
  if (failed.length) throw new SilentExit(1);
  return 0;
}
