import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, namesOf } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { joinPath, strerror, type Tool } from './common.js';
import { apparentSize, inodeOf, isoDateTime, kilobytes, modeString } from './format.js';
import { unescapeText } from './printf-format.js';

/** The made-up device of the container's overlay root: 0:52. */
const DEVICE = 52;

const GNU_FORMAT = `  File: %N
  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F
Device: %Hd,%Ld\tInode: %-10i  Links: %h
Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)
Access: %x
Modify: %y
Change: %z
 Birth: %w`;

const BUSYBOX_FORMAT = `  File: %N
  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F
Device: %Dh/%dd\tInode: %-10i  Links: %h
Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)
Access: %x
Modify: %y
Change: %z`;

interface Target {
  name: string;
  abs: string;
  st: FileStat;
  nlink: number;
}

function fileType(st: FileStat): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function directive(t: Tool, c: string, f: Target, quoteNames: boolean): string {
  const { st } = f;
  const names = namesOf(t.fs);
  const time = `${isoDateTime(st.mtime)}.000000000 +0000`;
  switch (c) {
    case 'n':
      return f.name;
    case 'N': {
      if (!t.gnu) return st.type === 'symlink' ? `'${f.name}' -> '${st.target ?? ''}'` : f.name;
      const q = (text: string): string => (quoteNames ? `'${text.replaceAll("'", "'\\''")}'` : text);
      return st.type === 'symlink' ? `${q(f.name)} -> ${q(st.target ?? '')}` : q(f.name);
    }
    case 's':
      return String(apparentSize(st));
    case 'b':
      return String(kilobytes(st) * 2);
    case 'B':
      return '512';
    case 'o':
      return '4096';
    case 'a':
      return (st.mode & 0o7777).toString(8);
    case 'A':
      return modeString(st);
    case 'f':
      return (
        (st.type === 'dir' ? 0o040000 : st.type === 'symlink' ? 0o120000 : 0o100000) |
        (st.mode & 0o7777)
      ).toString(16);
    case 'F':
      return fileType(st);
    case 'u':
      return String(st.uid);
    case 'U':
      return names.users.get(st.uid) ?? 'UNKNOWN';
    case 'g':
      return String(st.gid);
    case 'G':
      return names.groups.get(st.gid) ?? 'UNKNOWN';
    case 'h':
      return String(f.nlink);
    case 'i':
      return String(inodeOf(f.abs));
    case 'd':
      return String(DEVICE);
    case 'D':
      return DEVICE.toString(16);
    case 'H':
      return '0';
    case 'L':
      return String(DEVICE);
    case 'm':
      return '/';
    case 't':
    case 'T':
      return '0';
    case 'x':
    case 'y':
    case 'z':
      return time;
    case 'X':
    case 'Y':
    case 'Z':
      return String(st.mtime);
    case 'w':
      return '-';
    case 'W':
      return '0';
    default:
      return `?`;
  }
}

/** Expands a stat format (`%n`, `%-10s`, `%04a`, `%Hd`...) for one file. */
function render(t: Tool, format: string, f: Target, quoteNames: boolean): string {
  return format.replace(
    /%([-#0 +]*)(\d*)(?:\.(\d+))?([HL]?[a-zA-Z%])/g,
    (_m, flags: string, width: string, prec: string | undefined, c: string) => {
      if (c === '%') return '%';
      let v = directive(t, c.length === 2 ? c[0]! : c, f, quoteNames);
      if (c === 'a' && flags.includes('#')) v = `0${v}`;
      if (prec !== undefined) v = v.slice(0, Number(prec));
      const w = Number(width || 0);
      if (flags.includes('-')) return v.padEnd(w);
      return v.padStart(w, flags.includes('0') && /^\d+$/.test(v) ? '0' : ' ');
    },
  );
}

/** `stat [-L] [-t] [-c FORMAT | --printf FORMAT] FILE...` */
export function stat(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'Ltf',
    values: 'c',
    long: { dereference: 'L', terse: 't', format: 'c=', printf: 'printf=', 'file-system': 'f' },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  const custom = p.value('printf') ?? p.value('c');
  const terse = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o';
  for (const name of p.operands) {
    const abs = t.abs(name);
    const denied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
    const st = denied ? undefined : p.has('L') ? t.fs.stat(abs) : t.fs.lstat(abs);
    if (!st) {
      const errno = denied ?? 'ENOENT';
      t.fail(
        t.gnu ? `cannot statx '${name}': ${strerror(errno)}` : `can't stat '${name}': ${strerror(errno)}`,
      );
      continue;
    }
    let nlink = 1;
    if (st.type === 'dir')
      nlink = 2 + t.fs.readdir(abs).filter((n) => t.fs.lstat(joinPath(abs, n))?.type === 'dir').length;
    const target: Target = { name, abs, st, nlink };
    if (p.has('printf')) t.out(render(t, unescapeText(custom!, false).text, target, true));
    else if (custom !== undefined) t.out(`${render(t, custom, target, t.gnu)}\n`);
    else if (p.has('t')) t.out(`${render(t, terse, target, false)}\n`);
    else t.out(`${render(t, t.gnu ? GNU_FORMAT : BUSYBOX_FORMAT, target, false)}\n`);
  }
  return t.done();
}
