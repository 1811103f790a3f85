import type { MemInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { usageFailure } from '../common/fail.js';

/**
 * BusyBox free: the same columns as procps, its own layout (`Mem:` and `Swap:` labels in 7
 * characters, numbers in 12), and the older arithmetic: used = total − free − buff/cache.
 * Values are rounded to the unit; `-h` picks a unit per number (`7.7G`, `329.5M`).
 */
const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, h: 0 };

/** make_human_readable_str: rounded in a fixed unit, or scaled with one decimal for -h. */
export function bbScale(bytes: number, unit: number): string {
  if (bytes === 0) return '0';
  if (unit) return String(Math.floor((bytes + Math.floor(unit / 2)) / unit));
  let val = bytes;
  let frac = 0;
  let i = 0;
  while (val >= 1024) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    i++;
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return i === 0 ? String(val) : `${val}.${frac}${' KMGTPEZY'[i]}`;
}

export function bbFreeTable(m: MemInfo, unit: number): string {
  const cache = m.buffers + m.cached;
  const f = (v: number) => bbScale(v, unit).padStart(12);
  return (
    `       ${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}\n` +
    `Mem:   ${f(m.total)}${f(m.total - m.free - cache)}${f(m.free)}${f(m.shared)}${f(cache)}${f(m.available)}\n` +
    `Swap:  ${f(m.swapTotal)}${f(m.swapTotal - m.swapFree)}${f(m.swapFree)}\n`
  );
}

export function busyboxFree(ctx: ProcessContext): ProgramRun {
  const arg = ctx.argv[1];
  let unit = 1024;
  if (arg?.startsWith('-')) {
    const u = UNITS[arg[1] ?? ''];
    if (u === undefined) return usageFailure(ctx, 'free', 'busybox');
    unit = u;
  }
  return new Output().out(bbFreeTable(ctx.sys.meminfo(), unit)).exit(0);
}
