import type { FileStat } from '../../fs/view.js';

/** `drwxr-xr-x`, `lrwxrwxrwx`, `-rwsr-xr-x`, `drwxrwxrwt` as ls(1) and stat(1) print modes. */
export function modeString(st: Pick<FileStat, 'type' | 'mode'>): string {
  const m = st.mode;
  const type = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const triple = (shift: number, special: number, on: string, off: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const xbit = m & (1 << shift);
    const x = m & special ? (xbit ? on : off) : xbit ? 'x' : '-';
    return r + w + x;
  };
  return type + triple(6, 0o4000, 's', 'S') + triple(3, 0o2000, 's', 'S') + triple(0, 0o1000, 't', 'T');
}

/** Size as the simulated ext4/overlay reports it: directories take one 4 KiB block. */
export function apparentSize(st: FileStat): number {
  if (st.type === 'dir') return st.size > 0 ? st.size : 4096;
  if (st.type === 'symlink') return st.target?.length ?? st.size;
  return st.size;
}

/** Allocated 1 KiB blocks: whole 4 KiB blocks for data, none for a (fast) symlink. */
export function kilobytes(st: FileStat): number {
  if (st.type === 'symlink') return 0;
  return Math.ceil(apparentSize(st) / 4096) * 4;
}

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

/**
 * GNU's human_readable with autoscale, powers of 1024 and ceiling rounding (ls -h, du -h,
 * df -h): one decimal below 10 (`4.0K`, `1.5M`), whole numbers above (`13K`, `59G`).
 */
export function gnuHuman(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let unit = 1;
  let divisor = 1024;
  while (bytes >= divisor * 1024 && unit < UNITS.length - 1) {
    unit++;
    divisor *= 1024;
  }
  const whole = Math.floor(bytes / divisor);
  const rest = bytes - whole * divisor;
  const tenths = whole * 10 + Math.ceil((rest * 10) / divisor);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${UNITS[unit]}`;
  const ceil = rest > 0 ? whole + 1 : whole;
  if (ceil >= 1024 && unit < UNITS.length - 1) return `1.0${UNITS[unit + 1]}`;
  return `${ceil}${UNITS[unit]}`;
}

/**
 * BusyBox's make_human_readable_str(size, 1, 0): nearest tenth, always one decimal with a
 * unit; without `fraction` (block size 0) rounded to a whole number (`ls -lh`'s total).
 */
export function busyboxHuman(bytes: number, fraction = true): string {
  let val = Math.floor(bytes);
  let unit = 0;
  let frac = 0;
  while (val >= 1024 && unit < UNITS.length - 1) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    unit++;
  }
  if (unit === 0) return String(val);
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (!fraction) return `${frac >= 5 ? val + 1 : val}${UNITS[unit]}`;
  return `${val}.${frac}${UNITS[unit]}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The date column of `ls -l` (UTC, as in a container): `Jun 10 07:11` for the last six
 * months, `Jun 10  2023` otherwise. GNU counts half a Gregorian year, BusyBox 182.5 days
 * and lets files 15 minutes in the future count as recent.
 */
export function lsDate(mtime: number, nowSeconds: number, gnu: boolean): string {
  const d = new Date(mtime * 1000);
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}`;
  const age = nowSeconds - Math.floor(mtime); // both whole seconds: a file written this instant is not "in the future"
  const recent = gnu ? age < 15778476 && age >= 0 : age < 15768000 && age > -900;
  return recent
    ? `${head} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
    : `${head}  ${d.getUTCFullYear()}`;
}

/** `2024-06-10 07:11:47` (UTC) as tar and stat print times. */
export function isoDateTime(mtime: number): string {
  const d = new Date(mtime * 1000);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * A stable made-up inode number for a path: the view has no inodes, and `ls -i`, `stat` and
 * `find -inum` need a number that does not change between runs.
 */
export function inodeOf(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return 1000000 + (h % 8000000);
}

/** GNU's "shell-escape" quoting of a name on a terminal: `'a b'`, `"it's"`. */
export function shellQuote(name: string): string {
  if (/^[A-Za-z0-9._\-+,/:@%^=~]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  if (!/["$`\\]/.test(name)) return `"${name}"`;
  return `'${name.replaceAll("'", "'\\''")}'`;
}
