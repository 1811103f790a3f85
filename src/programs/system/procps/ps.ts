import type { ProcInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { kib, pidDigits, screenColumns, selfProc } from '../common/host.js';
import { groupName, groups, userByName } from '../common/users.js';
import type { ColumnEnv, Row } from './columns.js';
import { jobsOf, threadIds } from './derive.js';
import { formatColumns, headerLine, rowLine } from './layout.js';
import { type PsOptions, parsePsArgs } from './ps-args.js';
import { chooseFormat, forestOrder, type Me, selectionConflict, selectProcs } from './ps-select.js';
import { sortRows, unknownSortKey } from './ps-sort.js';

export const PROCPS_VERSION = '4.0.4';

const USAGE_TAIL =
  "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n" +
  "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

function me(ctx: ProcessContext, procs: ProcInfo[]): Me {
  const num = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);
  return {
    uid: ctx.uid,
    tty: selfProc(ctx, procs)?.tty ?? null,
    uidOf: (v) => num(v) ?? userByName(ctx.fs, v)?.uid,
    gidOf: (v) => num(v) ?? groups(ctx.fs).find((g) => g.name === v)?.gid,
  };
}

/** Everything procps checks before it reads /proc; an error sends it back to try BSD reading. */
function validate(o: PsOptions, who: Me, digits: number): string | undefined {
  for (const l of o.lists) {
    if (l.kind === 'euser' || l.kind === 'ruser') {
      if (l.values.some((v) => who.uidOf(v) === undefined)) return 'user name does not exist';
    }
    if (l.kind === 'group' && l.values.some((v) => who.gidOf(v) === undefined))
      return 'group name does not exist';
    if ((l.kind === 'pid' || l.kind === 'ppid') && l.values.some((v) => !/^\d+$/.test(v) || Number(v) < 1)) {
      return /^\d+$/.test(l.values.find((v) => !/^\d+$/.test(v) || Number(v) < 1) ?? '')
        ? 'process ID out of range'
        : 'process ID list syntax error';
    }
  }
  if (selectionConflict(o)) return 'process selection options conflict';
  if (o.forest && o.threads) return 'thread display conflicts with forest display';
  const format = chooseFormat(o);
  if (typeof format === 'string') return format;
  const cols = formatColumns(format, digits);
  if ('unknown' in cols) return `unknown user-defined format specifier "${cols.unknown}"`;
  const badSort = unknownSortKey(o.sort);
  return badSort ? 'unknown sort specifier' : undefined;
}

function activeColumns(ctx: ProcessContext, o: PsOptions): number {
  let cols = o.cols ?? screenColumns(ctx) ?? Number.POSITIVE_INFINITY;
  if (o.wide === 1 && cols < 132) cols = 132;
  if (o.wide > 1) cols = Number.POSITIVE_INFINITY;
  return cols;
}

function buildRows(
  o: PsOptions,
  selected: ProcInfo[],
  all: ProcInfo[],
  jobs: ReturnType<typeof jobsOf>,
): Row[] {
  const ordered = o.forest ? forestOrder(selected, o.forest) : selected.map((p) => ({ p, art: '' }));
  if (!o.threads) return ordered.map(({ p, art }) => ({ p, job: jobs.get(p.pid), forest: art }));
  const tids = threadIds(all);
  return ordered.flatMap(({ p }) =>
    [p.pid, ...(tids.get(p.pid) ?? [])].map((tid) => ({
      p: o.threads === 'H' ? { ...p, pid: tid } : p,
      job: jobs.get(p.pid),
      tid,
      forest: '',
    })),
  );
}

export function runPs(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const procs = ctx.sys.processes();
  const who = me(ctx, procs);
  const digits = pidDigits(ctx.fs);
  const o = parsePsArgs(ctx.argv.slice(1), (opts) => validate(opts, who, digits));
  if ('error' in o) return out.err(`error: ${o.error}\n${USAGE_TAIL}`).exit(1);
  if (o.help !== undefined) return out.out(USAGE_TAIL).exit(0);
  if (o.version) return out.out(`ps from procps-ng ${PROCPS_VERSION}\n`).exit(0);
  const format = chooseFormat(o);
  const cols = typeof format === 'string' ? [] : formatColumns(format, digits);
  if (!Array.isArray(cols)) return out.exit(1);
  const jobs = jobsOf(procs);
  const selected = sortRows(selectProcs(o, procs, jobs, who), o.sort, ctx.sys.now());
  const rows = buildRows(o, selected, procs, jobs);
  const env: ColumnEnv = {
    now: ctx.sys.now(),
    memTotalKb: kib(ctx.sys.meminfo().total),
    fullComm: o.flags.has('f') && !o.format,
    shortArgs: o.bsdC,
    groupName: (gid) => groupName(ctx.fs, gid) ?? String(gid),
  };
  const active = activeColumns(ctx, o);
  const lines: string[] = [];
  if (o.headers && cols.some((c) => c.header !== '')) lines.push(headerLine(cols, active));
  for (const row of rows) lines.push(rowLine(cols, row, env, active));
  if (lines.length) out.out(`${lines.join('\n')}\n`);
  return out.exit(rows.length > 0 ? 0 : 1);
}

export const psProgram: Program = { name: 'ps', run: runPs };
