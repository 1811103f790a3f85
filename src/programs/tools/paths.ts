import type { FsView } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { permits } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { baseName, dirName, type Errno, joinPath, strerror, type Tool } from './common.js';

/**
 * Resolves symlinks, `.` and `..` the way canonicalize_filename_mode does: `existing` needs
 * every component, `all-but-last` lets the last one be missing (realpath's default,
 * readlink -f), `missing` needs none (readlink -m).
 */
export function canonicalize(
  fs: FsView,
  abs: string,
  mode: 'existing' | 'all-but-last' | 'missing',
): string | Errno {
  const queue = abs.split('/').filter(Boolean);
  let resolved = '';
  let links = 0;
  while (queue.length) {
    const part = queue.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      resolved = resolved.slice(0, resolved.lastIndexOf('/'));
      continue;
    }
    const next = `${resolved}/${part}`;
    const st = fs.lstat(next);
    if (!st) {
      if (mode === 'missing' || (mode === 'all-but-last' && queue.length === 0)) {
        resolved = next;
        continue;
      }
      return 'ENOENT';
    }
    if (st.type === 'symlink') {
      if (++links > 40) return 'ELOOP';
      const target = st.target ?? fs.readlink(next);
      if (target.startsWith('/')) resolved = '';
      queue.unshift(...target.split('/').filter(Boolean));
      continue;
    }
    if (queue.length && st.type !== 'dir' && mode !== 'missing') return 'ENOTDIR';
    resolved = next;
  }
  return resolved || '/';
}

/** `basename NAME [SUFFIX]`, `basename -a NAME...`, `basename -s SUFFIX NAME...` */
export function basename(t: Tool): ProgramRun {
  const p = parseOrFail(t, { flags: 'az', values: 's', long: { multiple: 'a', suffix: 's=', zero: 'z' } });
  if (!isParsed(p)) return p;
  const ops = p.operands;
  if (ops.length === 0) return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  const multiple = p.has('a') || p.has('s');
  if (!multiple && ops.length > 2) return t.gnu ? tryHelp(t, `extra operand '${ops[2]}'`) : showUsage(t);
  const suffix = p.value('s') ?? (multiple ? undefined : ops[1]);
  const names = multiple ? ops : [ops[0]!];
  const end = p.has('z') ? '\0' : '\n';
  for (const name of names) {
    let base = baseName(name);
    if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
    t.out(base + end);
  }
  return t.done(0);
}

/** `dirname NAME...` (BusyBox takes exactly one). */
export function dirname(t: Tool): ProgramRun {
  const p = parseOrFail(t, { flags: 'z', long: { zero: 'z' } });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0 || (!t.gnu && p.operands.length > 1)) {
    return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  }
  for (const name of p.operands) t.out(dirName(name) + (p.has('z') ? '\0' : '\n'));
  return t.done(0);
}

/** `pwd [-LP]`: physical by default (coreutils and BusyBox both), -L trusts a valid $PWD. */
export function pwd(t: Tool): ProgramRun {
  const p = parseOrFail(t, { flags: 'LP', long: { logical: 'L', physical: 'P' } });
  if (!isParsed(p)) return p;
  const physical = canonicalize(t.fs, t.ctx.cwd, 'existing');
  const cwd = typeof physical === 'string' && physical.startsWith('/') ? physical : t.ctx.cwd;
  const logical = t.ctx.env.PWD;
  const useLogical =
    p.order.lastIndexOf('L') > p.order.lastIndexOf('P') &&
    logical?.startsWith('/') &&
    !/(^|\/)\.\.?(\/|$)/.test(logical) &&
    canonicalize(t.fs, logical, 'existing') === cwd;
  return t.out(`${useLogical ? logical : cwd}\n`).done(0);
}

/** `readlink [-fem] [-nvz] FILE...`: a symlink's text, or a canonical name with -f/-e/-m. */
export function readlink(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'femnqsvz',
    long: {
      canonicalize: 'f',
      'canonicalize-existing': 'e',
      'canonicalize-missing': 'm',
      'no-newline': 'n',
      verbose: 'v',
      zero: 'z',
      quiet: 'q',
      silent: 's',
    },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  const mode = p.has('e') ? 'existing' : p.has('m') ? 'missing' : p.has('f') ? 'all-but-last' : undefined;
  const end = p.has('n') ? '' : p.has('z') ? '\0' : '\n';
  for (const file of p.operands) {
    const abs = t.abs(file);
    if (mode) {
      const r = canonicalize(t.fs, abs, mode);
      if (r.startsWith('/')) t.out(r + end);
      else {
        t.status = 1;
        if (p.has('v')) t.fail(`${file}: ${strerror(r as Errno)}`);
      }
      continue;
    }
    const st = t.fs.lstat(abs);
    if (st?.type === 'symlink') t.out((st.target ?? t.fs.readlink(abs)) + end);
    else {
      t.status = 1;
      if (p.has('v')) t.fail(`${file}: ${strerror(st ? 'EINVAL' : 'ENOENT')}`);
    }
  }
  return t.done();
}

/** `realpath [-esm] FILE...` */
export function realpath(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'emsqLPz',
    long: {
      'canonicalize-existing': 'e',
      'canonicalize-missing': 'm',
      'no-symlinks': 's',
      strip: 's',
      quiet: 'q',
      zero: 'z',
    },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  for (const file of p.operands) {
    const abs = t.abs(file);
    const r = p.has('s')
      ? abs
      : canonicalize(t.fs, abs, p.has('e') ? 'existing' : p.has('m') ? 'missing' : 'all-but-last');
    if (r.startsWith('/')) t.out(`${r}${p.has('z') ? '\0' : '\n'}`);
    else if (!p.has('q')) t.fail(`${file}: ${strerror(r as Errno)}`);
    else t.status = 1;
  }
  return t.done();
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `which [-a] COMMAND...`: silent about what it cannot find, exit 1 if anything was missing. */
export function which(t: Tool): ProgramRun {
  const p = parseOrFail(t, { flags: 'as' });
  if (!isParsed(p)) return p;
  if (p.operands.length === 0) return t.gnu ? t.done(1) : showUsage(t);
  const dirs = (t.ctx.env.PATH ?? DEFAULT_PATH).split(':').map((d) => d || '.');
  const runnable = (path: string): boolean => {
    const st = t.fs.stat(t.abs(path));
    return st !== undefined && st.type === 'file' && permits(st, t.ctx.uid, t.ctx.gid, 'x');
  };
  for (const name of p.operands) {
    const found = name.includes('/')
      ? runnable(name)
        ? [name]
        : []
      : dirs.map((d) => joinPath(d, name)).filter(runnable);
    if (found.length === 0) t.status = 1;
    for (const path of p.has('a') ? found : found.slice(0, 1)) t.out(`${path}\n`);
  }
  return t.done();
}
