import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { busyboxUsage } from '../busybox/usage.js';
import { type GetoptError, getoptMessage } from './getopt.js';
import { libcOf } from './host.js';

/**
 * GNU (coreutils and friends as Debian and Ubuntu ship them) or BusyBox (alpine, busybox):
 * the same tools, different words.
 */
export type Flavour = 'gnu' | 'busybox';

/**
 * A usage mistake: getopt's own message, then coreutils' `Try 'X --help'` line or BusyBox's
 * usage text (BusyBox on Alpine speaks musl's getopt, the busybox image glibc's).
 */
export function usageFailure(
  ctx: ProcessContext,
  prog: string,
  flavour: Flavour,
  e?: GetoptError | string,
  code = 1,
): ProgramRun {
  const out = new Output();
  const libc = flavour === 'gnu' ? 'glibc' : libcOf(ctx.fs);
  if (typeof e === 'string') out.err(`${prog}: ${e}\n`);
  else if (e) out.err(getoptMessage(prog, e, libc));
  out.err(flavour === 'gnu' ? `Try '${prog} --help' for more information.\n` : busyboxUsage(prog));
  return out.exit(code);
}

/** `prog: message` on stderr and an exit status. */
export function failure(prog: string, message: string, code = 1): ProgramRun {
  return new Output().err(`${prog}: ${message}\n`).exit(code);
}
