import type { SystemView } from '../../../src/kernel/view.js';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import type { Flavour } from '../../../src/programs/tools/common.js';
import { runTool, TOOLS } from '../../../src/programs/tools/table.js';
import type { ExecOptions, ProcessContext, ProgramRun } from '../../../src/programs/types.js';
import { MemFs } from './memfs.js';

export { MemFs };

/** 2024-06-20 12:00:00 UTC: ten days after the trees below were written. */
export const NOW = Date.UTC(2024, 5, 20, 12, 0, 0);
const BUILT = 1718003507; // 2024-06-10 07:11:47 UTC
const OLD = 1672531200; // 2023-01-01 00:00:00 UTC

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
app:x:1000:1000:App User:/home/app:/bin/sh
`;

const GROUP = `root:x:0:root
daemon:x:1:root,daemon
nogroup:x:65534:
app:x:1000:
`;

function common(fs: MemFs): MemFs {
  fs.now = BUILT;
  fs.add('/etc/passwd', { text: PASSWD })
    .add('/etc/group', { text: GROUP })
    .add('/etc/hostname', { text: 'a1b2c3d4e5f6\n' })
    .add('/root', { type: 'dir', mode: 0o700 })
    .add('/root/secret.txt', { text: 'top secret\n', mode: 0o600 })
    .add('/tmp', { type: 'dir', mode: 0o1777 })
    .add('/home/app', { type: 'dir', uid: 1000, gid: 1000 })
    .add('/home/app/notes.txt', { text: 'one\ntwo\nthree\n', uid: 1000, gid: 1000 })
    .add('/data/fruits.txt', { text: 'banana 3\napple 10\ncherry 7\napple 2\n', mtime: OLD })
    .add('/data/empty', { type: 'dir' })
    .add('/data/sub/deep.txt', { text: 'deep\n' })
    .add('/data/link', { target: 'fruits.txt' })
    .add('/data/dangling', { target: '/nowhere' })
    .add('/srv/run.sh', { text: '#!/bin/sh\necho run\n', mode: 0o4755 });
  return fs;
}

/** An alpine-like tree: BusyBox applets as symlinks to /bin/busybox. */
export function alpineFs(): MemFs {
  const fs = common(new MemFs());
  fs.add('/bin/busybox', { program: 'busybox@1.36.1', size: 808712 });
  for (const applet of ['ls', 'cat', 'sh', 'grep', 'sed'])
    fs.add(`/bin/${applet}`, { target: '/bin/busybox' });
  fs.add('/usr/bin/awk', { target: '/bin/busybox' });
  fs.add('/etc/alpine-release', { text: '3.20.1\n' });
  return fs;
}

/** A debian-like tree: merged /usr, coreutils binaries. */
export function debianFs(): MemFs {
  const fs = common(new MemFs());
  fs.add('/usr/bin/ls', { program: 'coreutils:ls', size: 151344 });
  fs.add('/usr/bin/cat', { program: 'coreutils:cat', size: 44016 });
  fs.add('/usr/bin/grep', { program: 'grep@3.8', size: 203152 });
  fs.add('/usr/bin/echo', { program: 'coreutils:echo', size: 39936 });
  fs.add('/bin', { target: 'usr/bin' });
  fs.add('/etc/debian_version', { text: '12.6\n' });
  return fs;
}

function system(now: number): SystemView {
  return {
    now: () => now,
    bootTime: () => now - 3600_000,
    uts: () => ({
      sysname: 'Linux',
      nodename: 'a1b2c3d4e5f6',
      release: '6.8.0-45-generic',
      version: '#45',
      machine: 'x86_64',
      domainname: '(none)',
    }),
    cpus: () => 4,
    meminfo: () => ({
      total: 8135116 * 1024,
      free: 4e9,
      available: 6e9,
      buffers: 1e8,
      cached: 1e9,
      shared: 1e6,
      swapTotal: 0,
      swapFree: 0,
    }),
    loadavg: () => [0.1, 0.2, 0.3],
    processes: () => [],
    selfPid: () => 1,
    isHost: () => false,
  };
}

export interface RunOptions {
  fs?: MemFs;
  stdin?: string | null;
  cwd?: string;
  uid?: number;
  gid?: number;
  tty?: boolean;
  env?: Record<string, string>;
  now?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | undefined;
  run: ProgramRun;
  fs: MemFs;
}

/** A process context around `fs`; exec() runs the same flavour's tools (for xargs, find -exec). */
export function makeCtx(flavour: Flavour, argv: string[], o: RunOptions = {}): ProcessContext {
  const fs = o.fs ?? (flavour === 'gnu' ? debianFs() : alpineFs());
  let seed = 42;
  const ctx: ProcessContext = {
    argv,
    path: `/bin/${argv[0]}`,
    env: o.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    cwd: o.cwd ?? '/',
    uid: o.uid ?? 0,
    gid: o.gid ?? o.uid ?? 0,
    user: o.uid ? 'app' : 'root',
    tty: o.tty ?? false,
    stdin: o.stdin === undefined ? null : o.stdin,
    fs,
    sys: system(o.now ?? NOW),
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
    exec: async (argv: string[], opts?: ExecOptions) => {
      // A stand-in for `sh -c CMD` (awk's `| cmd`): the command's words, no shell syntax.
      const args = /(^|\/)sh$/.test(argv[0]!) && argv[1] === '-c' ? words(argv[2] ?? '') : argv;
      const name = args[0]!.slice(args[0]!.lastIndexOf('/') + 1);
      if (!TOOLS[name]) {
        return {
          events: [
            { at: 0, kind: 'stderr', text: `sh: ${name}: not found\n` },
            { at: 1, kind: 'exit', code: 127 },
          ],
        };
      }
      const child = makeCtx(flavour, args, {
        ...o,
        fs,
        stdin: opts?.stdin ?? null,
        cwd: opts?.cwd ?? ctx.cwd,
      });
      return runTool(name, child, flavour);
    },
  };
  return ctx;
}

/** Runs one tool and collects its output. */
export async function run(flavour: Flavour, argv: string[], o: RunOptions = {}): Promise<RunResult> {
  const fs = o.fs ?? (flavour === 'gnu' ? debianFs() : alpineFs());
  const ctx = makeCtx(flavour, argv, { ...o, fs });
  const name = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  const result = await runTool(name, ctx, flavour);
  return { stdout: stdoutOf(result), stderr: stderrOf(result), code: exitOf(result), run: result, fs };
}

export const gnu = (argv: string[], o?: RunOptions): Promise<RunResult> => run('gnu', argv, o);
export const bb = (argv: string[], o?: RunOptions): Promise<RunResult> => run('busybox', argv, o);

/** Splits a command line into words: blanks separate, '...' and "..." quote, \ escapes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      cur += line.slice(i + 1, end);
      has = true;
      i = end;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (ch === ' ') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** Splits `a | b | c` at pipes outside quotes. */
function stages(line: string): string[] {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '|' && line[i - 1] === ' ' && line[i + 1] === ' ') {
      out.push(line.slice(start, i - 1));
      start = i + 2;
    }
  }
  out.push(line.slice(start));
  return out;
}

/** Runs `cmd1 | cmd2 | ...` with each stage's stdout as the next one's stdin; the last stage's result. */
export async function pipeline(flavour: Flavour, line: string, o: RunOptions = {}): Promise<RunResult> {
  const fs = o.fs ?? (flavour === 'gnu' ? debianFs() : alpineFs());
  let stdin = o.stdin;
  let result: RunResult | undefined;
  let stderr = '';
  for (const stage of stages(line)) {
    result = await run(flavour, words(stage), { ...o, fs, stdin });
    stderr += result.stderr;
    stdin = result.stdout;
  }
  return { ...result!, stderr };
}
