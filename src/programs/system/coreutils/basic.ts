import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, failure, usageFailure } from '../common/fail.js';
import { getopt, isGetoptError } from '../common/getopt.js';
import { quote } from '../common/text.js';

/** The small ones: sleep, true, false, nproc. */

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** One `sleep` operand in seconds: `1`, `0.5`, `1m`, `2.5h`, `inf`; undefined when invalid. */
export function sleepSeconds(text: string): number | undefined {
  const m = /^\+?((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(text);
  if (!m) return undefined;
  const value = /^inf/i.test(m[1]!) ? Number.POSITIVE_INFINITY : Number(m[1]);
  return value * UNIT[m[2]!.toLowerCase()]!;
}

/**
 * `sleep N...`: the operands add up. A timeline without an exit is a process that runs until
 * something signals it, which is what `sleep infinity` is.
 */
export function sleep(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const gnu = flavour === 'gnu';
  const p = getopt(ctx.argv.slice(1), {
    short: '',
    long: gnu ? { help: ['h', 'none'], version: ['V', 'none'] } : undefined,
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'sleep', flavour, p);
  if (p.opts.some((o) => o.key === 'h'))
    return new Output().out('Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\n').exit(0);
  if (p.opts.some((o) => o.key === 'V')) return new Output().out('sleep (GNU coreutils) 9.4\n').exit(0);
  if (p.operands.length === 0)
    return usageFailure(ctx, 'sleep', flavour, gnu ? 'missing operand' : undefined);
  let total = 0;
  for (const arg of p.operands) {
    const s = sleepSeconds(arg);
    if (s === undefined) {
      if (!gnu) return failure('sleep', `invalid number '${arg}'`);
      return usageFailure(ctx, 'sleep', flavour, `invalid time interval ${quote(ctx.env, arg)}`);
    }
    total += s;
  }
  if (total === Number.POSITIVE_INFINITY) return { events: [] };
  return { events: [{ at: Math.round(total * 1000), kind: 'exit', code: 0 }] };
}

export function exitWith(code: number): (ctx: ProcessContext) => ProgramRun {
  return () => ({ events: [{ at: 0, kind: 'exit', code }] });
}

/**
 * `nproc`: the CPUs the process may run on. It does not look at the cgroup's cpu.max, so a
 * container started with `--cpus 1.5` still counts every host CPU (a classic surprise).
 */
export function nproc(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const p = getopt(ctx.argv.slice(1), {
    short: '',
    long: { all: ['a', 'none'], ignore: ['i', 'required'], help: ['h', 'none'], version: ['V', 'none'] },
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'nproc', flavour, p);
  if (p.operands.length) {
    return usageFailure(
      ctx,
      'nproc',
      flavour,
      flavour === 'gnu' ? `extra operand ${quote(ctx.env, p.operands[0]!)}` : undefined,
    );
  }
  let n = ctx.sys.cpus();
  const ignore = p.opts.find((o) => o.key === 'i')?.value;
  if (ignore !== undefined) {
    if (!/^\d+$/.test(ignore)) return failure('nproc', `invalid number: ${quote(ctx.env, ignore)}`);
    n = Math.max(1, n - Number(ignore));
  }
  // OMP_NUM_THREADS and OMP_THREAD_LIMIT are honoured by GNU nproc (not with --all).
  const omp = Number.parseInt(ctx.env.OMP_NUM_THREADS ?? '', 10);
  if (flavour === 'gnu' && !p.opts.some((o) => o.key === 'a') && omp > 0) n = omp;
  return new Output().out(`${n}\n`).exit(0);
}
