import type { NamespaceType, ProcInfo } from '../../../kernel/view.js';
import { kib } from '../common/host.js';
import { type Job, statLetters } from './derive.js';
import * as t from './times.js';

/** One line of `ps` output: a process (or one of its threads) and what procps derives for it. */
export interface Row {
  p: ProcInfo;
  job: Job | undefined;
  /** Thread ID when threads are listed (`-L`, `-T`). */
  tid?: number;
  /** `--forest` art put before the command. */
  forest: string;
}

export interface ColumnEnv {
  now: number;
  memTotalKb: number;
  /** `-f` turns comm columns into command lines. */
  fullComm: boolean;
  /** BSD `c` turns command-line columns into comm. */
  shortArgs: boolean;
  groupName(gid: number): string;
}

export type Align = 'left' | 'right' | 'unlimited';

export interface ColumnDef {
  header: string;
  width: number;
  align: Align;
  /** Width follows pid_max (PID, PPID, PGID...). */
  pidmax?: boolean;
  /** The cell's text; `room` is what procps allows it (its width, or the rest of the line). */
  value(row: Row, env: ColumnEnv, room: number): string;
}

/** A name cut to the column with a `+` (`systemd-network` → `systemd+`). */
function name(text: string, room: number): string {
  return text.length > room && room >= 1 ? `${text.slice(0, room - 1)}+` : text;
}

function cut(text: string, room: number): string {
  return text.length > room ? text.slice(0, Math.max(0, room)) : text;
}

/** The command line as procps shows it: `[kthreadd]` without one, `<defunct>` for zombies. */
export function commandLine(p: ProcInfo): string {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  if (p.kernelThread || p.args.length === 0) return `[${p.comm}]`;
  return p.args.join(' ');
}

const shortName = (p: ProcInfo) => (p.state === 'Z' ? `${p.comm} <defunct>` : p.comm);

function commText(row: Row, env: ColumnEnv): string {
  return env.fullComm ? commandLine(row.p) : shortName(row.p);
}

function argsText(row: Row, env: ColumnEnv): string {
  return env.shortArgs ? shortName(row.p) : commandLine(row.p);
}

const num = (f: (r: Row, e: ColumnEnv) => number | string) => (r: Row, e: ColumnEnv) => String(f(r, e));
const pidCol = (header: string, f: (r: Row) => number | string): ColumnDef => ({
  header,
  width: 5,
  align: 'right',
  pidmax: true,
  value: num(f),
});
const right = (header: string, width: number, f: (r: Row, e: ColumnEnv) => number | string): ColumnDef => ({
  header,
  width,
  align: 'right',
  value: num(f),
});
const left = (header: string, width: number, f: (r: Row, e: ColumnEnv) => string): ColumnDef => ({
  header,
  width,
  align: 'left',
  value: (r, e, room) => cut(f(r, e), room),
});
const user = (header: string, f: (r: Row, e: ColumnEnv) => string): ColumnDef => ({
  header,
  width: 8,
  align: 'left',
  value: (r, e, room) => name(f(r, e), room),
});
const command = (header: string, width: number, f: (r: Row, e: ColumnEnv) => string): ColumnDef => ({
  header,
  width,
  align: 'unlimited',
  value: (r, e, room) => cut(r.forest + f(r, e), room),
});
const ns = (type: NamespaceType) => right(`${type.toUpperCase()}NS`, 10, (r) => r.p.ns[type]);

const cpuSecs = (r: Row) => (r.tid !== undefined && r.tid !== r.p.pid ? 0 : t.cpuSeconds(r.p));

