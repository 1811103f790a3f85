import type { FileStat } from '../../fs/view.js';
import type { Names } from './access.js';
import { padLeft, padRight } from './common.js';
import { apparentSize, busyboxHuman, gnuHuman, inodeOf, lsDate, modeString, shellQuote } from './format.js';

/** One name to show: its lstat, the stat it leads to, and the link count ls would print. */
export interface LsEntry {
  name: string;
  path: string;
  lst: FileStat;
  /** The stat through symlinks (undefined for a dangling link). */
  st: FileStat | undefined;
  /** What to describe in the long format (lst, or st with -L / followed operands). */
  shown: FileStat;
  nlink: number;
}

export interface LsStyle {
  gnu: boolean;
  long: boolean;
  human: boolean;
  classify: boolean;
  slash: boolean;
  inode: boolean;
  numeric: boolean;
  /** GNU on a terminal quotes names that need it. */
  quote: boolean;
  width: number;
  across: boolean;
  oneColumn: boolean;
  now: number;
  names: Names;
}

function indicator(st: FileStat | undefined, style: LsStyle): string {
  if (!st || !(style.classify || style.slash)) return '';
  if (st.type === 'dir') return '/';
  if (!style.classify) return '';
  if (st.type === 'symlink') return '@';
  return st.mode & 0o111 ? '*' : '';
}

/** The name as printed, with quoting and the -F/-p indicator. */
function displayName(e: LsEntry, style: LsStyle, pad: boolean): string {
  const quoted = style.quote ? shellQuote(e.name) : e.name;
  const lead = pad && quoted === e.name ? ' ' : '';
  const kind = style.long && e.shown.type === 'symlink' ? undefined : e.shown;
  return lead + quoted + indicator(kind, style);
}

/** GNU aligns names when some need quotes: the others get a leading space. */
function needsPad(entries: LsEntry[], style: LsStyle): boolean {
  return style.gnu && style.quote && entries.some((e) => shellQuote(e.name) !== e.name);
}

function sizeText(st: FileStat, style: LsStyle): string {
  const size = apparentSize(st);
  if (!style.human) return String(size);
  return style.gnu ? gnuHuman(size) : busyboxHuman(size);
}

function owner(id: number, name: string | undefined, width: number, gnu: boolean): string {
  if (!gnu) return padRight((name ?? String(id)).slice(0, 8), 8);
  return name === undefined ? padLeft(id, width) : padRight(name, width);
}

function linkTarget(e: LsEntry, style: LsStyle): string {
  if (e.shown.type !== 'symlink') return '';
  const target = e.lst.target ?? '';
  return ` -> ${style.quote ? shellQuote(target) : target}${indicator(e.st, style)}`;
}

/** `ls -l` lines: GNU sizes its columns to the widest value, BusyBox uses fixed printf widths. */
export function longLines(entries: LsEntry[], style: LsStyle): string[] {
  const users = entries.map((e) => (style.numeric ? undefined : style.names.users.get(e.shown.uid)));
  const groups = entries.map((e) => (style.numeric ? undefined : style.names.groups.get(e.shown.gid)));
  const sizes = entries.map((e) => sizeText(e.shown, style));
  const w = {
    inode: Math.max(0, ...entries.map((e) => String(inodeOf(e.path)).length)),
    nlink: Math.max(0, ...entries.map((e) => String(e.nlink).length)),
    user: Math.max(0, ...entries.map((e, i) => (users[i] ?? String(e.shown.uid)).length)),
    group: Math.max(0, ...entries.map((e, i) => (groups[i] ?? String(e.shown.gid)).length)),
    size: Math.max(0, ...sizes.map((s) => s.length)),
  };
  const pad = needsPad(entries, style);
  return entries.map((e, i) => {
    const mode = modeString(e.shown);
    const date = lsDate(e.shown.mtime, style.now, style.gnu);
    const name = displayName(e, style, pad) + linkTarget(e, style);
    if (style.gnu) {
      const inode = style.inode ? `${padLeft(inodeOf(e.path), w.inode)} ` : '';
      const who = `${owner(e.shown.uid, users[i], w.user, true)} ${owner(e.shown.gid, groups[i], w.group, true)}`;
      return `${inode}${mode} ${padLeft(e.nlink, w.nlink)} ${who} ${padLeft(sizes[i]!, w.size)} ${date} ${name}`;
    }
    const inode = style.inode ? `${padLeft(inodeOf(e.path), 7)} ` : '';
    const who = `${owner(e.shown.uid, users[i], 8, false)} ${owner(e.shown.gid, groups[i], 8, false)}`;
    const size = padLeft(sizes[i]!, style.human ? 7 : 9);
    return `${inode}${padRight(mode, 10)} ${padLeft(e.nlink, 4)} ${who} ${size} ${date} ${name}`;
  });
}

/** The names alone, one per line or in columns as on a terminal. */
export function shortLines(entries: LsEntry[], style: LsStyle): string[] {
  const pad = needsPad(entries, style);
  const inode = (e: LsEntry): string =>
    style.inode ? `${padLeft(inodeOf(e.path), style.gnu ? 0 : 7)} ` : '';
  const names = entries.map((e) => inode(e) + displayName(e, style, pad));
  if (style.oneColumn || names.length === 0) return names;
  return style.gnu
    ? gnuColumns(names, style.width, style.across)
    : busyboxColumns(names, style.width, style.across);
}

/** GNU's calculate_columns: the most columns whose widths (name + 2, last without) fit. */
function gnuColumns(names: string[], width: number, across: boolean): string[] {
  const n = names.length;
  const maxCols = Math.min(Math.max(1, Math.floor(width / 3) + (width % 3 ? 1 : 0)), n);
  let best: number[] = [n > 0 ? Math.max(...names.map((s) => s.length)) : 0];
  for (let cols = 2; cols <= maxCols; cols++) {
    const widths = new Array<number>(cols).fill(3);
    names.forEach((s, i) => {
      const col = across ? i % cols : Math.floor(i / Math.floor((n + cols - 1) / cols));
      widths[col] = Math.max(widths[col]!, s.length + (col === cols - 1 ? 0 : 2));
    });
    if (widths.reduce((a, b) => a + b, 0) < width) best = widths;
  }
  const cols = best.length;
  const rows = Math.ceil(n / cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : c * rows + r;
      const name = names[i];
      if (name === undefined) break;
      const next = across ? r * cols + c + 1 : (c + 1) * rows + r;
      line += name;
      if (next >= n || (across && c === cols - 1)) break;
      line += indent(pos + name.length, pos + best[c]!);
      pos += best[c]!;
    }
    lines.push(line);
  }
  return lines;
}

/** GNU pads with tabs (tab stops every 8) where it can, then spaces. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/** BusyBox: one column width for all (longest name + 2), as many columns as fit. */
function busyboxColumns(names: string[], width: number, across: boolean): string[] {
  const colWidth = Math.max(...names.map((s) => s.length)) + 2;
  let cols = Math.floor(width / colWidth);
  const n = names.length;
  let rows = n;
  if (cols > 1) rows = Math.ceil(n / cols);
  else cols = 1;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : c * rows + r;
      if (i >= n) continue;
      if (line) line = padRight(line, c * colWidth);
      line += names[i];
    }
    lines.push(line);
  }
  return lines;
}
