import type { ProcInfo } from '../../../kernel/view.js';
import { utilization } from './times.js';

/** `--sort` / `k` keys procps accepts that the simulation can order by. */
const SORT_KEYS: Record<string, (p: ProcInfo, now: number) => number | string> = {
  pid: (p) => p.pid,
  tgid: (p) => p.pid,
  ppid: (p) => p.ppid,
  uid: (p) => p.uid,
  euid: (p) => p.uid,
  gid: (p) => p.gid,
  user: (p) => p.user,
  euser: (p) => p.user,
  uname: (p) => p.user,
  comm: (p) => p.comm,
  ucomm: (p) => p.comm,
  ucmd: (p) => p.comm,
  cmd: (p) => p.args.join(' '),
  args: (p) => p.args.join(' '),
  command: (p) => p.args.join(' '),
  '%cpu': (p, now) => utilization(p, now),
  pcpu: (p, now) => utilization(p, now),
  c: (p, now) => utilization(p, now),
  '%mem': (p) => p.rss,
  pmem: (p) => p.rss,
  rss: (p) => p.rss,
  rssize: (p) => p.rss,
  vsz: (p) => p.vsz,
  vsize: (p) => p.vsz,
  size: (p) => p.vsz,
  time: (p) => p.cpuTime,
  cputime: (p) => p.cpuTime,
  start_time: (p) => p.startTime,
  stime: (p) => p.startTime,
  etime: (p) => -p.startTime,
  tty: (p) => p.tty ?? '',
  tname: (p) => p.tty ?? '',
  nlwp: (p) => p.threads,
  ni: (p) => p.nice,
  nice: (p) => p.nice,
};

export function unknownSortKey(sort: { key: string }[]): string | undefined {
  return sort.find((s) => !SORT_KEYS[s.key])?.key;
}

/** Stable sort by each key in turn; ties keep PID order. */
export function sortRows(procs: ProcInfo[], sort: { key: string; desc: boolean }[], now: number): ProcInfo[] {
  if (sort.length === 0) return procs;
  return [...procs].sort((a, b) => {
    for (const { key, desc } of sort) {
      const f = SORT_KEYS[key]!;
      const x = f(a, now);
      const y = f(b, now);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (cmp !== 0) return desc ? -cmp : cmp;
    }
    return a.pid - b.pid;
  });
}
