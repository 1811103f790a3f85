import type { ProcInfo } from '../../../kernel/view.js';
import { format, MONTHS } from '../common/strftime.js';

/**
 * procps' time columns. The kernel counts CPU in clock ticks (100 per second) and procps
 * truncates everywhere: 41.9 s of CPU is `00:00:41`, 0.66 % is `0.6`.
 */
const HZ = 100;

export function cpuSeconds(p: ProcInfo): number {
  return Math.floor(p.cpuTime / 1000);
}

/** CPU use over the process's lifetime, in percent (libproc2's UTILIZATION). */
export function utilization(p: ProcInfo, now: number): number {
  const cpuTicks = Math.floor((p.cpuTime * HZ) / 1000);
  const lifeTicks = Math.floor(((now - p.startTime) * HZ) / 1000);
  return lifeTicks > 0 ? (cpuTicks * 100) / lifeTicks : 0;
}

/** `%CPU`: tenths of a percent, truncated; `100` and more print without the decimal. */
export function pcpu(p: ProcInfo, now: number): string {
  const permille = Math.floor(utilization(p, now) * 10);
  return permille > 999 ? String(Math.floor(permille / 10)) : `${Math.floor(permille / 10)}.${permille % 10}`;
}

/** `C` of `ps -f`: whole percent, at most 99. */
export function cColumn(p: ProcInfo, now: number): string {
  return String(Math.min(99, Math.floor(utilization(p, now))));
}

/** `%MEM`: RSS over MemTotal in tenths, truncated, `%2u.%u`. */
export function pmem(rssKb: number, memTotalKb: number): string {
  const permille = Math.min(999, memTotalKb > 0 ? Math.floor((rssKb * 1000) / memTotalKb) : 0);
  return `${String(Math.floor(permille / 10)).padStart(2)}.${permille % 10}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `TIME` of `-e`/`-f`: `[DD-]HH:MM:SS`. */
export function cumulativeTime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return days ? `${days}-${rest}` : rest;
}

/** `TIME` of BSD formats (`aux`): minutes and seconds, `%3u:%02u`. */
export function bsdTime(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(3)}:${two(seconds % 60)}`;
}

/** `ELAPSED`: `[[DD-]hh:]mm:ss`. */
export function elapsed(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor(seconds / 3600) % 24;
  let out = days ? `${days}-` : '';
  if (days || hours) out += `${two(hours)}:`;
  return `${out}${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export function elapsedSeconds(p: ProcInfo, now: number): number {
  return Math.max(0, Math.floor((now - p.startTime) / 1000));
}

/** `STIME`/`START`: `HH:MM` today, `MonDD` earlier this year, `YYYY` before. */
export function startTime(start: number, now: number): string {
  const s = new Date(start);
  const n = new Date(now);
  if (s.getUTCFullYear() !== n.getUTCFullYear()) return String(s.getUTCFullYear());
  const sameDay = s.getUTCMonth() === n.getUTCMonth() && s.getUTCDate() === n.getUTCDate();
  if (!sameDay) return `${MONTHS[s.getUTCMonth()]!.slice(0, 3)}${two(s.getUTCDate())}`;
  return `${two(s.getUTCHours())}:${two(s.getUTCMinutes())}`;
}

/** `STARTED` (`start`): `HH:MM:SS` within a day, else `  Mon DD`. */
export function startedColumn(start: number, now: number): string {
  if (start + 86400000 > now) return format('%H:%M:%S', start);
  return `  ${format('%b %d', start)}`;
}

/** `lstart`: `Sun Nov 23 09:16:04 2026`. */
export function lstart(start: number): string {
  return format('%a %b %e %H:%M:%S %Y', start);
}
