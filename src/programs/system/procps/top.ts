import type { SystemView } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { type GetoptSpec, getopt, getoptMessage, isGetoptError } from '../common/getopt.js';
import { pidDigits } from '../common/host.js';
import { splitList } from '../common/text.js';
import { userByName } from '../common/users.js';
import { FIELDS, type FrameOptions, frame } from './top-frame.js';
import { loggedInUsers } from './uptime.js';

const USAGE = `
Usage:
 top [options]

Options:
 -b, --batch-mode                run in non-interactive batch mode
 -c, --cmdline-toggle            reverse last remembered 'c' state
 -d, --delay =SECS [.TENTHS]     iterative delay as SECS [.TENTHS]
 -E, --scale-summary-mem =SCALE  set mem as: k,m,g,t,p,e for SCALE
 -e, --scale-task-mem =SCALE     set mem with: k,m,g,t,p for SCALE
 -H, --threads-show              show tasks plus all their threads
 -i, --idle-toggle               reverse last remembered 'i' state
 -n, --iterations =NUMBER        exit on maximum iterations NUMBER
 -O, --list-fields               output all field names, then exit
 -o, --sort-override =FIELD      force sorting on this named FIELD
 -p, --pid =PIDLIST              monitor only the tasks in PIDLIST
 -S, --accum-time-toggle         reverse last remembered 'S' state
 -s, --secure-mode               run with secure mode restrictions
 -U, --filter-any-user =USER     show only processes owned by USER
 -u, --filter-only-euser =USER   show only processes owned by USER
 -w, --width [=COLUMNS]          change print width [,use COLUMNS]
 -1, --single-cpu-toggle         reverse last remembered '1' state

 -h, --help                      display this help text, then exit
 -V, --version                   output version information & exit

For more details see top(1).
`;

const LONG: GetoptSpec['long'] = {
  'batch-mode': ['b', 'none'],
  'cmdline-toggle': ['c', 'none'],
  delay: ['d', 'required'],
  'scale-summary-mem': ['E', 'required'],
  'scale-task-mem': ['e', 'required'],
  'threads-show': ['H', 'none'],
  help: ['h', 'none'],
  'idle-toggle': ['i', 'none'],
  iterations: ['n', 'required'],
  'list-fields': ['O', 'none'],
  'sort-override': ['o', 'required'],
  pid: ['p', 'required'],
  'accum-time-toggle': ['S', 'none'],
  'secure-mode': ['s', 'none'],
  'filter-any-user': ['U', 'required'],
  'filter-only-euser': ['u', 'required'],
  width: ['w', 'optional'],
  'single-cpu-toggle': ['1', 'none'],
  version: ['V', 'none'],
};

interface TopArgs {
  batch: boolean;
  iterations: number | undefined;
  delayMs: number;
  pids: number[] | undefined;
  uid: number | undefined;
  frame: Omit<FrameOptions, 'users' | 'pidWidth'>;
}

