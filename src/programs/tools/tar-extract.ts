import type { TarEntry } from '../../fs/tar.js';
import { FsError } from '../../fs/view.js';
import { checkDirWrite } from './access.js';
import { attempt, dirName, type Errno, joinPath, strerror, type Tool } from './common.js';
import type { TarOptions } from './tar.js';

/** Creates the directories above `abs` that are missing (tar does, with mode 755). */
function ensureParents(t: Tool, abs: string): Errno | undefined {
  const parent = dirName(abs);
  if (t.fs.stat(parent)?.type === 'dir') return undefined;
  const up = ensureParents(t, parent);
  if (up) return up;
  return (
    checkDirWrite(t, dirName(parent)) ??
    attempt(() => {
      t.fs.mkdir(parent, { mode: 0o755 });
      if (!t.root) t.fs.chown(parent, t.ctx.uid, t.ctx.gid);
    })
  );
}

/**
 * Writes archive members under -C (or the working directory). Root keeps the archive's
 * owners, as GNU tar and BusyBox do for the superuser; others own what they extract.
 */
export function extractEntries(t: Tool, entries: TarEntry[], o: TarOptions): void {
  const base = o.dir ? t.abs(o.dir) : t.ctx.cwd;
  const dirs: [string, TarEntry][] = [];
  for (const e of entries) {
    const parts = e.path.split('/').filter(Boolean);
    if (parts.length <= o.strip) continue;
    const rel = parts.slice(o.strip).join('/');
    if (o.toStdout) {
      if (e.type === 'file') t.out(Buffer.from(e.content ?? []).toString('utf8'));
      continue;
    }
    if (o.verbose) t.out(`${e.path}${e.type === 'dir' ? '/' : ''}\n`);
    const abs = joinPath(base, rel);
    const fail = (errno: Errno): void => {
      t.fail(
        t.gnu ? `${rel}: Cannot open: ${strerror(errno)}` : `can't create '${rel}': ${strerror(errno)}`,
        2,
      );
    };
    const parentErr = ensureParents(t, abs);
    if (parentErr) {
      fail(parentErr);
      continue;
    }
    const existing = t.fs.lstat(abs);
    const denied = existing ? undefined : checkDirWrite(t, dirName(abs));
    if (denied) {
      fail(denied);
      continue;
    }
    const errno = attempt(() => {
      if (e.type === 'dir') {
        if (existing && existing.type !== 'dir') t.fs.remove(abs);
        if (existing?.type !== 'dir') {
          t.fs.mkdir(abs, { mode: e.mode | 0o700 });
          if (!t.root) t.fs.chown(abs, t.ctx.uid, t.ctx.gid);
        }
        dirs.push([abs, e]);
        return;
      }
      if (existing?.type === 'dir') throw new FsError('EISDIR', abs);
      if (existing) t.fs.remove(abs);
      if (e.type === 'symlink') t.fs.symlink(e.target ?? '', abs);
      else {
        const content =
          e.type === 'hardlink'
            ? t.fs.readFile(joinPath(base, (e.target ?? '').split('/').slice(o.strip).join('/')))
            : (e.content ?? new Uint8Array());
        t.fs.writeFile(abs, content, {
          mode: e.mode,
          uid: t.root ? e.uid : t.ctx.uid,
          gid: t.root ? e.gid : t.ctx.gid,
        });
        t.fs.chmod(abs, e.mode);
        if (t.root) t.fs.chown(abs, e.uid, e.gid);
        t.fs.utimes(abs, e.mtime);
      }
    });
    if (errno) fail(errno);
  }
  // Directory times and modes last, after their contents were written into them.
  for (const [abs, e] of dirs) {
    attempt(() => {
      t.fs.chmod(abs, e.mode);
      if (t.root) t.fs.chown(abs, e.uid, e.gid);
      t.fs.utimes(abs, e.mtime);
    });
  }
}
