import type { ProcInfo } from '../../../kernel/view.js';
import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { type GetoptSpec, getopt, getoptMessage, has, isGetoptError, lastValue } from '../common/getopt.js';
import { screenColumns } from '../common/host.js';
import { utf8Locale } from '../common/text.js';
import { COLUMNS, type Env, USAGE } from './lsns-columns.js';
import { NS_TYPES, type NsEntry, namespaces, nsfsMounts } from './namespaces.js';
import { renderJson, renderRaw, renderTable, type Table } from './smartcols.js';

export const UTIL_LINUX_VERSION = '2.39.3';

const LONG: GetoptSpec['long'] = {
  json: ['J', 'none'],
  list: ['l', 'none'],
  noheadings: ['n', 'none'],
  output: ['o', 'required'],
  'output-all': ['A', 'none'],
  persistent: ['P', 'none'],
  task: ['p', 'required'],
  raw: ['r', 'none'],
  notruncate: ['u', 'none'],
  nowrap: ['W', 'none'],
  type: ['t', 'required'],
  tree: ['T', 'optional'],
  help: ['h', 'none'],
  version: ['V', 'none'],
};

function fail(out: Output, msg: string): ProgramRun {
  return out.err(`lsns: ${msg}\n`).exit(1);
}

/**
 * Tree art of the COMMAND column (util-linux 2.38+): a line goes under the line of its
 * process's parent when that parent already has one. Returns the display order and the art.
 */
function treeArt(items: ProcInfo[], utf: boolean): { order: number[]; art: string[] } {
  const owner = new Map<number, number>();
  const parentOf = items.map((p, i) => {
    const parent = owner.get(p.ppid) ?? -1;
    owner.set(p.pid, i);
    return parent;
  });
  const [branch, last, vert, empty] = utf
    ? ['\u251c\u2500', '\u2514\u2500', '\u2502 ', '  ']
    : ['|-', '`-', '| ', '  '];
  const order: number[] = [];
  const art: string[] = [];
  const walk = (i: number, trail: boolean[]) => {
    order.push(i);
    const tail = trail.length === 0 ? '' : trail.at(-1) ? branch : last;
    art.push(
      trail
        .slice(0, -1)
        .map((more) => (more ? vert : empty))
        .join('') + tail,
    );
    const kids = items.map((_, j) => j).filter((j) => parentOf[j] === i);
    for (const [n, k] of kids.entries()) walk(k, [...trail, n < kids.length - 1]);
  };
  items.forEach((_, i) => {
    if (parentOf[i] === -1) walk(i, []);
  });
  return { order, art };
}

function runLsns(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const p = getopt(ctx.argv.slice(1), { short: 'Jlno:p:rt:uWT::hVP', long: LONG });
  if (isGetoptError(p))
    return out.err(`${getoptMessage('lsns', p, 'glibc')}Try 'lsns --help' for more information.\n`).exit(1);
  if (has(p, 'h')) return out.out(USAGE).exit(0);
  if (has(p, 'V')) return out.out(`lsns from util-linux ${UTIL_LINUX_VERSION}\n`).exit(0);
  const types = p.opts.filter((o) => o.key === 't').map((o) => o.value!);
  const badType = types.find((t) => !NS_TYPES.includes(t as never));
  if (badType) return fail(out, `unknown namespace type: ${badType}`);
  const task = lastValue(p, 'p');
  if (task !== undefined && !/^\d+$/.test(task)) return fail(out, `invalid PID argument: '${task}'`);
  const nsArg = p.operands[0];
  if (nsArg !== undefined && task !== undefined)
    return fail(out, '--task is mutually exclusive with <namespace>');
  if (nsArg !== undefined && !/^\d+$/.test(nsArg)) return fail(out, `invalid namespace argument: '${nsArg}'`);

  // Without root, /proc/PID/ns of other users' processes cannot be read: only one's own count.
  const procs = ctx.sys.processes().filter((x) => ctx.uid === 0 || x.uid === ctx.uid);
  const all = namespaces(procs);
  const self = procs.find((x) => x.pid === ctx.sys.selfPid());
  const nets = all.filter((e) => e.type === 'net');
  const env: Env = {
    byPid: new Map(procs.map((x) => [x.pid, x])),
    netnsid: new Map(nets.filter((e) => e.ino !== self?.ns.net).map((e, i) => [e.ino, String(i)])),
    nsfs: nsfsMounts(ctx.fs),
  };
  if (self) env.netnsid.set(self.ns.net, 'unassigned');

  let names =
    nsArg !== undefined ? ['PID', 'PPID', 'USER', 'COMMAND'] : ['NS', 'TYPE', 'NPROCS', 'PID', 'USER'];
  if (nsArg === undefined) {
    if (types.length === 1 && types[0] === 'net') names.push('NETNSID', 'NSFS');
    names.push('COMMAND');
  }
  if (has(p, 'A')) names = Object.keys(COLUMNS);
  const list = lastValue(p, 'o');
  if (list !== undefined) {
    const wanted = list
      .replace(/^\+/, '')
      .split(',')
      .map((n) => n.trim().toUpperCase());
    const unknown = wanted.find((n) => !COLUMNS[n]);
    if (unknown) return fail(out, `unknown column: ${unknown}`);
    names = list.startsWith('+') ? [...names, ...wanted] : wanted;
  }
  const cols = names.map((n) => COLUMNS[n]!);

  let rowsFor: { ns: NsEntry; p: ProcInfo }[];
  if (nsArg !== undefined) {
    const ns = all.find((e) => e.ino === Number(nsArg));
    if (!ns) return fail(out, `not found namespace: ${nsArg}`);
    rowsFor = ns.procs.map((x) => ({ ns, p: x }));
  } else {
    rowsFor = all
      .filter((e) => types.length === 0 || types.includes(e.type))
      .filter((e) => task === undefined || e.procs.some((x) => x.pid === Number(task)))
      .filter(() => !has(p, 'P'))
      .map((ns) => ({ ns, p: ns.first }));
  }
  const flat = has(p, 'l') || has(p, 'r') || has(p, 'J') || !names.includes('COMMAND');
  const tree = flat
    ? undefined
    : treeArt(
        rowsFor.map((r) => r.p),
        utf8Locale(ctx.env),
      );
  if (tree) rowsFor = tree.order.map((i) => rowsFor[i]!);
  const table: Table = {
    columns: cols,
    rows: rowsFor.map(({ ns, p: x }) => cols.map((c) => c.cell(ns, x, env))),
    art: tree?.art,
    treeColumn: tree ? names.indexOf('COMMAND') : undefined,
  };
  const headers = !has(p, 'n');
  if (has(p, 'J')) return out.out(renderJson(table, 'namespaces')).exit(0);
  if (table.rows.length === 0) return out.exit(0);
  if (has(p, 'r')) return out.out(renderRaw(table, headers)).exit(0);
  const termWidth = ctx.tty && !has(p, 'u') ? screenColumns(ctx) : undefined;
  return out.out(renderTable(table, { headers, termWidth })).exit(0);
}

export const lsnsProgram: Program = { name: 'lsns', run: runLsns };
