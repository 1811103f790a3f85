import { readTar, type TarEntry, TarFormatError, writeTar } from '../../fs/tar.js';
import type { ProgramRun } from '../types.js';
import { readChecked, writeChecked } from './access.js';
import { gnuInfo, showUsage, tryHelp } from './args.js';
import { absPath, joinPath, strerror, type Tool } from './common.js';
import { isoDateTime, modeString } from './format.js';
import { extractEntries } from './tar-extract.js';

export interface TarOptions {
  mode?: 'c' | 'x' | 't';
  file?: string;
  dir?: string;
  verbose: boolean;
  toStdout: boolean;
  deref: boolean;
  strip: number;
  excludes: string[];
  compress?: string;
  operands: string[];
}

const VALUE_OPTS = 'fCT';

/** Reads tar's three argument styles: `tar cvf a.tar d`, `tar -cvf a.tar d`, `tar --create --file=a.tar d`. */
function parseTarArgs(args: string[]): TarOptions | string {
  const o: TarOptions = {
    verbose: false,
    toStdout: false,
    deref: false,
    strip: 0,
    excludes: [],
    operands: [],
  };
  const list = [...args];
  if (list[0] && !list[0].startsWith('-')) list[0] = `-${list[0]}`;
  const flag = (c: string, value: () => string | undefined): string | undefined => {
    if ('cxt'.includes(c)) {
      if (o.mode && o.mode !== c)
        return "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option";
      o.mode = c as TarOptions['mode'];
    } else if (c === 'v') o.verbose = true;
    else if (c === 'O') o.toStdout = true;
    else if (c === 'h') o.deref = true;
    else if ('zjJZ'.includes(c)) o.compress = c;
    else if (c === 'f') o.file = value();
    else if (c === 'C') o.dir = value();
    else if (!'pomP'.includes(c)) return `invalid option -- '${c}'`;
    return undefined;
  };
  const LONG: Record<string, string> = {
    create: 'c',
    extract: 'x',
    get: 'x',
    list: 't',
    verbose: 'v',
    file: 'f',
    directory: 'C',
    gzip: 'z',
    gunzip: 'z',
    bzip2: 'j',
    xz: 'J',
    'to-stdout': 'O',
    dereference: 'h',
  };
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a === '--') {
      o.operands.push(...list.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (name === 'exclude') o.excludes.push(inline ?? list[++i] ?? '');
      else if (name === 'strip-components') o.strip = Number(inline ?? list[++i]);
      else if (LONG[name] === undefined) return `unrecognized option '${a}'`;
      else {
        const err = flag(LONG[name]!, () => inline ?? list[++i]);
        if (err) return err;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const takes = VALUE_OPTS.includes(c);
        const err = flag(c, () => {
          const rest = a.slice(j + 1);
          j = a.length;
          return rest || list[++i];
        });
        if (err) return err;
        if (takes) break;
      }
      continue;
    }
    o.operands.push(a);
  }
  return o;
}

function fatal(t: Tool, message: string): ProgramRun {
  t.fail(message, 2);
  if (t.gnu) t.fail('Error is not recoverable: exiting now', 2);
  return t.done(t.gnu ? 2 : 1);
}

