import type { ProcInfo, SystemView } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { failure, usageFailure } from '../common/fail.js';
import { getopt, isGetoptError, lastValue } from '../common/getopt.js';
import { kib } from '../common/host.js';
import { bbCmdline, bbState, compact } from './procs.js';

/**
 * BusyBox top. The header lines are host-wide as in a real container (/proc/meminfo,
 * /proc/stat and /proc/loadavg are not namespaced); rows are sorted by %CPU, then VSZ.
 * Batch output ends with an empty line, because top prints a newline after the last row and
 * another on exit.
 */

/** ` 0.0% `: a share of a total in tenths of a percent, `  100% ` at the top. */
function pct(value: number, total: number): string {
  if (total <= 0 || value >= total) return '  100% ';
  const v = Math.floor((1000 * value) / total);
  const whole = Math.floor(v / 100);
  return ` ${whole ? whole : ' '}${Math.floor(v / 10) % 10}.${v % 10}% `;
}

function tenths(permille: number): string {
  return `${String(Math.floor(permille / 10)).padStart(3)}.${permille % 10}`;
}

function header(sys: SystemView, procs: ProcInfo[]): string {
  const m = sys.meminfo();
  const mem =
    `Mem: ${kib(m.total - m.free)}K used, ${kib(m.free)}K free, ${kib(m.shared)}K shrd, ` +
    `${kib(m.buffers)}K buff, ${kib(m.cached)}K cached`;
  const cpus = Math.max(1, sys.cpus());
  const busy = Math.min(
    cpus,
    procs.reduce((s, p) => s + p.cpuCores, 0),
  );
  const total = 1000;
  const used = Math.round((busy / cpus) * total);
  const fields: [number, string][] = [
    [used, 'usr'],
    [0, 'sys'],
    [0, 'nic'],
    [total - used, 'idle'],
    [0, 'io'],
    [0, 'irq'],
    [0, 'sirq'],
  ];
  const cpu = `CPU:${fields.map(([v, label]) => pct(v, total) + label).join('')}`;
  const [a, b, c] = sys.loadavg();
  const running = Math.max(1, procs.filter((p) => p.state === 'R').length);
  const tasks = procs.reduce((s, p) => s + Math.max(1, p.threads), 0);
  const last = Math.max(0, ...procs.map((p) => p.pid));
  const load = `Load average: ${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} ${running}/${tasks} ${last}`;
  return `${mem}\n${cpu}\n${load}\n`;
}

/** PID, PPID and USER in 20 characters: wide PIDs lose their padding first, then USER is cut. */
function ppu(p: ProcInfo): string {
  let pid = String(p.pid).padStart(5);
  let ppid = String(p.ppid).padStart(5);
  const user = p.user.slice(0, 8).padEnd(8);
  let excess = pid.length + ppid.length + user.length + 2 - 20;
  for (; excess > 0 && pid.startsWith(' '); excess--) pid = pid.slice(1);
  for (; excess > 0 && ppid.startsWith(' '); excess--) ppid = ppid.slice(1);
  return `${pid} ${ppid} ${user}`.slice(0, 20);
}

/** Tenths of a percent the way top scales them: truncated after adding half a tenth's tenth. */
const permille = (part: number, whole: number) => Math.floor((part * 1000) / whole + 0.05);

export function frame(sys: SystemView, procs: ProcInfo[]): string {
  const memKb = Math.max(1, kib(sys.meminfo().total));
  const cpus = Math.max(1, sys.cpus());
  const rows = procs
    .map((p, i) => ({ p, i, cpu: permille(p.cpuCores, cpus) }))
    .sort((x, y) => y.cpu - x.cpu || y.p.vsz - x.p.vsz || y.p.cpuTime - x.p.cpuTime || x.i - y.i)
    .map(({ p, cpu }) => {
      const vsz = kib(p.vsz);
      const pvsz = permille(vsz, memKb);
      return `${ppu(p)} ${bbState(p)}  ${compact(vsz, 5)}${tenths(pvsz)} ${String(p.pid % cpus).padStart(3)}${tenths(cpu)} ${bbCmdline(p)}`;
    });
  return `${header(sys, procs)}  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND${rows.map((r) => `\n${r}`).join('')}\n`;
}

export function busyboxTop(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: 'd:n:bHm' });
  if (isGetoptError(p)) return usageFailure(ctx, 'top', 'busybox', p);
  const n = lastValue(p, 'n')?.replace(/^-/, '');
  if (n !== undefined && !/^\d+$/.test(n)) return failure('top', `invalid number '${n}'`);
  const d = lastValue(p, 'd')?.replace(/^-/, '');
  const delay = d === undefined ? 5000 : Number(d) * 1000;
  if (Number.isNaN(delay)) return failure('top', `invalid number '${d}'`);
  const batch = p.opts.some((o) => o.key === 'b');
  const out = new Output();
  const text = frame(ctx.sys, ctx.sys.processes());
  // Without -b it draws at the top of a cleared screen, the header in reverse video.
  const shown = batch ? text : `\x1b[H\x1b[J${text.replace(/^( {2}PID .*)$/m, '\x1b[7m$1\x1b[m')}`;
  const frames = n === undefined ? Number.POSITIVE_INFINITY : Number(n);
  out.out(shown);
  if (frames === Number.POSITIVE_INFINITY)
    return { events: out.exit(0).events.filter((e) => e.kind !== 'exit') };
  for (let i = 1; i < frames; i++) out.wait(delay).out(shown);
  return out.out('\n').exit(0);
}