function parse(ctx: ProcessContext): TopArgs | string | { exit: ProgramRun } {
  // top takes -w's optional value from the next word too, when that is not an option.
  const words = ctx.argv.slice(1).reduce<string[]>((acc, a) => {
    const prev = acc[acc.length - 1];
    if ((prev === '-w' || prev === '--width') && !a.startsWith('-'))
      acc[acc.length - 1] = prev === '-w' ? `-w${a}` : `--width=${a}`;
    else acc.push(a);
    return acc;
  }, []);
  const p = getopt(words, { short: 'bcd:E:e:Hhin:Oo:p:SsU:u:Vw::1', long: LONG });
  if (isGetoptError(p)) return { exit: new Output().err(getoptMessage('top', p, 'glibc')).exit(1) };
  if (p.operands.length) return `unknown option '${p.operands[0]}'`;
  const envCols = Number.parseInt(ctx.env.COLUMNS ?? '', 10);
  const a: TopArgs = {
    batch: false,
    iterations: undefined,
    delayMs: 3000,
    pids: undefined,
    uid: undefined,
    frame: {
      cols: ctx.tty && envCols > 0 ? envCols : 80,
      fullCommand: false,
      memScale: 'm',
      sort: { field: '%CPU', desc: true },
      hideIdle: false,
    },
  };
  for (const o of p.opts) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'h':
        return { exit: new Output().out(`${USAGE.slice(1)}\n`).exit(0) };
      case 'V':
        return { exit: new Output().out('top from procps-ng 4.0.4\n').exit(0) };
      case 'O':
        return { exit: new Output().out(`${Object.keys(FIELDS).join('\n')}\n`).exit(0) };
      case 'b':
        a.batch = true;
        break;
      case 'c':
        a.frame.fullCommand = !a.frame.fullCommand;
        break;
      case 'i':
        a.frame.hideIdle = !a.frame.hideIdle;
        break;
      case 'd':
        if (!(Number(v.replace(/^-/, '')) >= 0)) return `bad delay interval '${v}'`;
        a.delayMs = Number(v.replace(/^-/, '')) * 1000;
        break;
      case 'n':
        if (!/^-?\d+$/.test(v)) return `bad iterations argument '${v}'`;
        a.iterations = Math.abs(Number(v));
        break;
      case 'E':
        if (!'kmgtpe'.includes(v) || v.length !== 1) return `bad memory scaling arg '${v}'`;
        a.frame.memScale = v;
        break;
      case 'o': {
        const field = v.replace(/^[+-]/, '');
        if (!FIELDS[field.toUpperCase()] && !FIELDS[field]) return `unrecognized field name '${field}'`;
        a.frame.sort = { field: FIELDS[field] ? field : field.toUpperCase(), desc: !v.startsWith('-') };
        break;
      }
      case 'p': {
        const list = splitList(v);
        const bad = list.find((x) => !/^\d+$/.test(x));
        if (bad !== undefined || list.length === 0) return `bad pid '${bad ?? v}'`;
        a.pids = [...(a.pids ?? []), ...list.map(Number)];
        break;
      }
      case 'u':
      case 'U': {
        const uid = /^\d+$/.test(v) ? Number(v) : userByName(ctx.fs, v)?.uid;
        if (uid === undefined) return `Invalid user`;
        a.uid = uid;
        break;
      }
      case 'w':
        if (o.value !== undefined && !(Number(o.value) >= 80 && Number(o.value) <= 512))
          return `bad width arg '${o.value}'`;
        a.frame.cols = o.value !== undefined ? Number(o.value) : envCols > 0 ? envCols : 512;
        break;
    }
  }
  return a;
}

/** The same kernel view read `ms` later (later frames of `top -n N` show their own time). */
function later(sys: SystemView, ms: number): SystemView {
  return {
    now: () => sys.now() + ms,
    bootTime: () => sys.bootTime(),
    uts: () => sys.uts(),
    cpus: () => sys.cpus(),
    meminfo: () => sys.meminfo(),
    loadavg: () => sys.loadavg(),
    processes: () => sys.processes(),
    selfPid: () => sys.selfPid(),
    isHost: () => sys.isHost(),
  };
}

function runTop(ctx: ProcessContext): ProgramRun {
  const a = parse(ctx);
  if (typeof a === 'string') return new Output().err(`top: ${a}\n`).exit(1);
  if ('exit' in a) return a.exit;
  // Interactive top needs the terminal's settings: with none it stops at once.
  if (!a.batch && !ctx.tty) return new Output().err('top: failed tty get\n').exit(1);
  const out = new Output();
  let procs = ctx.sys.processes();
  if (a.pids) procs = procs.filter((p) => a.pids!.includes(p.pid));
  if (a.uid !== undefined) procs = procs.filter((p) => p.uid === a.uid);
  const options: FrameOptions = {
    ...a.frame,
    users: loggedInUsers(ctx.sys, ctx.sys.processes()),
    pidWidth: Math.max(5, pidDigits(ctx.fs)),
  };
  const text = frame(ctx.sys, procs, options);
  if (!a.batch) {
    // A terminal: clear it, draw, and keep running until `q` or a signal.
    out.out(`\x1b[H\x1b[2J${text}`);
    if (ctx.stdin?.includes('q')) return out.out('\n').exit(0);
    return {
      events: out.exit(0).events.filter((e) => e.kind !== 'exit'),
      onSignal: () => [{ at: 0, kind: 'exit', code: 0 }],
    };
  }
  const frames = a.iterations ?? Number.POSITIVE_INFINITY;
  out.out(text);
  if (frames === Number.POSITIVE_INFINITY)
    return { events: out.exit(0).events.filter((e) => e.kind !== 'exit') };
  for (let i = 1; i < frames; i++)
    out.wait(a.delayMs).out(`\n\n${frame(later(ctx.sys, i * a.delayMs), procs, options)}`);
  return out.out('\n').exit(0);
}

export const topProgram: Program = { name: 'top', run: runTop };