/** `tar -c|-x|-t [-v] [-f ARCHIVE] [-C DIR] [FILE]...` (no compression: it is refused). */
export function tar(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  const o = parseTarArgs(t.args);
  if (typeof o === 'string') return t.gnu ? tryHelp(t, o, 2) : showUsage(t.fail(o));
  if (!o.mode)
    return t.gnu
      ? tryHelp(t, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options", 2)
      : showUsage(t);
  if (o.compress) {
    const kind = { z: 'gzip', j: 'bzip2', J: 'xz', Z: 'compress' }[o.compress];
    return t
      .fail(`${kind} compression (-${o.compress}) is not simulated in dockersim: use a plain .tar archive`, 2)
      .done(t.gnu ? 2 : 1);
  }
  const archive = o.file ?? '-';
  if (o.mode === 'c') return create(t, o, archive);
  let data: Buffer;
  if (archive === '-') data = Buffer.from(t.ctx.stdin ?? '', 'latin1');
  else {
    const read = readChecked(t, t.abs(archive));
    if (typeof read === 'string')
      return fatal(
        t,
        t.gnu ? `${archive}: Cannot open: ${strerror(read)}` : `can't open '${archive}': ${strerror(read)}`,
      );
    data = read;
  }
  let entries: TarEntry[];
  try {
    // A real archive is at least one 512-byte header; anything shorter is not one.
    if (data.length > 0 && data.length < 512) throw new TarFormatError('short archive');
    entries = data.length === 0 ? [] : readTar(data);
  } catch (e) {
    if (!(e instanceof TarFormatError)) throw e;
    if (!t.gnu) return t.fail('invalid tar magic').done(1);
    t.fail('This does not look like a tar archive', 2);
    return t.fail('Exiting with failure status due to previous errors', 2).done(2);
  }
  const wanted = (path: string): boolean =>
    o.operands.length === 0 ||
    o.operands.some((op) => path === op.replace(/\/+$/, '') || path.startsWith(`${op.replace(/\/+$/, '')}/`));
  entries = entries.filter((e) => wanted(e.path));
  if (o.mode === 't') {
    for (const e of entries)
      t.out(o.verbose ? `${listLine(t, e)}\n` : `${e.path}${e.type === 'dir' ? '/' : ''}\n`);
  } else extractEntries(t, entries, o);
  for (const op of o.operands) {
    if (!entries.some((e) => e.path === op.replace(/\/+$/, '') || e.path.startsWith(`${op}/`)))
      t.fail(`${op}: Not found in archive`, 2);
  }
  if (t.status && t.gnu) t.fail('Exiting with failure status due to previous errors', 2);
  return t.done(t.status ? (t.gnu ? 2 : 1) : 0);
}

/** `tar -tv` lines: GNU widens owner/size to 19 columns, BusyBox prints `%9u` and seconds. */
function listLine(t: Tool, e: TarEntry): string {
  const type = e.type === 'hardlink' ? 'h' : e.type === 'symlink' ? 'l' : e.type === 'dir' ? 'd' : '-';
  const modes = type + modeString({ type: 'file', mode: e.mode }).slice(1);
  const size = String(e.type === 'file' ? (e.content?.length ?? 0) : 0);
  const name = `${e.path}${e.type === 'dir' ? '/' : ''}`;
  const link = e.type === 'symlink' ? ` -> ${e.target}` : e.type === 'hardlink' ? ` link to ${e.target}` : '';
  const who = `${e.uid}/${e.gid}`;
  if (!t.gnu) return `${modes} ${who} ${size.padStart(9)} ${isoDateTime(e.mtime)} ${name}${link}`;
  const pad = who.length + 1 + size.length;
  return `${modes} ${who} ${size.padStart(Math.max(19, pad) - pad + size.length)} ${isoDateTime(e.mtime).slice(0, 16)} ${name}${link}`;
}

function create(t: Tool, o: TarOptions, archive: string): ProgramRun {
  if (o.operands.length === 0) {
    if (t.gnu) return tryHelp(t, 'Cowardly refusing to create an empty archive', 2);
    return t.fail('empty archive').done(1);
  }
  if (archive === '-' && t.ctx.tty)
    return fatal(t, 'Refusing to write archive contents to terminal (missing -f option?)');
  const base = o.dir ? t.abs(o.dir) : t.ctx.cwd;
  const entries: TarEntry[] = [];
  const say = (line: string): void => {
    if (archive === '-') t.err(line);
    else t.out(line);
  };
  let warnedSlash = false;
  const add = (abs: string, name: string): void => {
    if (o.excludes.some((x) => name === x || name.endsWith(`/${x}`))) return;
    const st = o.deref ? t.fs.stat(abs) : t.fs.lstat(abs);
    if (!st) {
      t.fail(t.gnu ? `${name}: Cannot stat: ${strerror('ENOENT')}` : `${name}: ${strerror('ENOENT')}`, 2);
      return;
    }
    const path = name.replace(/^\/+/, '').replace(/\/+$/, '');
    if (name.startsWith('/') && !warnedSlash && t.gnu) {
      warnedSlash = true;
      t.fail("Removing leading '/' from member names", 0);
    }
    const meta = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (path === '' || path === '.') {
      if (st.type === 'dir') entries.push({ path: '.', type: 'dir', ...meta });
    } else if (st.type === 'dir') entries.push({ path, type: 'dir', ...meta });
    else if (st.type === 'symlink') entries.push({ path, type: 'symlink', ...meta, target: st.target ?? '' });
    else {
      const data = readChecked(t, abs);
      if (typeof data === 'string') {
        t.fail(
          t.gnu ? `${name}: Cannot open: ${strerror(data)}` : `can't open '${name}': ${strerror(data)}`,
          2,
        );
        return;
      }
      entries.push({ path, type: 'file', ...meta, content: data });
    }
    if (o.verbose) say(`${name}${st.type === 'dir' && !name.endsWith('/') ? '/' : ''}\n`);
    if (st.type === 'dir')
      for (const child of t.fs.readdir(abs)) add(joinPath(abs, child), joinPath(name, child));
  };
  for (const op of o.operands) add(absPath(base, op), op);
  const bytes = writeTar(entries);
  if (archive === '-') t.out(bytes.toString('latin1'));
  else {
    const errno = writeChecked(t, t.abs(archive), bytes);
    if (errno)
      return fatal(
        t,
        t.gnu ? `${archive}: Cannot open: ${strerror(errno)}` : `can't open '${archive}': ${strerror(errno)}`,
      );
  }
  if (t.status && t.gnu) t.fail('Exiting with failure status due to previous errors', 2);
  return t.done(t.status ? (t.gnu ? 2 : 1) : 0);
}
