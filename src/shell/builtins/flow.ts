import { SIGNAL_NAMES } from '../../util/signals.js';
import { EndlessSignal, ExitSignal, LoopSignal, ReturnSignal } from '../errors.js';
import { resolvePath } from '../path.js';
import { runExternal } from '../simple.js';
import type { Call } from './call.js';

export const colon = (): number => 0;
export const falseBuiltin = (): number => 1;

function statusArg(c: Call, arg: string | undefined): number | undefined {
  if (arg === undefined) return c.state.lastStatus;
  if (/^-?[0-9]+$/.test(arg)) return Number(arg);
  c.special(c.dialect === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`);
  return undefined;
}

export function exit(c: Call): number {
  if (c.ip.interactive && c.dialect === 'bash') c.ip.write(c.io, 2, 'exit\n');
  const code = statusArg(c, c.args[0]);
  throw new ExitSignal(code === undefined ? 2 : code & 255);
}

export function returnBuiltin(c: Call): number {
  const code = statusArg(c, c.args[0]) ?? 2;
  const wrapped = c.dialect === 'dash' ? code : code & 255;
  if (c.ip.funcDepth > 0 || c.state.sourceDepth > 0) throw new ReturnSignal(wrapped);
  if (c.dialect !== 'bash') throw new ExitSignal(wrapped & 255);
  c.error("can only `return' from a function or sourced script");
  return 1;
}

export function breakLoop(c: Call): number {
  const n = Number(c.args[0] ?? '1');
  if (!Number.isInteger(n) || n < 1) {
    c.error(c.dialect === 'bash' ? `${c.args[0]}: loop count out of range` : `Illegal number: ${c.args[0]}`);
    return 1;
  }
  if (c.state.loopDepth === 0) {
    if (c.dialect === 'bash') c.error("only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  throw new LoopSignal(c.name as 'break' | 'continue', Math.min(n, c.state.loopDepth));
}

export function evalBuiltin(c: Call): Promise<number> | number {
  const text = c.args.join(' ');
  return text.trim() ? c.ip.runScript(text, c.io) : 0;
}

/** `exec CMD`: the shell becomes the command and ends with its status. `exec` alone keeps redirections. */
export async function exec(c: Call): Promise<number> {
  const args = c.args[0] === '--' ? c.args.slice(1) : c.args;
  if (args.length === 0) return 0;
  const code = await runExternal(c.ip, args, {}, c.io, true);
  if (code === 127 && c.ip.interactive && c.dialect === 'bash') return code;
  throw new ExitSignal(code);
}

function findScript(c: Call, name: string): string | undefined {
  const fs = c.ip.fs;
  if (name.includes('/')) return resolvePath(c.state.cwd, name);
  for (const dir of (c.state.get('PATH') ?? '').split(':')) {
    const p = resolvePath(c.state.cwd, `${dir || '.'}/${name}`);
    if (fs.stat(p)?.type === 'file') return p;
  }
  return c.dialect === 'dash' ? undefined : resolvePath(c.state.cwd, name);
}

/** `. FILE [ARGS]` and `source`: runs a file in this shell. */
export async function dot(c: Call): Promise<number> {
  const [name, ...args] = c.args;
  if (name === undefined) {
    c.error(c.dialect === 'bash' ? 'filename argument required' : 'missing filename');
    return 2;
  }
  const path = findScript(c, name);
  let text: string | undefined;
  try {
    text = path === '/dev/null' ? '' : path === undefined ? undefined : c.ip.fs.readFile(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    if (c.dialect === 'bash') {
      c.plainError(`${name}: No such file or directory`);
      return 1;
    }
    return c.special(
      c.dialect === 'dash'
        ? `cannot open ${name}: No such file`
        : `can't open '${name}': No such file or directory`,
    );
  }
  const saved = c.state.positional;
  // dash ignores arguments after the file name.
  const withArgs = args.length > 0 && c.dialect !== 'dash';
  if (withArgs) c.state.positional = args;
  c.state.sourceDepth++;
  try {
    return await c.ip.runScript(text, c.io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    c.state.sourceDepth--;
    if (withArgs) c.state.positional = saved;
  }
}

/** `wait [PID...]`: moves the clock to the end of the jobs. */
export function wait(c: Call): number {
  const ip = c.ip;
  const pids = c.args.map(Number);
  const jobs = pids.length ? ip.jobs.filter((j) => pids.includes(j.pid)) : ip.jobs;
  for (const j of jobs) ip.now = Math.max(ip.now, j.end);
  if (!Number.isFinite(ip.now)) throw new EndlessSignal();
  ip.jobs = ip.jobs.filter((j) => !jobs.includes(j));
  if (pids.length === 0) return 0;
  const last = pids[pids.length - 1];
  const job = jobs.find((j) => j.pid === last);
  if (!job && c.dialect === 'bash') c.error(`pid ${last} is not a child of this shell`);
  return job ? job.code : 127;
}

/** What `trap` takes by number: 0 is EXIT, then the signals 1 to 15. */
const SIGNALS = ['EXIT', ...SIGNAL_NAMES.slice(0, 15)];

function signalName(spec: string): string | undefined {
  if (/^[0-9]+$/.test(spec)) return SIGNALS[Number(spec)];
  const name = spec.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.includes(name) ||
    ['CHLD', 'CONT', 'STOP', 'TSTP', 'WINCH', 'ERR', 'DEBUG', 'RETURN'].includes(name)
    ? name
    : undefined;
}

/** `trap [ACTION] SIGNAL...`: actions are kept; only EXIT ever runs (no signals arrive here). */
export function trap(c: Call): number {
  const args = c.args[0] === '--' ? c.args.slice(1) : c.args;
  if (args.length === 0 || args[0] === '-p') {
    for (const [sig, action] of c.state.traps) {
      const name = c.dialect === 'bash' && sig !== 'EXIT' ? `SIG${sig}` : sig;
      c.out(`trap -- '${action.replace(/'/g, "'\\''")}' ${name}\n`);
    }
    return 0;
  }
  // One operand, or a number first: the operands are signals to reset.
  const [action, ...sigs] = args.length === 1 || /^[0-9]+$/.test(args[0]!) ? ['-', ...args] : args;
  let status = 0;
  for (const spec of sigs) {
    const sig = signalName(spec);
    if (!sig) {
      c.error(c.dialect === 'bash' ? `${spec}: invalid signal specification` : `${spec}: bad trap`);
      status = 1;
    } else if (action === '-') c.state.traps.delete(sig);
    else c.state.traps.set(sig, action!);
  }
  return status;
}