export const COLUMNS: Record<string, ColumnDef> = {
  pid: pidCol('PID', (r) => r.p.pid),
  tgid: pidCol('TGID', (r) => r.p.pid),
  ppid: pidCol('PPID', (r) => r.p.ppid),
  pgid: pidCol('PGID', (r) => r.job?.pgid ?? 0),
  pgrp: pidCol('PGRP', (r) => r.job?.pgid ?? 0),
  sid: pidCol('SID', (r) => r.job?.sid ?? 0),
  sess: pidCol('SESS', (r) => r.job?.sid ?? 0),
  session: pidCol('SESS', (r) => r.job?.sid ?? 0),
  tpgid: pidCol('TPGID', (r) => r.job?.tpgid ?? -1),
  lwp: pidCol('LWP', (r) => r.tid ?? r.p.pid),
  spid: pidCol('SPID', (r) => r.tid ?? r.p.pid),
  tid: pidCol('TID', (r) => r.tid ?? r.p.pid),
  nlwp: right('NLWP', 4, (r) => r.p.threads),
  thcount: right('THCNT', 5, (r) => r.p.threads),
  user: user('USER', (r) => r.p.user),
  euser: user('EUSER', (r) => r.p.user),
  ruser: user('RUSER', (r) => r.p.user),
  uname: user('USER', (r) => r.p.user),
  uid_hack: user('UID', (r) => r.p.user),
  group: user('GROUP', (r, e) => e.groupName(r.p.gid)),
  egroup: user('EGROUP', (r, e) => e.groupName(r.p.gid)),
  rgroup: user('RGROUP', (r, e) => e.groupName(r.p.gid)),
  uid: right('UID', 5, (r) => r.p.uid),
  euid: right('EUID', 5, (r) => r.p.uid),
  ruid: right('RUID', 5, (r) => r.p.uid),
  gid: right('GID', 5, (r) => r.p.gid),
  egid: right('EGID', 5, (r) => r.p.gid),
  comm: command('COMMAND', 15, commText),
  ucomm: command('COMMAND', 15, commText),
  ucmd: command('CMD', 15, commText),
  fname: left('COMMAND', 8, (r) => r.forest + r.p.comm),
  args: command('COMMAND', 27, argsText),
  command: command('COMMAND', 27, argsText),
  cmd: command('CMD', 27, argsText),
  cgroup: command('CGROUP', 27, (r) => `0::${r.p.cgroup}`),
  stat: left('STAT', 4, (r) => statLetters(r.p, r.job)),
  s: left('S', 1, (r) => r.p.state),
  state: left('S', 1, (r) => r.p.state),
  tty: left('TT', 8, (r) => r.p.tty ?? '?'),
  tt: left('TT', 8, (r) => r.p.tty ?? '?'),
  tname: left('TTY', 8, (r) => r.p.tty ?? '?'),
  time: right('TIME', 8, (r) => t.cumulativeTime(cpuSecs(r))),
  cputime: right('TIME', 8, (r) => t.cumulativeTime(cpuSecs(r))),
  times: right('TIME', 8, (r) => cpuSecs(r)),
  bsdtime: right('TIME', 6, (r) => t.bsdTime(cpuSecs(r))),
  etime: right('ELAPSED', 11, (r, e) => t.elapsed(t.elapsedSeconds(r.p, e.now))),
  etimes: right('ELAPSED', 7, (r, e) => t.elapsedSeconds(r.p, e.now)),
  stime: right('STIME', 5, (r, e) => t.startTime(r.p.startTime, e.now)),
  start_time: right('START', 5, (r, e) => t.startTime(r.p.startTime, e.now)),
  start: right('STARTED', 8, (r, e) => t.startedColumn(r.p.startTime, e.now)),
  lstart: right('STARTED', 24, (r) => t.lstart(r.p.startTime)),
  '%cpu': right('%CPU', 4, (r, e) => t.pcpu(r.p, e.now)),
  pcpu: right('%CPU', 4, (r, e) => t.pcpu(r.p, e.now)),
  c: right('C', 2, (r, e) => t.cColumn(r.p, e.now)),
  '%mem': right('%MEM', 4, (r, e) => t.pmem(kib(r.p.rss), e.memTotalKb)),
  pmem: right('%MEM', 4, (r, e) => t.pmem(kib(r.p.rss), e.memTotalKb)),
  rss: right('RSS', 5, (r) => kib(r.p.rss)),
  rssize: right('RSS', 5, (r) => kib(r.p.rss)),
  rsz: right('RSZ', 5, (r) => kib(r.p.rss)),
  vsz: right('VSZ', 6, (r) => kib(r.p.vsz)),
  vsize: right('VSZ', 6, (r) => kib(r.p.vsz)),
  sz: right('SZ', 5, (r) => Math.floor(kib(r.p.vsz) / 4)),
  ni: right('NI', 3, (r) => (r.p.kernelThread && r.p.nice === 0 ? 0 : r.p.nice)),
  nice: right('NI', 3, (r) => r.p.nice),
  pri: right('PRI', 3, (r) => 19 - r.p.nice),
  opri: right('PRI', 3, (r) => 80 + r.p.nice),
  priority: right('PRI', 3, (r) => 20 + r.p.nice),
  trs: right('TRS', 4, () => 0),
  m_trs: right('TRS', 4, () => 0),
  drs: right('DRS', 5, (r) => kib(r.p.vsz)),
  m_drs: right('DRS', 5, (r) => kib(r.p.vsz)),
  psr: right('PSR', 3, () => 0),
  f: right('F', 1, (r) => (r.p.kernelThread ? 1 : r.p.uid === 0 ? 4 : 0)),
  flags: right('F', 1, (r) => (r.p.kernelThread ? 1 : r.p.uid === 0 ? 4 : 0)),
  wchan: left('WCHAN', 6, (r) => (r.p.state === 'R' ? '-' : r.p.kernelThread ? 'kthrea' : 'do_sel')),
  addr_1: left('ADDR', 1, () => '-'),
  maj_flt: right('MAJFL', 6, () => 0),
  min_flt: right('MINFL', 6, () => 0),
  cls: right('CLS', 3, () => 'TS'),
  rtprio: right('RTPRIO', 6, () => '-'),
  pidns: ns('pid'),
  netns: ns('net'),
  mntns: ns('mnt'),
  utsns: ns('uts'),
  ipcns: ns('ipc'),
  userns: ns('user'),
  cgroupns: ns('cgroup'),
  timens: ns('time'),
};
