import type { NetView, ProcessContext } from '../../programs/types.js';
import type { ProgramRunner } from '../containers/runner.js';

/**
 * Gives the programs a runner starts their network view (ProcessContext.net). The runner builds
 * every context in one private step; this wraps that step, and says so loudly if it moves.
 */
export function withNet(runner: ProgramRunner, net: () => NetView): ProgramRunner {
  const inner = runner as unknown as { context?: (...args: unknown[]) => ProcessContext };
  const build = inner.context;
  if (typeof build !== 'function') throw new Error('ProgramRunner no longer builds contexts in context()');
  inner.context = (...args: unknown[]) => ({ ...build.apply(runner, args), net: net() });
  return runner;
}
