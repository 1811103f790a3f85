import { findProgram, resolveExecutable } from '../registry.js';
import type { ProcessContext, ProgramRun } from '../types.js';
import { defaultAction, laterView } from './common.js';
import { shifted, type Timeline } from './timeline.js';

/** Who a program runs as after `gosu`. */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

/** `/proc/PID/comm`: the executable's file name, at most 15 characters. */
export function commOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).slice(0, 15);
}

/** The same process seen by the program it becomes (other argv, maybe another user, another clock). */
export function contextFor(
  ctx: ProcessContext,
  argv: string[],
  path: string,
  as?: RunAs,
  sys = ctx.sys,
): ProcessContext {
  return {
    argv,
    path,
    env: ctx.env,
    cwd: ctx.cwd,
    uid: as?.uid ?? ctx.uid,
    gid: as?.gid ?? ctx.gid,
    user: as?.user ?? ctx.user,
    tty: ctx.tty,
    stdin: ctx.stdin,
    fs: ctx.fs,
    sys,
    exec: (a, o) => ctx.exec(a, o),
    random: () => ctx.random(),
    // network: the process keeps its network namespace across exec.
    ...(ctx.net ? { net: ctx.net } : {}),
  };
}

/**
 * `exec "$@"` at the end of an entrypoint: the process becomes `argv[0]` (same PID, maybe
 * another user after gosu). The entrypoint's events stay; the new program's timeline follows
 * from `t.at`, and its signal handler answers signals from then on.
 */
export async function execInto(
  ctx: ProcessContext,
  t: Timeline,
  argv: string[],
  as?: RunAs,
): Promise<ProgramRun> {
  const offset = t.at;
  const target = resolveExecutable(ctx.fs, argv[0] ?? '', ctx.env.PATH, ctx.cwd);
  let run: ProgramRun;
  let after = ctx;
  if ('path' in target) {
    t.exec({ argv, comm: commOf(target.path), ...(as ? { user: as.user, uid: as.uid } : {}) });
    const later = laterView(ctx.sys, offset);
    after = contextFor(ctx, argv, target.path, as, later.view);
    const impl = target.program === 'script' ? undefined : findProgram(target.program);
    run = impl ? await impl.run(after) : await ctx.exec(argv);
    later.settle();
  } else {
    // Not found or not executable: the shell running the entrypoint says so, the way it does.
    run = await ctx.exec(argv);
  }
  const inner = run.onSignal;
  return {
    events: [...t.events, ...shifted(run.events, offset)],
    onSignal: (signal, elapsed) => {
      if (elapsed < offset || !inner) return defaultAction(after, signal);
      return inner(signal, elapsed - offset);
    },
  };
}

/** gosu's re-exec of the entrypoint as the service user (`exec gosu mysql "$BASH_SOURCE" "$@"`). */
export function reexecAs(t: Timeline, ctx: ProcessContext, shell: string, args: string[], as: RunAs): void {
  t.exec({ argv: [shell, ctx.path, ...args], comm: commOf(ctx.path), user: as.user, uid: as.uid });
}

/**
 * A script the entrypoint runs and waits for (an init script, a helper of nginx's
 * /docker-entrypoint.d): its output joins the log. Returns its exit status.
 */
export async function runScript(
  ctx: ProcessContext,
  t: Timeline,
  argv: string[],
  env?: Record<string, string>,
): Promise<number> {
  const run = await ctx.exec(argv, env ? { env } : undefined);
  const output = run.events.filter((e) => e.kind === 'stdout' || e.kind === 'stderr');
  t.events.push(...shifted(output, t.at));
  const exit = run.events.find((e) => e.kind === 'exit');
  t.wait(exit?.at ?? 1);
  return exit?.kind === 'exit' ? exit.code : 0;
}
