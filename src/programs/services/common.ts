import { programOf } from '../../fs/files.js';
import type { SystemView } from '../../kernel/view.js';
import { signalNameOf, signalNumber as signalNumberOf } from '../../util/signals.js';
import { resolveExecutable } from '../registry.js';
import type { ProcessContext, ProgramRun, TimelineEvent } from '../types.js';
import { Timeline } from './timeline.js';

/** Start time of the process, whole ms since the epoch. */
export function startOf(ctx: ProcessContext): number {
  return Math.floor(ctx.sys.now());
}

/** A file's text, or undefined when it cannot be read. */
export function readText(ctx: ProcessContext, path: string): string | undefined {
  try {
    return ctx.fs.readFile(path).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The version a program runs as: the executable names it (`nginx@1.27.0`), so the same code
 * serves nginx 1.27.0 and the 1.11.8 of an old image. `fixed` wins when the registry entry
 * already carries it.
 */
export function versionOf(ctx: ProcessContext, fallback: string, fixed?: string): string {
  if (fixed) return fixed;
  try {
    const name = programOf(ctx.fs.readFile(ctx.path));
    const version = name?.split('@')[1];
    if (version) return version;
  } catch {
    // no executable to read (a test, or a program run by name): use the default
  }
  return fallback;
}

/** The version of another program of the image (`mysqld` → `8.0.38`), as its executable names it. */
export function programVersion(ctx: ProcessContext, command: string, fallback: string): string {
  const found = resolveExecutable(ctx.fs, command, ctx.env.PATH, ctx.cwd);
  return 'program' in found ? (found.program.split('@')[1] ?? fallback) : fallback;
}

/** The user name and uid of a passwd entry (`nginx` → 101), with a fallback when absent. */
export function passwdUser(
  ctx: ProcessContext,
  name: string,
  fallbackUid: number,
): { user: string; uid: number; gid: number } {
  for (const line of (readText(ctx, '/etc/passwd') ?? '').split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 4) return { user: name, uid: Number(f[2]), gid: Number(f[3]) };
  }
  return { user: name, uid: fallbackUid, gid: fallbackUid };
}

/** True when a process named `comm` (other than the caller) runs in the caller's PID namespace. */
export function isRunning(ctx: ProcessContext, comm: string): boolean {
  const self = ctx.sys.selfPid();
  return ctx.sys.processes().some((p) => p.comm === comm && p.pid !== self && p.state !== 'Z');
}

/** The last PID handed out, shared by a process and the programs it execs into. */
const lastPids = new WeakMap<SystemView, { last: number }>();

/**
 * The PIDs the kernel will hand to the processes this one starts: Linux numbers processes of a
 * namespace one after another, so the next ones follow the last PID given out. Servers print
 * them (`start worker process 29`), so they must be known before the children exist.
 */
export function pidPlanner(ctx: ProcessContext): () => number {
  let state = lastPids.get(ctx.sys);
  if (!state) {
    state = { last: lastPid(ctx) };
    lastPids.set(ctx.sys, state);
  }
  const s = state;
  return () => {
    s.last += 1;
    return s.last;
  };
}

/**
 * The kernel as a program exec'd `offset` ms into a process sees it while its timeline is
 * computed: the same namespace and PID counter, a clock that starts when the exec happens.
 * `settle()` ends the shift once the timeline is known: signals arrive in real time.
 */
export function laterView(sys: SystemView, offset: number): { view: SystemView; settle(): void } {
  let shift = offset;
  // Everything else is the process's own view, so later additions to SystemView carry over.
  const view: SystemView = Object.create(sys, { now: { value: () => sys.now() + shift } });
  const state = lastPids.get(sys);
  if (state) lastPids.set(view, state);
  return {
    view,
    settle: () => {
      shift = 0;
    },
  };
}

function lastPid(ctx: ProcessContext): number {
  const recorded = Number.parseInt(readText(ctx, '/proc/sys/kernel/ns_last_pid') ?? '', 10);
  if (recorded > 0) return recorded;
  const self = ctx.sys.selfPid();
  const processes = ctx.sys.processes();
  const me = processes.find((p) => p.pid === self);
  let max = self;
  for (const p of processes) {
    const older = !me || p.startTime <= me.startTime;
    if (p.pid > max && older && p.ppid !== self) max = p.pid;
  }
  return max;
}

/**
 * True when `path` was left by an earlier start of the container. A timeline may be computed
 * again for the same start (to answer a signal), and must then not take the files it wrote
 * itself for an earlier start's: those carry this start's time.
 */
export function leftByEarlierStart(ctx: ProcessContext, path: string, start: number): boolean {
  const stat = ctx.fs.stat(path);
  return stat !== undefined && stat.mtime < Math.floor(start / 1000);
}

/** Writes a file (creating its directory) and gives it the time `when`; a read-only path is skipped. */
export function writeStamped(
  ctx: ProcessContext,
  path: string,
  content: string,
  when: number,
  mode = 0o600,
): void {
  try {
    ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    ctx.fs.writeFile(path, content, { mode, uid: ctx.uid, gid: ctx.gid });
    ctx.fs.utimes(path, Math.floor(when / 1000));
  } catch {
    // a read-only file system: the server would fail later; the simulation just keeps going
  }
}

export function mkdirStamped(ctx: ProcessContext, path: string, when: number): void {
  try {
    ctx.fs.mkdir(path, { recursive: true, mode: 0o750 });
    ctx.fs.utimes(path, Math.floor(when / 1000));
  } catch {
    // see writeStamped
  }
}

/** `TERM`, `sigterm`, `15` → `SIGTERM`. */
export function signalName(signal: string): string {
  const s = signal.toUpperCase();
  if (/^\d+$/.test(s)) {
    const name = signalNameOf(Number(s));
    return name ? `SIG${name}` : s;
  }
  return s.startsWith('SIG') ? s : `SIG${s}`;
}

export function signalNumber(signal: string): number {
  return signalNumberOf(signalName(signal)) ?? 15;
}

const IGNORED_BY_DEFAULT = new Set(['SIGCHLD', 'SIGCONT', 'SIGURG', 'SIGWINCH']);

/**
 * What happens to a process that has no handler for `signal`: it dies of it (128 + number),
 * except PID 1 of a namespace, which the kernel shields from signals it does not handle (why a
 * shell as PID 1 survives `docker stop` until SIGKILL).
 */
export function defaultAction(ctx: ProcessContext, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  if (name !== 'SIGKILL' && (IGNORED_BY_DEFAULT.has(name) || ctx.sys.selfPid() === 1)) return [];
  return [{ at: 0, kind: 'exit', code: 128 + signalNumber(name) }];
}

/**
 * A timeline for the answer to a signal: the engine schedules it from the moment the signal
 * arrives (`at` 0), and the wall clock then is the view's `now()`.
 */
export function signalTimeline(ctx: ProcessContext): Timeline {
  return new Timeline(startOf(ctx));
}

/** An entrypoint's `file_env NAME`: the variable, or the content of the file `NAME_FILE` names. */
export function fileEnv(ctx: ProcessContext, name: string): string {
  const value = ctx.env[name];
  if (value) return value;
  const file = ctx.env[`${name}_FILE`];
  return file ? (readText(ctx, file) ?? '').replace(/\n$/, '') : '';
}

/** Entries of a directory in glob order (`/docker-entrypoint-initdb.d/*`), empty when absent. */
export function listDir(ctx: ProcessContext, dir: string): string[] {
  try {
    return ctx.fs.readdir(dir).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
}

/** An honest answer for what the simulation does not cover (a subcommand, a full SQL session). */
export function notSimulated(ctx: ProcessContext, what: string): ProgramRun {
  const name = (ctx.argv[0] ?? ctx.path).split('/').pop();
  return {
    events: [
      { at: 0, kind: 'stderr', text: `${name}: ${what} is not simulated by dockersim\n` },
      { at: 1, kind: 'exit', code: 1 },
    ],
  };
}
