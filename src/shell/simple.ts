import type { FunctionDef, SimpleCommand } from './ast.js';
import { Call } from './builtins/call.js';
import { builtinFor, SPECIAL } from './builtins/index.js';
import { EndlessSignal, ReturnSignal } from './errors.js';
import { expandFields, expandString } from './expand.js';
import type { Interp } from './interp.js';
import type { IO } from './io.js';
import { fatalCode, notFoundMessage, prefix } from './messages.js';
import { resolvePath } from './path.js';
import { applyRedirects } from './redirect.js';

export type Assignment = [name: string, value: string];

/** How `set -x` shows a word: bare when safe, else in single quotes (dash never quotes). */
function traceWord(dialect: string, w: string): string {
  if (dialect === 'dash' || /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, "'\\''")}'`;
}

function trace(ip: Interp, io: IO, assigns: Assignment[], argv: string[]): void {
  const ps4 = ip.state.get('PS4') ?? '+ ';
  const words = [...assigns.map(([n, v]) => `${n}=${traceWord(ip.dialect, v)}`), ...argv];
  const shown = words.map((w, i) => (i < assigns.length ? w : traceWord(ip.dialect, w)));
  if (ip.dialect === 'bash') {
    for (const a of shown.slice(0, assigns.length)) ip.write(io, 2, `${ps4}${a}\n`);
    if (argv.length) ip.write(io, 2, `${ps4}${shown.slice(assigns.length).join(' ')}\n`);
  } else if (shown.length) ip.write(io, 2, `${ps4}${shown.join(' ')}\n`);
}

/** Assigns in the shell itself; false (after the message) when a variable is read-only. */
export function assign(ip: Interp, io: IO, assigns: Assignment[], exported = false): boolean {
  for (const [name, value] of assigns) {
    if (ip.state.set(name, value, exported || undefined)) continue;
    const s = ip.speaker();
    const text = ip.dialect === 'bash' ? `${name}: readonly variable` : `${name}: is read only`;
    if (ip.interactive) ip.error(io, `${prefix(s)}${text}`);
    else ip.fatal(`${prefix(s)}${text}`, ip.dialect === 'bash' ? 1 : fatalCode(s));
    return false;
  }
  return true;
}

export async function runSimple(ip: Interp, cmd: SimpleCommand, io: IO): Promise<number> {
  ip.line = cmd.line;
  ip.curIO = io;
  ip.tick();
  ip.lastSubStatus = undefined;
  const argv = await expandFields(ip, cmd.words);
  const assigns: Assignment[] = [];
  for (const a of cmd.assigns) {
    const value = await expandString(ip, a.value, true);
    assigns.push([a.name, a.append ? (ip.state.get(a.name) ?? '') + value : value]);
  }
  if (ip.state.options.xtrace) trace(ip, io, assigns, argv);
  const redirected = cmd.redirs.length ? await applyRedirects(ip, cmd.redirs, io) : io;
  if (!redirected) return ip.dialect === 'dash' ? 2 : 1;
  if (argv.length === 1 && argv[0] === 'exec' && redirected !== io) {
    // `exec >file` changes the descriptors of the shell itself, for the commands that follow.
    io.fds.clear();
    for (const [fd, target] of redirected.fds) io.fds.set(fd, target);
    return 0;
  }
  if (argv.length === 0) return assign(ip, redirected, assigns) ? (ip.lastSubStatus ?? 0) : 1;
  return dispatch(ip, argv, assigns, redirected);
}

/** Sets variables for the length of one command, then puts the old values back. */
async function withTemporary(
  ip: Interp,
  io: IO,
  assigns: Assignment[],
  body: () => Promise<number>,
): Promise<number> {
  const saved = assigns.map(([name]) => [name, ip.state.vars.get(name)] as const);
  if (!assign(ip, io, assigns, true)) return 1;
  try {
    return await body();
  } finally {
    for (const [name, v] of saved) {
      if (v) ip.state.vars.set(name, v);
      else ip.state.vars.delete(name);
    }
  }
}

