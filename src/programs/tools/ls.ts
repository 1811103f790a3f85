import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, namesOf, permits } from './access.js';
import { isParsed, type OptSpec, parseOrFail } from './args.js';
import { type Errno, joinPath, strerror, type Tool } from './common.js';
import { apparentSize, busyboxHuman, gnuHuman, kilobytes } from './format.js';
import { type LsEntry, type LsStyle, longLines, shortLines } from './ls-print.js';

const GNU_SPEC: OptSpec = {
  flags: 'aAlhdRtrSF1CxinpLHUgo',
  values: 'wT',
  long: {
    all: 'a',
    'almost-all': 'A',
    'human-readable': 'h',
    directory: 'd',
    recursive: 'R',
    reverse: 'r',
    classify: 'F',
    'numeric-uid-gid': 'n',
    inode: 'i',
    dereference: 'L',
    'dereference-command-line': 'H',
    color: 'color?',
    'group-directories-first': 'group-directories-first',
    width: 'w=',
    tabsize: 'T=',
  },
};

const BUSYBOX_SPEC: OptSpec = {
  flags: '1AaCxdLHRFplinshrSXvctuegk',
  values: 'w',
  long: { color: 'color?', 'full-time': 'full-time', 'group-directories-first': 'group-directories-first' },
};

interface Options {
  all: boolean;
  almost: boolean;
  directory: boolean;
  recursive: boolean;
  follow: boolean;
  followArgs: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
}

/** `ls`: both flavours; the formats differ in ls-print.ts. */
export function ls(t: Tool): ProgramRun {
  const p = parseOrFail(t, t.gnu ? GNU_SPEC : BUSYBOX_SPEC, t.gnu ? 2 : 1);
  if (!isParsed(p)) return p;
  const long = p.has('l') || p.has('g') || p.has('o') || p.has('n');
  const width = Number(p.value('w') ?? t.ctx.env.COLUMNS ?? 80) || 80;
  const style: LsStyle = {
    gnu: t.gnu,
    long,
    human: p.has('h'),
    classify: p.has('F'),
    slash: p.has('p') || p.has('F'),
    inode: p.has('i'),
    numeric: p.has('n'),
    quote: t.gnu && t.ctx.tty,
    width,
    across: p.has('x'),
    oneColumn: p.has('1') || (!t.ctx.tty && !p.has('C') && !p.has('x')),
    now: t.nowSeconds(),
    names: namesOf(t.fs),
  };
  const o: Options = {
    all: p.has('a'),
    almost: p.has('A'),
    directory: p.has('d'),
    recursive: p.has('R'),
    follow: p.has('L'),
    followArgs: p.has('L') || p.has('H') || !(long || p.has('d') || p.has('F') || p.has('i') || p.has('s')),
    sort: p.has('U') ? 'none' : p.has('t') ? 'time' : p.has('S') ? 'size' : 'name',
    reverse: p.has('r'),
  };
  const operands = p.operands.length ? p.operands : ['.'];
  const files: LsEntry[] = [];
  const dirs: LsEntry[] = [];
  for (const op of operands) {
    const entry = operandEntry(t, op, o);
    if (!entry) continue;
    if (!o.directory && entry.shown.type === 'dir') dirs.push(entry);
    else files.push(entry);
  }
  const blocks: string[] = [];
  if (files.length) blocks.push(lines(sortEntries(files, o), style));
  const headers = operands.length > 1 || o.recursive;
  for (const dir of sortEntries(dirs, o)) listDir(t, dir.path, dir.name, style, o, headers, blocks, true);
  if (blocks.length) t.out(`${blocks.join('\n')}`);
  return t.done();
}

function lines(entries: LsEntry[], style: LsStyle): string {
  const out = style.long ? longLines(entries, style) : shortLines(entries, style);
  return out.map((l) => `${l}\n`).join('');
}

function notFound(t: Tool, op: string, errno: Errno): void {
  if (t.gnu) t.fail(`cannot access '${op}': ${strerror(errno)}`, 2);
  else t.fail(`${op}: ${strerror(errno)}`);
}

function operandEntry(t: Tool, op: string, o: Options): LsEntry | undefined {
  const abs = t.abs(op);
  const denied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
  const lst = denied ? undefined : t.fs.lstat(abs);
  if (!lst) {
    notFound(t, op, denied ?? 'ENOENT');
    return undefined;
  }
  const st = t.fs.stat(abs);
  const toDir = st?.type === 'dir' && (o.followArgs || op.endsWith('/'));
  const followed = lst.type === 'symlink' && st && (o.follow || toDir);
  const shown = followed ? st : lst;
  return { name: op, path: abs, lst, st, shown, nlink: linkCount(t, abs, shown) };
}

/** Directories count `.`, their entry in the parent and each subdirectory's `..`. */
function linkCount(t: Tool, abs: string, st: FileStat): number {
  if (st.type !== 'dir') return 1;
  let n = 2;
  try {
    for (const name of t.fs.readdir(abs)) if (t.fs.lstat(joinPath(abs, name))?.type === 'dir') n++;
  } catch {
    // unreadable: the kernel would still know, but 2 is what an empty one shows
  }
  return n;
}

function sortEntries(entries: LsEntry[], o: Options): LsEntry[] {
  if (o.sort === 'none') return entries;
  const byName = (a: LsEntry, b: LsEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const cmp = (a: LsEntry, b: LsEntry): number => {
    if (o.sort === 'time' && a.shown.mtime !== b.shown.mtime) return b.shown.mtime - a.shown.mtime;
    if (o.sort === 'size') {
      const d = apparentSize(b.shown) - apparentSize(a.shown);
      if (d !== 0) return d;
    }
    return byName(a, b);
  };
  const sorted = [...entries].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}

function dirEntries(t: Tool, abs: string, o: Options): LsEntry[] {
  const names = t.fs.readdir(abs).filter((n) => o.all || o.almost || !n.startsWith('.'));
  if (o.all) names.unshift('.', '..');
  return names.map((name) => {
    const path =
      name === '.' ? abs : name === '..' ? abs.replace(/\/[^/]*$/, '') || '/' : joinPath(abs, name);
    const lst = t.fs.lstat(path)!;
    const st = t.fs.stat(path);
    const shown = o.follow && st ? st : lst;
    return { name, path, lst, st, shown, nlink: linkCount(t, path, shown) };
  });
}

function listDir(
  t: Tool,
  abs: string,
  shownAs: string,
  style: LsStyle,
  o: Options,
  header: boolean,
  blocks: string[],
  operand: boolean,
): void {
  const st = t.fs.stat(abs);
  if (st && !permits(st, t.ctx.uid, t.ctx.gid, 'r')) {
    if (t.gnu) t.fail(`cannot open directory '${shownAs}': ${strerror('EACCES')}`, operand ? 2 : 1);
    else t.fail(`can't open '${shownAs}': ${strerror('EACCES')}`);
    return;
  }
  const entries = sortEntries(dirEntries(t, abs, o), o);
  let text = header ? `${shownAs}:\n` : '';
  if (style.long) {
    const total = entries.reduce((sum, e) => sum + kilobytes(e.lst), 0);
    const human = style.gnu ? gnuHuman(total * 1024) : busyboxHuman(total * 1024, false);
    text += `total ${style.human && total > 0 ? human : total}\n`;
  }
  blocks.push(text + lines(entries, style));
  if (!o.recursive) return;
  for (const e of entries) {
    if (e.name === '.' || e.name === '..' || e.lst.type !== 'dir') continue;
    listDir(t, e.path, joinPath(shownAs, e.name), style, o, true, blocks, false);
  }
}
