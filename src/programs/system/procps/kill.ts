import type { ProcInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../../types.js';
import { libcOf } from '../common/host.js';
import { jobsOf } from './derive.js';
import {
  busyboxSignalList,
  procpsSignalList,
  procpsSignalTable,
  signalEventName,
  signalName,
  signalNumber,
} from './signals.js';

/**
 * `kill`: a tool cannot move signals itself, so it checks what the kernel would check (the
 * PID exists in the caller's namespace, the caller may signal it) and asks the engine to
 * deliver with a `signal` event. Signal 0 only checks.
 */
type Errno = 'ESRCH' | 'EPERM';
const STRERROR: Record<Errno, string> = { ESRCH: 'No such process', EPERM: 'Operation not permitted' };

/** kill(2) as the simulation answers it: the events to emit, or an errno. */
export function sendSignal(
  ctx: ProcessContext,
  procs: ProcInfo[],
  pid: number,
  sig: number,
): TimelineEvent[] | Errno {
  const self = ctx.sys.selfPid();
  let targets: ProcInfo[];
  if (pid > 0) targets = procs.filter((p) => p.pid === pid);
  else if (pid === -1) targets = procs.filter((p) => p.pid !== 1 && p.pid !== self && !p.kernelThread);
  else {
    const jobs = jobsOf(procs);
    const group = pid === 0 ? jobs.get(self)?.pgid : -pid;
    targets = procs.filter((p) => group !== undefined && jobs.get(p.pid)?.pgid === group);
  }
  if (targets.length === 0) return 'ESRCH';
  const allowed = targets.filter((p) => ctx.uid === 0 || p.uid === ctx.uid);
  if (allowed.length === 0) return 'EPERM';
  if (sig === 0) return [];
  return allowed.map((p) => ({ at: 0, kind: 'signal', pid: p.pid, signal: signalEventName(sig) }));
}

const USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

/** `kill -l X`: a number gives its name, a name its number. */
function convert(text: string): string | undefined {
  if (/^\d+$/.test(text)) return signalName(Number(text));
  const n = signalNumber(text);
  return n === undefined ? undefined : String(n);
}

/** procps-ng kill (Debian and Ubuntu's /bin/kill). */
function runKill(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  let args = ctx.argv.slice(1);
  if (args.length === 0) return out.err(USAGE).exit(1);
  let sig = 15;
  const sigAt = args.findIndex(
    (a) =>
      a.startsWith('-') &&
      !/^--?$/.test(a) &&
      signalNumber(a.slice(1)) !== undefined &&
      !/^-\d+$/.test(a.slice(1)),
  );
  if (sigAt >= 0) {
    sig = signalNumber(args[sigAt]!.slice(1))!;
    args = args.filter((_, i) => i !== sigAt);
  }
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-l' || a === '--list' || a.startsWith('--list=') || (a.startsWith('-l') && a.length > 2)) {
      const value = a.startsWith('--list=')
        ? a.slice(7)
        : a.startsWith('-l') && a.length > 2
          ? a.slice(2)
          : args[i + 1];
      if (value === undefined || value.startsWith('-')) return out.out(procpsSignalList()).exit(0);
      const converted = convert(value);
      return converted
        ? out.out(`${converted}\n`).exit(0)
        : out.err(`kill: unknown signal name ${value}\n`).exit(0);
    }
    if (a === '-L' || a === '--table') return out.out(procpsSignalTable()).exit(0);
    if (a === '-h' || a === '--help') return out.out(USAGE).exit(0);
    if (a === '-V' || a === '--version') return out.out('kill from procps-ng 4.0.4\n').exit(0);
    if (a === '-s' || a === '--signal' || a === '-q' || a === '--queue') {
      const value = args[++i];
      if (value === undefined)
        return out.err(`kill: option requires an argument -- '${a.replace(/^-+/, '')[0]}'\n${USAGE}`).exit(1);
      if (a === '-s' || a === '--signal') sig = signalNumber(value) ?? -1;
    } else if (/^-\d+$/.test(a)) pids.push(a);
    else if (a.startsWith('-') && a !== '-' && a !== '--')
      return out.err(`kill: invalid argument ${a[1]}\n${USAGE}`).exit(1);
    else if (a !== '--') pids.push(a);
  }
  if (pids.length === 0) return out.err(USAGE).exit(1);
  const procs = ctx.sys.processes();
  const signals: TimelineEvent[] = [];
  let failed = false;
  for (const text of pids) {
    if (!/^-?\d+$/.test(text)) return out.err(`kill: failed to parse argument: '${text}'\n`).exit(1);
    const pid = Number(text);
    const result = sig < 0 ? 'EINVAL' : sendSignal(ctx, procs, pid, sig);
    if (Array.isArray(result)) signals.push(...result);
    else {
      failed = true;
      out.err(`kill: (${pid}): ${result === 'EINVAL' ? 'Invalid argument' : STRERROR[result]}\n`);
    }
  }
  return withEvents(out.exit(failed ? 1 : 0), signals);
}

/** The signal requests go first, at the moment the tool runs. */
function withEvents(run: ProgramRun, events: TimelineEvent[]): ProgramRun {
  return { ...run, events: [...events, ...run.events] };
}

/** BusyBox kill: `-l`, `-SIG` or `-s SIG`, then PIDs; the exit status counts the failures. */
export function busyboxKill(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  let args = ctx.argv.slice(1);
  const first = args[0];
  if (first === '-l') {
    if (args[1] === undefined) return out.out(busyboxSignalList(libcOf(ctx.fs) === 'musl')).exit(0);
    for (const a of args.slice(1)) {
      const converted = convert(a);
      if (!converted) return out.err(`kill: unknown signal '${a}'\n`).exit(1);
      out.out(`${converted}\n`);
    }
    return out.exit(0);
  }
  let sig = 15;
  if (first?.startsWith('-') && first !== '--') {
    const name = first === '-s' ? args[1] : first.slice(1);
    args = args.slice(first === '-s' ? 2 : 1);
    const n = name === undefined ? undefined : signalNumber(name);
    if (n === undefined) return out.err(`kill: bad signal name '${name ?? ''}'\n`).exit(1);
    sig = n;
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return out.err(`kill: you need to specify whom to kill\n`).exit(1);
  const procs = ctx.sys.processes();
  const signals: TimelineEvent[] = [];
  let errors = 0;
  for (const text of args) {
    if (!/^-?\d+$/.test(text)) {
      out.err(`kill: invalid number '${text}'\n`);
      errors++;
      continue;
    }
    const result = sendSignal(ctx, procs, Number(text), sig);
    if (Array.isArray(result)) signals.push(...result);
    else {
      out.err(`kill: can't kill pid ${Number(text)}: ${STRERROR[result]}\n`);
      errors++;
    }
  }
  return withEvents(out.exit(errors), signals);
}

export const killProgram: Program = { name: 'kill', run: runKill };