/** Finds what a command name means (function, builtin, program) and runs it. */
export async function dispatch(
  ip: Interp,
  argv: string[],
  assigns: Assignment[],
  io: IO,
  opts: { noFunctions?: boolean } = {},
): Promise<number> {
  const name = argv[0]!;
  const builtin = builtinFor(ip.dialect, name);
  const special = builtin !== undefined && SPECIAL.has(name);
  const fn = opts.noFunctions || special ? undefined : ip.state.functions.get(name);
  if (fn) return withTemporary(ip, io, assigns, () => callFunction(ip, fn, argv.slice(1), io));
  if (builtin) {
    // POSIX keeps assignments made before a special builtin (`x=1 export y`); bash does not.
    if (special && ip.dialect !== 'bash') {
      if (!assign(ip, io, assigns)) return 1;
      return runBuiltin(ip, io, argv);
    }
    return withTemporary(ip, io, assigns, () => runBuiltin(ip, io, argv));
  }
  const env = Object.fromEntries(assigns);
  return runExternal(ip, argv, env, io);
}

async function runBuiltin(ip: Interp, io: IO, argv: string[]): Promise<number> {
  const call = new Call(ip, io, argv);
  const code = await builtinFor(ip.dialect, argv[0]!)!(call);
  if (!call.writeFailed) return code;
  const name = argv[0]!;
  const why = {
    ash: 'write error: Bad file descriptor',
    bash: `${name}: write error: Bad file descriptor`,
    dash: `${name}: ${name}: I/O error`,
  };
  ip.error(io, `${prefix(ip.speaker())}${why[ip.dialect]}`);
  return 1;
}

/** Asks the host to run a program and replays its output through this command's descriptors. */
export async function runExternal(
  ip: Interp,
  argv: string[],
  env: Record<string, string>,
  io: IO,
  replace = false,
): Promise<number> {
  const name = argv[0]!;
  const start = ip.now;
  const res = await ip.host.exec(argv, {
    stdin: io.stdin.rest(),
    env: { ...ip.state.environment(), ...env },
    cwd: ip.state.cwd,
    at: start,
    background: ip.background,
  });
  const s = ip.speaker();
  if ('notFound' in res) {
    ip.error(io, replace ? `${prefix(s, 'exec')}${name}: not found` : notFoundMessage(s, name));
    return 127;
  }
  if ('notExecutable' in res) {
    const dir = ip.dialect === 'bash' && ip.fs.stat(resolvePath(ip.state.cwd, name))?.type === 'dir';
    ip.error(io, `${prefix(s)}${name}: ${dir ? 'Is a directory' : 'Permission denied'}`);
    return 126;
  }
  if (replace) ip.events.push({ at: start, kind: 'exec', argv });
  if (res.stdinRead) io.stdin.skip(res.stdinRead);
  if (res.pid !== undefined) ip.lastPid = res.pid;
  for (const ev of res.events) {
    const at = start + ev.at;
    if (ev.kind === 'stdout' || ev.kind === 'stderr')
      io.sink(ev.kind === 'stdout' ? 1 : 2).write(ev.text ?? '', at);
    else if (ev.kind !== 'exit') ip.events.push({ ...ev, at });
  }
  if (!Number.isFinite(res.duration)) throw new EndlessSignal();
  ip.now = start + Math.max(0, res.duration);
  return res.code;
}

/** Runs a function with its own positional parameters and `local` frame. */
export async function callFunction(ip: Interp, fn: FunctionDef, args: string[], io: IO): Promise<number> {
  const saved = ip.state.positional;
  ip.state.positional = args;
  ip.state.frames.push(new Map());
  ip.funcDepth++;
  try {
    return await ip.runCommand(fn.body, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    ip.funcDepth--;
    ip.state.popFrame();
    ip.state.positional = saved;
  }
}
