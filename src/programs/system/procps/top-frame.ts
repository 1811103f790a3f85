import type { MemInfo, ProcInfo, SystemView } from '../../../kernel/view.js';
import { kib } from '../common/host.js';
import { cFixed } from '../common/text.js';
import { commandLine } from './columns.js';
import { uptimeLine } from './uptime.js';

/**
 * One frame of procps-ng top in batch mode: five summary lines, a blank line, the column
 * header and one row per task. Every field is justified in its width and followed by one
 * space; COMMAND takes what is left of the screen (80 columns when the output is not a
 * terminal), so rows are exactly that wide and long names end in `+`.
 */
export interface FrameOptions {
  cols: number;
  pidWidth: number;
  fullCommand: boolean;
  /** Summary memory unit: k, m, g, t, p, e. */
  memScale: string;
  users: number;
  sort: { field: string; desc: boolean };
  hideIdle: boolean;
}

const f51 = (x: number) => cFixed(x, 1).padStart(5);

const SCALES: Record<string, [label: string, div: number]> = {
  k: ['KiB', 1],
  m: ['MiB', 1024],
  g: ['GiB', 1024 ** 2],
  t: ['TiB', 1024 ** 3],
  p: ['PiB', 1024 ** 4],
  e: ['EiB', 1024 ** 5],
};

function memLines(m: MemInfo, scale: string): string {
  const [label, div] = SCALES[scale] ?? SCALES.m!;
  const v = (bytes: number) => {
    const value = kib(bytes) / div;
    return `${div === 1 ? value.toFixed(0) : cFixed(value, 1)} `.padStart(9);
  };
  const swapUsed = m.swapTotal - m.swapFree;
  const line1 = `${label} Mem : ${v(m.total)}total, ${v(m.free)}free, ${v(m.total - m.available)}used, ${v(m.buffers + m.cached)}buff/cache     `;
  const line2 = `${label} Swap: ${v(m.swapTotal)}total, ${v(m.swapFree)}free, ${v(swapUsed)}used. ${v(m.available)}avail Mem `;
  return `${line1}\n${line2}\n`;
}

function summary(sys: SystemView, procs: ProcInfo[], o: FrameOptions): string {
  const count = (states: string) => procs.filter((p) => states.includes(p.state)).length;
  const n = (x: number) => String(x).padStart(3);
  const busy = Math.min(100, (procs.reduce((s, p) => s + p.cpuCores, 0) / Math.max(1, sys.cpus())) * 100);
  const cpu = [busy, 0, 0, 100 - busy, 0, 0, 0, 0];
  const labels = ['us', 'sy', 'ni', 'id', 'wa', 'hi', 'si', 'st'];
  return (
    `top -${uptimeLine(sys, o.users)}\n` +
    `Tasks: ${n(procs.length)} total, ${n(count('R'))} running, ${n(count('SDI'))} sleeping, ${n(count('T'))} stopped, ${n(count('Z'))} zombie\n` +
    `%Cpu(s):${cpu.map((x, i) => `${f51(x)} ${labels[i]}`).join(',')} \n` +
    memLines(sys.meminfo(), o.memScale)
  );
}

/** `TIME+`: minutes:seconds.hundredths, or minutes:seconds when that does not fit. */
function timePlus(ms: number): string {
  const t = Math.floor(ms / 10);
  const text = `${Math.floor(t / 6000)}:${String(Math.floor(t / 100) % 60).padStart(2, '0')}.${String(t % 100).padStart(2, '0')}`;
  return text.length <= 9
    ? text
    : `${Math.floor(t / 6000)}:${String(Math.floor(t / 100) % 60).padStart(2, '0')}`;
}

/** Memory in KiB, or scaled (m, g, t) when the number does not fit the column. */
function mem(kb: number, width: number): string {
  if (String(kb).length <= width) return String(kb);
  for (const [i, unit] of ['m', 'g', 't'].entries()) {
    const value = kb / 1024 ** (i + 1);
    for (const digits of [3, 2, 1, 0]) {
      const text = `${cFixed(value, digits)}${unit}`;
      if (text.length <= width) return text;
    }
  }
  return '?';
}

/** top's make_str: text in the column, cut with a `+` when it does not fit. */
function justify(text: string, width: number, right: boolean): string {
  const t = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}+` : text;
  return right ? t.padStart(width) : t.padEnd(width);
}

export const FIELDS: Record<string, (p: ProcInfo, memKb: number) => number | string> = {
  PID: (p) => p.pid,
  USER: (p) => p.user,
  PR: (p) => 20 + p.nice,
  NI: (p) => p.nice,
  VIRT: (p) => p.vsz,
  RES: (p) => p.rss,
  SHR: (p) => p.rss,
  S: (p) => p.state,
  '%CPU': (p) => p.cpuCores,
  '%MEM': (p) => p.rss,
  'TIME+': (p) => p.cpuTime,
  TIME: (p) => p.cpuTime,
  COMMAND: (p) => p.comm,
};

/** SHR is not kept by the simulated kernel: shared pages are taken as a fixed share of RES. */
const shared = (p: ProcInfo) => (p.kernelThread ? 0 : Math.floor((kib(p.rss) * 0.6) / 4) * 4);

export function frame(sys: SystemView, procs: ProcInfo[], o: FrameOptions): string {
  const memKb = kib(sys.meminfo().total);
  const fixed: [string, number, boolean, (p: ProcInfo) => string][] = [
    ['PID', o.pidWidth, true, (p) => String(p.pid)],
    ['USER', 8, false, (p) => p.user],
    ['PR', 3, true, (p) => String(20 + p.nice)],
    ['NI', 3, true, (p) => String(p.nice)],
    ['VIRT', 7, true, (p) => mem(kib(p.vsz), 7)],
    ['RES', 6, true, (p) => mem(kib(p.rss), 6)],
    ['SHR', 6, true, (p) => mem(shared(p), 6)],
    ['S', 1, true, (p) => p.state],
    ['%CPU', 5, true, (p) => f51(p.cpuCores * 100)],
    ['%MEM', 5, true, (p) => f51(memKb ? (kib(p.rss) * 100) / memKb : 0)],
    ['TIME+', 9, true, (p) => timePlus(p.cpuTime)],
  ];
  const used = fixed.reduce((s, [, w]) => s + w + 1, 0);
  const varWidth = Math.max(7, o.cols - used - 1);
  const command = (p: ProcInfo) => (o.fullCommand ? commandLine(p) : p.comm);
  const row = (cells: string[]) => cells.join(' ') + ' ';
  const header = row([
    ...fixed.map(([name, w, right]) => justify(name, w, right)),
    justify('COMMAND', varWidth, false),
  ]);
  const key = FIELDS[o.sort.field] ?? FIELDS['%CPU']!;
  const shown = procs
    .filter((p) => !o.hideIdle || p.cpuCores > 0 || p.state === 'R')
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const x = key(a.p, memKb);
      const y = key(b.p, memKb);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (o.sort.desc ? -cmp : cmp) || a.i - b.i;
    });
  const rows = shown.map(({ p }) =>
    row([
      ...fixed.map(([, w, right, value]) => justify(value(p), w, right)),
      justify(command(p), varWidth, false),
    ]),
  );
  return `${summary(sys, procs, o)}\n${[header, ...rows].join('\n')}`;
}
