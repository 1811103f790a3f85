import type { ProcInfo, SystemView } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { getopt, getoptMessage, isGetoptError } from '../common/getopt.js';
import { format } from '../common/strftime.js';
import { cFixed } from '../common/text.js';

/**
 * procps-ng 4.0.4's uptime line, shared with `top`: ` 11:00:00 up  1:48,  1 user,  load
 * average: 0.08, 0.03, 0.01` (4.0.4 writes `user` for 0 too; later versions fixed the plural).
 */

/** Logged-in users (utmp): one per terminal with a login shell; containers have no utmp. */
export function loggedInUsers(sys: SystemView, procs: ProcInfo[]): number {
  if (!sys.isHost()) return 0;
  return new Set(procs.filter((p) => p.tty !== null && p.args[0]?.startsWith('-')).map((p) => p.tty)).size;
}

export function uptimeSeconds(sys: SystemView): number {
  return Math.max(0, Math.floor((sys.now() - sys.bootTime()) / 1000));
}

export function uptimeLine(sys: SystemView, users: number): string {
  const up = uptimeSeconds(sys);
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let text = ` ${format('%H:%M:%S', sys.now())} up `;
  if (days) text += `${days} ${days > 1 ? 'days' : 'day'}, `;
  text += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  text += `${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'},  `;
  const [a, b, c] = sys.loadavg();
  return `${text}load average: ${cFixed(a, 2)}, ${cFixed(b, 2)}, ${cFixed(c, 2)}`;
}

/** `uptime -p`: `up 1 hour, 48 minutes`. */
export function prettyUptime(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  const units: [number, string][] = [
    [315360000, 'decade'],
    [31536000, 'year'],
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
  ];
  for (const [size, name] of units) {
    if (rest > size) {
      const n = Math.floor(rest / size);
      rest -= n * size;
      parts.push(`${n} ${n > 1 ? `${name}s` : name}`);
    }
  }
  const minutes = rest > 60 ? Math.floor(rest / 60) : 0;
  if (minutes || rest < 60) parts.push(`${minutes} ${minutes !== 1 ? 'minutes' : 'minute'}`);
  return `up ${parts.join(', ')}`;
}

const USAGE = `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`;

function runUptime(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), {
    short: 'phsV',
    long: { pretty: ['p', 'none'], help: ['h', 'none'], since: ['s', 'none'], version: ['V', 'none'] },
  });
  if (isGetoptError(p)) return out.err(getoptMessage('uptime', p, 'glibc') + USAGE).exit(1);
  for (const o of p.opts) {
    if (o.key === 'h') return out.out(USAGE).exit(0);
    if (o.key === 's') return out.out(`${format('%Y-%m-%d %H:%M:%S', ctx.sys.bootTime())}\n`).exit(0);
    if (o.key === 'V') return out.out('uptime from procps-ng 4.0.4\n').exit(0);
  }
  if (p.operands.length) return out.err(USAGE).exit(1);
  if (p.opts.some((o) => o.key === 'p')) return out.out(`${prettyUptime(uptimeSeconds(ctx.sys))}\n`).exit(0);
  const users = loggedInUsers(ctx.sys, ctx.sys.processes());
  return out.out(`${uptimeLine(ctx.sys, users)}\n`).exit(0);
}

export const uptimeProgram: Program = { name: 'uptime', run: runUptime };

/** BusyBox uptime: no pretty format, `N users` always plural, load average truncated to cents. */
export function busyboxUptime(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const since = ctx.argv.slice(1).includes('-s');
  if (since) return out.out(`${format('%Y-%m-%d %H:%M:%S', ctx.sys.bootTime())}\n`).exit(0);
  const up = uptimeSeconds(ctx.sys);
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let text = ` ${format('%H:%M:%S', ctx.sys.now())} up `;
  if (days) text += `${days} day${days !== 1 ? 's' : ''}, `;
  text += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}` : `${minutes} min`;
  const load = ctx.sys.loadavg().map((l) => (Math.floor(l * 100) / 100).toFixed(2));
  return out.out(`${text},  0 users,  load average: ${load.join(', ')}\n`).exit(0);
}
