import type { ProcInfo } from '../../../kernel/view.js';
import { kib } from '../common/host.js';

/** What BusyBox's ps and top read from /proc, in BusyBox's own formats. */

/**
 * BusyBox's 3-character state: the letter, `W` when the process has no memory (kernel
 * threads), then `<` or `N` for the nice value.
 */
export function bbState(p: ProcInfo): string {
  const s = [p.state === 'I' ? 'I' : p.state, ' ', ' '];
  let i = 1;
  if (kib(p.vsz) === 0 && p.state !== 'Z') {
    s[1] = 'W';
    i = 2;
  }
  if (p.nice < 0) s[i] = '<';
  else if (p.nice > 0) s[i] = 'N';
  return s.join('');
}

/**
 * The command line as BusyBox's read_cmdline shows it: `[comm]` without one; `{comm} args`
 * when the program's name (comm) differs from argv[0]'s base name, which is how it shows a
 * thread or a process that renamed itself.
 */
export function bbCmdline(p: ProcInfo): string {
  if (p.kernelThread || p.args.length === 0) return `[${p.comm}]`;
  const line = p.args.join(' ');
  const argv0 = p.args[0]!.split(' ')[0]!;
  let base = argv0.slice(argv0.lastIndexOf('/') + 1);
  if (base.startsWith('-')) base = base.slice(1);
  return base.startsWith(p.comm) ? line : `{${p.comm}} ${line}`;
}

/** CPU time as BusyBox prints it in 5 columns: `M:SS`, then `HhMM`, then `DdHH`. */
export function bbTime(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const mins = Math.floor(seconds / 60);
  if (mins < 60) return `${String(mins).padStart(2)}:${two(seconds % 60)}`;
  const hours = Math.floor(mins / 60);
  if (hours < 24) return `${String(hours).padStart(2)}h${two(mins % 60)}`;
  const days = Math.floor(hours / 24);
  return days < 100 ? `${String(days).padStart(2)}d${two(hours % 24)}` : `${String(days).padStart(4)}d`;
}

const DIGITS = '0123456789';

/**
 * smart_ulltoa4/5: a number in 4 or 5 characters, scaled by 1024 with a suffix (` m g t`)
 * once it does not fit (`4420`, `1.6g`, `2399m`).
 */
export function compact(value: number, width: 4 | 5, scale = ' mgtpezy'): string {
  const limit = width === 4 ? 9999 : 99999;
  let ul = value;
  let idx = 0;
  if (ul > limit) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= limit + 1);
  }
  if (idx === 0) return String(ul).padStart(width);
  const u = Math.floor(ul / 10);
  const tenth = ul % 10;
  const big = width === 4 ? 10 : 100;
  if (u >= big)
    return `${String(Math.floor(u / 10)).padStart(width - 2)}${DIGITS[u % 10]}${scale[idx]}`.slice(-width);
  return `${String(u).padStart(width - 3)}.${tenth}${scale[idx]}`;
}

/** The terminal name BusyBox ps prints: `major,minor` (pts/0 is 136,0), `?` without one. */
export function bbTty(tty: string | null): string {
  if (tty === null) return '?';
  const pts = /^pts\/(\d+)$/.exec(tty);
  if (pts) return `${136 + Math.floor(Number(pts[1]) / 256)},${Number(pts[1]) % 256}`;
  const vt = /^tty(\d+)$/.exec(tty);
  if (vt) return `4,${vt[1]}`;
  return '5,1';
}
