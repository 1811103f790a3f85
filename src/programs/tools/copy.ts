import type { FileStat } from '../../fs/view.js';
import { checkAccess, checkDirWrite } from './access.js';
import { attempt, dirName, type Errno, joinPath, strerror, type Tool } from './common.js';
import { newMode } from './modes.js';

export interface CopyOptions {
  recursive: boolean;
  /** Follow symlinks: always (-L), only operands (-H), never (-P, implied by -r and -a). */
  deref: 'all' | 'args' | 'none';
  preserve: boolean;
  noClobber: boolean;
  verbose: boolean;
}

const cannot = (t: Tool): string => (t.gnu ? 'cannot' : "can't");

/** Applies -p / -a: mode, owner (root only, as chown needs privilege) and mtime. */
function preserveStat(t: Tool, dst: string, st: FileStat): void {
  t.fs.chmod(dst, st.mode & 0o7777);
  if (t.root) t.fs.chown(dst, st.uid, st.gid);
  t.fs.utimes(dst, st.mtime);
}

function copyFile(
  t: Tool,
  src: string,
  dst: string,
  st: FileStat,
  shown: [string, string],
  o: CopyOptions,
): Errno | undefined {
  const denied = checkAccess(t, src, 'r');
  if (denied) return denied;
  const existing = t.fs.stat(dst);
  if (existing?.type === 'dir') {
    t.fail(`${cannot(t)} overwrite directory '${shown[1]}' with non-directory`);
    return undefined;
  }
  if (existing && o.noClobber) return undefined;
  if (existing && t.fs.realpath(dst) === t.fs.realpath(src)) {
    t.fail(`'${shown[0]}' and '${shown[1]}' are the same file`);
    return undefined;
  }
  const noAccess = existing ? checkAccess(t, dst, 'w') : checkDirWrite(t, dirName(dst));
  if (noAccess) {
    t.fail(`${cannot(t)} create regular file '${shown[1]}': ${strerror(noAccess)}`);
    return undefined;
  }
  const errno = attempt(() => {
    const data = t.fs.readFile(src);
    if (existing) t.fs.writeFile(dst, data);
    else t.fs.writeFile(dst, data, { mode: newMode(st.mode & 0o7777), uid: t.ctx.uid, gid: t.ctx.gid });
    if (o.preserve) preserveStat(t, dst, st);
  });
  if (errno) t.fail(`${cannot(t)} create regular file '${shown[1]}': ${strerror(errno)}`);
  return undefined;
}

/**
 * Copies `src` to `dst` (the final name, not the directory it goes into). Errors are printed
 * here; the return value says whether it went well.
 */
export function copyEntry(
  t: Tool,
  src: string,
  dst: string,
  shown: [string, string],
  o: CopyOptions,
  top: boolean,
): boolean {
  const before = t.status;
  const follow = o.deref === 'all' || (top && o.deref === 'args');
  const st = follow ? t.fs.stat(src) : t.fs.lstat(src);
  if (!st) {
    t.fail(`${cannot(t)} stat '${shown[0]}': ${strerror(checkAccess(t, src, 'r') ?? 'ENOENT')}`);
    return false;
  }
  if (st.type === 'dir') return copyDir(t, src, dst, st, shown, o);
  if (st.type === 'symlink') {
    const existing = t.fs.lstat(dst);
    if (existing?.type === 'dir') t.fail(`${cannot(t)} overwrite directory '${shown[1]}' with non-directory`);
    else {
      const errno = attempt(() => {
        if (existing) t.fs.remove(dst);
        t.fs.symlink(st.target ?? t.fs.readlink(src), dst);
      });
      if (errno) t.fail(`${cannot(t)} create symbolic link '${shown[1]}': ${strerror(errno)}`);
    }
  } else {
    const errno = copyFile(t, src, dst, st, shown, o);
    if (errno)
      t.fail(
        t.gnu
          ? `cannot open '${shown[0]}' for reading: ${strerror(errno)}`
          : `can't open '${shown[0]}': ${strerror(errno)}`,
      );
  }
  if (o.verbose && t.status === before) t.out(`'${shown[0]}' -> '${shown[1]}'\n`);
  return t.status === before;
}

function copyDir(
  t: Tool,
  src: string,
  dst: string,
  st: FileStat,
  shown: [string, string],
  o: CopyOptions,
): boolean {
  if (!o.recursive) {
    t.fail(t.gnu ? `-r not specified; omitting directory '${shown[0]}'` : `omitting directory '${shown[0]}'`);
    return false;
  }
  if (dst === src || dst.startsWith(`${src}/`)) {
    if (t.gnu) t.fail(`cannot copy a directory, '${shown[0]}', into itself, '${shown[1]}'`);
    else t.fail(`recursion detected, omitting directory '${shown[0]}'`);
    return false;
  }
  const existing = t.fs.stat(dst);
  if (existing && existing.type !== 'dir') {
    t.fail(`${cannot(t)} overwrite non-directory '${shown[1]}' with directory '${shown[0]}'`);
    return false;
  }
  if (!existing) {
    const errno =
      checkDirWrite(t, dirName(dst)) ??
      attempt(() => {
        t.fs.mkdir(dst, { mode: newMode(st.mode & 0o7777) | 0o700 });
        if (!t.root) t.fs.chown(dst, t.ctx.uid, t.ctx.gid);
      });
    if (errno) {
      t.fail(`${cannot(t)} create directory '${shown[1]}': ${strerror(errno)}`);
      return false;
    }
  }
  if (o.verbose) t.out(`'${shown[0]}' -> '${shown[1]}'\n`);
  let ok = true;
  for (const name of t.fs.readdir(src)) {
    const childShown: [string, string] = [joinPath(shown[0], name), joinPath(shown[1], name)];
    if (!copyEntry(t, joinPath(src, name), joinPath(dst, name), childShown, o, false)) ok = false;
  }
  const mode = o.preserve ? st.mode & 0o7777 : newMode(st.mode & 0o7777);
  const errno = attempt(() => {
    t.fs.chmod(dst, existing && !o.preserve ? existing.mode & 0o7777 : mode);
    if (o.preserve) preserveStat(t, dst, st);
  });
  return ok && !errno;
}
