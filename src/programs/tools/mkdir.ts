import type { ProgramRun } from '../types.js';
import { checkAccess, checkDirWrite } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { attempt, dirName, type Errno, strerror, type Tool } from './common.js';
import { applyMode, newMode } from './modes.js';

function missingOperand(t: Tool): ProgramRun {
  return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
}

/** Creates one directory owned by the process. */
function makeDir(t: Tool, abs: string, mode: number): Errno | undefined {
  const st = t.fs.lstat(abs);
  if (st) return 'EEXIST';
  const denied = checkDirWrite(t, dirName(abs));
  if (denied) return denied;
  return attempt(() => {
    t.fs.mkdir(abs, { mode });
    t.fs.chmod(abs, mode);
    if (!t.root) t.fs.chown(abs, t.ctx.uid, t.ctx.gid);
  });
}

/** `mkdir [-p] [-m MODE] [-v] DIRECTORY...` */
export function mkdir(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'pv',
    values: 'm',
    long: { parents: 'p', verbose: 'v', mode: 'm=' },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return missingOperand(t);
  const spec = p.value('m');
  const mode = spec === undefined ? newMode(0o777) : applyMode(spec, 0o777, true);
  if (mode === undefined) return t.fail(`invalid mode '${spec}'`).done(1);
  for (const dir of p.operands) {
    const abs = t.abs(dir);
    const fail = (errno: Errno): void => {
      t.fail(`${t.gnu ? 'cannot' : "can't"} create directory '${dir}': ${strerror(errno)}`);
    };
    if (p.has('p')) {
      const parts = abs.split('/').filter(Boolean);
      let path = '';
      let failed = false;
      for (let i = 0; i < parts.length && !failed; i++) {
        path += `/${parts[i]}`;
        const st = t.fs.stat(path);
        if (st?.type === 'dir') continue;
        if (st) {
          fail(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR');
          failed = true;
          break;
        }
        const errno = makeDir(t, path, i === parts.length - 1 ? mode : newMode(0o777) | 0o300);
        if (errno) {
          fail(errno);
          failed = true;
        } else if (p.has('v') && t.gnu) t.out(`mkdir: created directory '${path}'\n`);
      }
      continue;
    }
    const errno = makeDir(t, abs, mode);
    if (errno) fail(errno);
    else if (p.has('v') && t.gnu) t.out(`mkdir: created directory '${dir}'\n`);
  }
  return t.done();
}

/** `rmdir [-p] DIRECTORY...` */
export function rmdir(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'pv',
    long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'ignore' },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return missingOperand(t);
  for (const dir of p.operands) {
    const chain = [dir];
    if (p.has('p')) {
      for (let d = dir.replace(/\/+$/, ''); d.includes('/'); ) {
        d = d.slice(0, d.lastIndexOf('/')).replace(/\/+$/, '');
        if (d === '' || d === '.') break;
        chain.push(d);
      }
    }
    for (const path of chain) {
      const errno = removeDir(t, t.abs(path));
      if (!errno) continue;
      if (errno === 'ENOTEMPTY' && p.has('ignore')) break;
      if (t.gnu) t.fail(`failed to remove '${path}': ${strerror(errno)}`);
      else t.fail(`'${path}': ${strerror(errno)}`);
      break;
    }
  }
  return t.done();
}

function removeDir(t: Tool, abs: string): Errno | undefined {
  const st = t.fs.lstat(abs);
  if (!st) return checkAccess(t, abs, 'r') ?? 'ENOENT';
  if (st.type !== 'dir') return 'ENOTDIR';
  if (abs === '/') return 'EBUSY';
  if (t.fs.readdir(abs).length > 0) return 'ENOTEMPTY';
  const denied = checkDirWrite(t, dirName(abs));
  if (denied) return denied;
  return attempt(() => t.fs.remove(abs));
}

/** Parses `touch -t [[CC]YY]MMDDhhmm[.ss]` (UTC). */
function touchStamp(stamp: string, now: Date): number | undefined {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return undefined;
  let year = m[1] ? Number(m[1]) : now.getUTCFullYear();
  if (m[1]?.length === 2) year += year < 69 ? 2000 : 1900;
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Math.floor(ms / 1000);
}

function touchTime(
  t: Tool,
  date: string | undefined,
  stamp: string | undefined,
  ref: string | undefined,
): number | undefined {
  if (ref !== undefined) return t.fs.stat(t.abs(ref))?.mtime;
  if (stamp !== undefined) return touchStamp(stamp, new Date(t.ctx.sys.now()));
  if (date === undefined) return t.nowSeconds();
  if (/^@\d+$/.test(date)) return Number(date.slice(1));
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(date) ? date : `${date.replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
}

/** `touch [-c] [-d DATE] [-t STAMP] [-r FILE] FILE...` */
export function touch(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'cham',
    values: 'dtr',
    long: { 'no-create': 'c', date: 'd=', reference: 'r=', 'no-dereference': 'h' },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return t.gnu ? tryHelp(t, 'missing file operand') : showUsage(t);
  const when = touchTime(t, p.value('d'), p.value('t'), p.value('r'));
  if (when === undefined) {
    if (p.has('r'))
      return t.fail(`failed to get attributes of '${p.value('r')}': ${strerror('ENOENT')}`).done(1);
    return t.fail(`invalid date format '${p.value('d') ?? p.value('t')}'`).done(1);
  }
  for (const file of p.operands) {
    const abs = t.abs(file);
    const st = t.fs.stat(abs);
    let errno: Errno | undefined;
    if (st) {
      errno = t.root || st.uid === t.ctx.uid ? undefined : checkAccess(t, abs, 'w');
      errno ??= attempt(() => t.fs.utimes(abs, when));
    } else if (!p.has('c')) {
      errno = checkDirWrite(t, dirName(abs));
      errno ??= attempt(() => {
        t.fs.writeFile(abs, '', { mode: newMode(0o666), uid: t.ctx.uid, gid: t.ctx.gid });
        t.fs.utimes(abs, when);
      });
    }
    if (!errno) continue;
    if (t.gnu) t.fail(`cannot touch '${file}': ${strerror(errno)}`);
    else t.fail(`${file}: ${strerror(errno)}`);
  }
  return t.done();
}
