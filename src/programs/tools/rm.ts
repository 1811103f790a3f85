import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, permits } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { attempt, dirName, type Errno, joinPath, strerror, type Tool } from './common.js';

interface RmOptions {
  recursive: boolean;
  force: boolean;
  dir: boolean;
  verbose: boolean;
}

/**
 * Whether the process may unlink an entry of `dir`: write and search permission on the
 * directory, and in a sticky directory (`/tmp`) ownership of the entry or the directory.
 */
export function mayUnlink(t: Tool, dir: string, entry: FileStat): Errno | undefined {
  if (t.root) return undefined;
  const st = t.fs.stat(dir);
  if (!st) return 'ENOENT';
  const { uid, gid } = t.ctx;
  if (!permits(st, uid, gid, 'w') || !permits(st, uid, gid, 'x')) return 'EACCES';
  if (st.mode & 0o1000 && entry.uid !== uid && st.uid !== uid) return 'EPERM';
  return undefined;
}

/** `rm [-rRfdv] FILE...` with GNU's guard for `/` and both flavours' words. */
export function rm(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'rRfidvI',
    long: {
      recursive: 'r',
      force: 'f',
      dir: 'd',
      verbose: 'v',
      interactive: 'interactive?',
      'no-preserve-root': 'no-preserve-root',
      'preserve-root': 'preserve-root?',
      'one-file-system': 'one-file-system',
    },
  });
  if (!isParsed(p)) return p;
  const o: RmOptions = {
    recursive: p.has('r') || p.has('R'),
    force: p.has('f'),
    dir: p.has('d'),
    verbose: p.has('v'),
  };
  if (p.operands.length === 0) {
    if (o.force) return t.done(0);
    return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  }
  for (const operand of p.operands) {
    const abs = t.abs(operand);
    if (/(^|\/)\.\.?\/*$/.test(operand)) {
      if (t.gnu) t.fail(`refusing to remove '.' or '..' directory: skipping '${operand}'`);
      else t.fail("can't remove '.' or '..'");
      continue;
    }
    if (abs === '/' && o.recursive && t.gnu && !p.has('no-preserve-root')) {
      t.fail("it is dangerous to operate recursively on '/'");
      t.fail('use --no-preserve-root to override this failsafe');
      continue;
    }
    removeOne(t, abs, operand, o);
  }
  return t.done();
}

function cannot(t: Tool, shown: string, errno: Errno): void {
  t.fail(`${t.gnu ? 'cannot' : "can't"} remove '${shown}': ${strerror(errno)}`);
}

function removeOne(t: Tool, abs: string, shown: string, o: RmOptions): boolean {
  const parentDenied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
  const st = parentDenied ? undefined : t.fs.lstat(abs);
  if (!st) {
    if (!(o.force && (parentDenied ?? 'ENOENT') === 'ENOENT')) cannot(t, shown, parentDenied ?? 'ENOENT');
    return false;
  }
  if (st.type === 'dir') {
    if (!o.recursive && !o.dir) {
      if (t.gnu) cannot(t, shown, 'EISDIR');
      else t.fail(`'${shown}' is a directory`);
      return false;
    }
    if (!o.recursive && t.fs.readdir(abs).length > 0) {
      cannot(t, shown, 'ENOTEMPTY');
      return false;
    }
    const direct = t.root && !o.verbose && abs !== '/';
    if (!direct && !removeChildren(t, abs, shown, o)) return false;
    if (abs === '/') {
      cannot(t, shown, 'EBUSY');
      return false;
    }
  }
  const errno =
    mayUnlink(t, dirName(abs), st) ?? attempt(() => t.fs.remove(abs, { recursive: st.type === 'dir' }));
  if (errno) {
    cannot(t, shown, errno);
    return false;
  }
  if (o.verbose) t.out(st.type === 'dir' ? `removed directory '${shown}'\n` : `removed '${shown}'\n`);
  return true;
}

/** Empties a directory depth first, as unlinkat(2) calls would, so permissions are met on the way. */
function removeChildren(t: Tool, abs: string, shown: string, o: RmOptions): boolean {
  let names: string[];
  const st = t.fs.stat(abs)!;
  if (!t.root && !permits(st, t.ctx.uid, t.ctx.gid, 'r')) {
    cannot(t, shown, 'EACCES');
    return false;
  }
  try {
    names = t.fs.readdir(abs);
  } catch {
    return false;
  }
  let ok = true;
  for (const name of names) {
    const shownChild = shown === '/' ? `/${name}` : joinPath(shown, name);
    if (!removeOne(t, joinPath(abs, name), shownChild, o)) ok = false;
  }
  return ok;
}
