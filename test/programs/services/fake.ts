import type { ProcInfo, SystemView } from '../../../src/kernel/view.js';
import { findProgram, resolveExecutable } from '../../../src/programs/registry.js';
import type { ProcessContext, ProgramRun } from '../../../src/programs/types.js';
import { MemFs } from './mem-fs.js';

export { MemFs };

export const T0 = Date.UTC(2024, 6, 20, 10, 0, 0);

export interface FakeOptions {
  argv: string[];
  path?: string;
  env?: Record<string, string>;
  uid?: number;
  user?: string;
  tty?: boolean;
  stdin?: string | null;
  fs?: MemFs;
  now?: number;
  cpus?: number;
  processes?: Partial<ProcInfo>[];
  /** The PID the process has in its namespace (1: a container's main process). */
  self?: number;
  cwd?: string;
}

/** A clock that tests move forward (between a first and a second start). */
export const clock = { now: T0 };

function proc(p: Partial<ProcInfo>): ProcInfo {
  return {
    pid: 1,
    hostPid: 1000,
    ppid: 0,
    uid: 0,
    gid: 0,
    user: 'root',
    comm: 'sh',
    args: ['sh'],
    state: 'S',
    startTime: T0,
    cpuTime: 0,
    cpuCores: 0,
    rss: 0,
    vsz: 0,
    tty: null,
    threads: 1,
    nice: 0,
    ns: { pid: 1, net: 1, mnt: 1, uts: 1, ipc: 1, user: 1, cgroup: 1, time: 1 },
    cgroup: '/',
    kernelThread: false,
    ...p,
  };
}

export function fakeSystem(
  o: { now?: number; cpus?: number; processes?: Partial<ProcInfo>[]; self?: number } = {},
): SystemView {
  return {
    now: () => o.now ?? clock.now,
    bootTime: () => T0 - 3_600_000,
    uts: () => ({
      sysname: 'Linux',
      nodename: '3f2b1c9d8e7a',
      release: '6.8.0-45-generic',
      version: '#45-Ubuntu',
      machine: 'x86_64',
      domainname: '(none)',
    }),
    cpus: () => o.cpus ?? 4,
    meminfo: () => ({
      total: 8e9,
      free: 4e9,
      available: 6e9,
      buffers: 0,
      cached: 0,
      shared: 0,
      swapTotal: 0,
      swapFree: 0,
    }),
    loadavg: () => [0, 0, 0],
    processes: () => (o.processes ?? [{ pid: o.self ?? 1 }]).map(proc),
    selfPid: () => o.self ?? 1,
    isHost: () => false,
  };
}

/** A process context over an in-memory file system, with a fixed clock and 4 CPUs. */
export function fakeContext(o: FakeOptions): ProcessContext {
  const fs = o.fs ?? new MemFs(() => o.now ?? clock.now);
  const sys = fakeSystem(o);
  let seed = 12345;
  const ctx: ProcessContext = {
    argv: o.argv,
    path: o.path ?? o.argv[0]!,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...o.env },
    cwd: o.cwd ?? '/',
    uid: o.uid ?? 0,
    gid: o.uid ?? 0,
    user: o.user ?? 'root',
    tty: o.tty ?? false,
    stdin: o.stdin ?? null,
    fs,
    sys,
    exec: async (argv, opts = {}): Promise<ProgramRun> => {
      const found = resolveExecutable(fs, argv[0]!, ctx.env.PATH, ctx.cwd);
      if ('kind' in found)
        return {
          events: [
            { at: 0, kind: 'stderr', text: `${found.message}\n` },
            { at: 1, kind: 'exit', code: 127 },
          ],
        };
      const program = findProgram(found.program);
      if (!program) return { events: [{ at: 0, kind: 'exit', code: 126 }] };
      return program.run(
        fakeContext({
          ...o,
          argv,
          path: found.path,
          fs,
          env: opts.env ?? ctx.env,
          stdin: opts.stdin ?? ctx.stdin,
        }),
      );
    },
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
  };
  return ctx;
}
