import type { ProcInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { usageFailure } from '../common/fail.js';
import { getopt, isGetoptError } from '../common/getopt.js';
import { kib, screenColumns } from '../common/host.js';
import { groupName } from '../common/users.js';
import { threadIds } from '../procps/derive.js';
import { elapsedSeconds } from '../procps/times.js';
import { bbCmdline, bbState, bbTime, bbTty, compact } from './procs.js';

/**
 * BusyBox ps (the "desktop" build of the official image and Alpine): every process, columns
 * `pid,user,time,args` by default. Each column but the last is padded to its width plus one
 * space and headers are left-aligned: `PID   USER     TIME  COMMAND`. `-e`, `-f`, `aux` and
 * the like are accepted and change nothing.
 */
interface Spec {
  width: number;
  header: string;
  value(p: ProcInfo, ctx: ProcessContext, width: number): string;
}

const MAX_WIDTH = 2048;

const SPECS: Record<string, Spec> = {
  user: { width: 8, header: 'USER', value: (p, _, w) => p.user.slice(0, w) },
  group: {
    width: 8,
    header: 'GROUP',
    value: (p, ctx, w) => (groupName(ctx.fs, p.gid) ?? String(p.gid)).slice(0, w),
  },
  comm: { width: 16, header: 'COMMAND', value: (p, _, w) => p.comm.slice(0, w) },
  args: { width: MAX_WIDTH, header: 'COMMAND', value: (p, _, w) => bbCmdline(p).slice(0, w) },
  pid: { width: 5, header: 'PID', value: (p, _, w) => String(p.pid).padStart(w) },
  ppid: { width: 5, header: 'PPID', value: (p, _, w) => String(p.ppid).padStart(w) },
  pgid: { width: 5, header: 'PGID', value: (p, _, w) => String(p.pgid ?? p.pid).padStart(w) },
  etime: { width: 7, header: 'ELAPSED', value: (p, ctx) => bbTime(elapsedSeconds(p, ctx.sys.now())) },
  nice: { width: 5, header: 'NI', value: (p, _, w) => String(p.nice).padStart(w) },
  rgroup: {
    width: 8,
    header: 'RGROUP',
    value: (p, ctx, w) => (groupName(ctx.fs, p.gid) ?? String(p.gid)).slice(0, w),
  },
  ruser: { width: 8, header: 'RUSER', value: (p, _, w) => p.user.slice(0, w) },
  time: { width: 5, header: 'TIME', value: (p) => bbTime(Math.floor(p.cpuTime / 1000)) },
  tty: { width: 6, header: 'TT', value: (p) => bbTty(p.tty) },
  vsz: { width: 4, header: 'VSZ', value: (p) => compact(kib(p.vsz), 4) },
  sid: { width: 5, header: 'SID', value: (p, _, w) => String(p.sid ?? p.pid).padStart(w) },
  stat: { width: 4, header: 'STAT', value: (p) => bbState(p) },
  rss: { width: 4, header: 'RSS', value: (p) => compact(kib(p.rss), 4) },
};

/** `-o pid,comm=NAME`: the header override runs to the next comma and sets the width. */
function parseO(text: string): { spec: Spec; header: string; width: number }[] | string {
  const out: { spec: Spec; header: string; width: number }[] = [];
  for (const item of text.split(',')) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const spec = SPECS[name];
    if (!spec) return name;
    const header = eq < 0 ? spec.header : item.slice(eq + 1);
    out.push({ spec, header, width: eq >= 0 && header ? header.length : spec.width });
  }
  return out;
}

export function busyboxPs(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), { short: 'Zo:aAdeflT' });
  if (isGetoptError(p)) return usageFailure(ctx, 'ps', 'busybox', p);
  const lists = p.opts.filter((o) => o.key === 'o').map((o) => o.value!);
  const cols: { spec: Spec; header: string; width: number }[] = [];
  for (const list of lists.length ? lists : ['pid,user,time,args']) {
    const parsed = parseO(list);
    if (typeof parsed === 'string') {
      const names = Object.keys(SPECS).join(',');
      return new Output().err(`ps: bad -o argument '${parsed}', supported arguments: ${names}\n`).exit(1);
    }
    cols.push(...parsed);
  }
  const term = screenColumns(ctx);
  const width = ctx.tty && term ? Math.min(term - 1, MAX_WIDTH) : MAX_WIDTH;
  const line = (cells: string[], header = false) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1) return c;
        // printf("%*s", width - len + 1, " "): a negative width pads on the other side.
        const pad = cols[i]!.width - c.length + 1;
        return c + ' '.repeat(header ? Math.max(1, pad) : pad > 0 ? pad : Math.max(1, -pad));
      })
      .join('')
      .slice(0, width);
  let procs = ctx.sys.processes();
  if (p.opts.some((o) => o.key === 'T')) {
    const tids = threadIds(procs);
    procs = procs.flatMap((x) => [x, ...(tids.get(x.pid) ?? []).map((tid) => ({ ...x, pid: tid }))]);
  }
  const lines: string[] = [];
  if (cols.some((c) => c.header))
    lines.push(
      line(
        cols.map((c) => c.header),
        true,
      ),
    );
  for (const proc of procs) lines.push(line(cols.map((c) => c.spec.value(proc, ctx, c.width) || '-')));
  return new Output().out(lines.map((l) => `${l}\n`).join('')).exit(0);
}
