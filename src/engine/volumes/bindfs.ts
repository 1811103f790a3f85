import * as nodefs from 'node:fs';
import { splitPath } from '../../fs/path.js';
import { type FileStat, FsError, type FsErrorCode, type FsView, type WriteOptions } from '../../fs/view.js';

const MAX_SYMLINKS = 40;
/** The most a simulated program may read or write in one go through a bind mount. */
const MAX_FILE = 256 * 1024 * 1024;
const KNOWN: FsErrorCode[] = ['EBUSY', 'ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOTEMPTY', 'EACCES'];
const OPEN_FLAGS = nodefs.constants.O_NOFOLLOW | nodefs.constants.O_NONBLOCK;

function fsError(e: unknown, path: string): FsError {
  if (e instanceof FsError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'EPERM') return new FsError('EACCES', path);
  const mapped = [...KNOWN, 'ELOOP', 'EROFS', 'EINVAL', 'EXDEV', 'ENOSPC', 'ENAMETOOLONG'].find(
    (c) => c === code,
  );
  return new FsError((mapped as FsErrorCode | undefined) ?? 'EINVAL', path);
}

function lstatOrNone(host: string): nodefs.Stats | undefined {
  try {
    return nodefs.lstatSync(host);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/**
 * A directory (or file) of the real host, bind-mounted into a container: the one place a
 * container reaches the real filesystem, so the one place that must keep it in. The source is
 * resolved once (realpath); every path is then walked component by component with lstat, `..`
 * never climbing above the mount's root, symlinks followed inside it (an absolute target counts
 * from the mount's root). Files are opened with O_NOFOLLOW|O_NONBLOCK and only regular files are
 * read or written, so no FIFO blocks and no device is touched; modes lose setuid and setgid.
 */
export class BindFs implements FsView {
  readonly root: string;

  constructor(
    source: string,
    private readonly readOnly = false,
  ) {
    this.root = nodefs.realpathSync(source);
  }

  private host(parts: string[]): string {
    return parts.length ? `${this.root}/${parts.join('/')}` : this.root;
  }

  /** The host path of `path` inside the mount; never outside it. */
  private resolve(path: string, follow: boolean): { host: string; parts: string[] } {
    const pending = splitPath(path);
    const cur: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        cur.pop();
        continue;
      }
      const last = pending.length === 0;
      let st: nodefs.Stats | undefined;
      try {
        st = lstatOrNone(this.host([...cur, part]));
      } catch (e) {
        throw fsError(e, path);
      }
      if (st?.isSymbolicLink() && (!last || follow)) {
        if (++hops > MAX_SYMLINKS) throw new FsError('ELOOP', path);
        const target = nodefs.readlinkSync(this.host([...cur, part]));
        if (target.startsWith('/')) cur.length = 0;
        pending.unshift(...splitPath(target));
        continue;
      }
      if (!last && !st) throw new FsError('ENOENT', path);
      if (!last && !st!.isDirectory()) throw new FsError('ENOTDIR', path);
      cur.push(part);
    }
    return { host: this.host(cur), parts: cur };
  }

  /** The parent directory (followed) and the last name, for operations on the entry itself. */
  private entry(path: string): string {
    const parts = splitPath(path).filter((p) => p !== '.');
    const name = parts.pop();
    if (name === undefined || name === '..') throw new FsError('EBUSY', path);
    const parent = this.resolve(`/${parts.join('/')}`, true);
    const st = lstatOrNone(parent.host);
    if (!st) throw new FsError('ENOENT', path);
    if (!st.isDirectory()) throw new FsError('ENOTDIR', path);
    return `${parent.host}/${name}`;
  }

  private guard(path: string): void {
    if (this.readOnly) throw new FsError('EROFS', path);
  }

  private run<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw fsError(e, path);
    }
  }

  private toStat(st: nodefs.Stats, host: string): FileStat {
    const base = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtimeMs / 1000 };
    if (st.isDirectory()) return { type: 'dir', ...base, size: st.size };
    if (st.isSymbolicLink()) {
      const target = nodefs.readlinkSync(host);
      return { type: 'symlink', ...base, size: Buffer.byteLength(target), target };
    }
    return { type: 'file', ...base, size: st.isFile() ? st.size : 0 };
  }

  private statOf(path: string, follow: boolean): FileStat | undefined {
    try {
      const { host } = this.resolve(path, follow);
      const st = lstatOrNone(host);
      return st && this.toStat(st, host);
    } catch (e) {
      if (e instanceof FsError || (e as NodeJS.ErrnoException).code) return undefined;
      throw e;
    }
  }

  stat(path: string): FileStat | undefined {
    return this.statOf(path, true);
  }

  lstat(path: string): FileStat | undefined {
    return this.statOf(path, false);
  }

  readFile(path: string): Buffer {
    return this.run(path, () => {
      const { host } = this.resolve(path, true);
      const st = nodefs.lstatSync(host);
      if (st.isDirectory()) throw new FsError('EISDIR', path);
      if (!st.isFile()) throw new FsError('EACCES', path);
      if (st.size > MAX_FILE) throw new FsError('EACCES', path);
      const fd = nodefs.openSync(host, nodefs.constants.O_RDONLY | OPEN_FLAGS);
      try {
        return nodefs.readFileSync(fd);
      } finally {
        nodefs.closeSync(fd);
      }
    });
  }

  readdir(path: string): string[] {
    return this.run(path, () => nodefs.readdirSync(this.resolve(path, true).host).sort());
  }

  readlink(path: string): string {
    return this.run(path, () => {
      const { host } = this.resolve(path, false);
      if (!nodefs.lstatSync(host).isSymbolicLink()) throw new FsError('EINVAL', path);
      return nodefs.readlinkSync(host);
    });
  }

  realpath(path: string): string {
    return this.run(path, () => {
      const { host, parts } = this.resolve(path, true);
      nodefs.lstatSync(host);
      return `/${parts.join('/')}`;
    });
  }

  writeFile(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    this.guard(path);
    this.run(path, () => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      if (bytes.length > MAX_FILE) throw new FsError('ENOSPC', path);
      const host = this.resolve(path, true).host;
      const st = lstatOrNone(host);
      if (st?.isDirectory()) throw new FsError('EISDIR', path);
      if (st && !st.isFile()) throw new FsError('EACCES', path);
      const mode = (opts.mode ?? 0o644) & 0o1777;
      const how = opts.append ? nodefs.constants.O_APPEND : nodefs.constants.O_TRUNC;
      const fd = nodefs.openSync(
        host,
        nodefs.constants.O_WRONLY | nodefs.constants.O_CREAT | how | OPEN_FLAGS,
        mode,
      );
      try {
        nodefs.writeSync(fd, bytes);
      } finally {
        nodefs.closeSync(fd);
      }
    });
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    this.guard(path);
    const mode = (opts.mode ?? 0o755) & 0o1777;
    if (!opts.recursive) {
      this.run(path, () => nodefs.mkdirSync(this.entry(path), { mode }));
      return;
    }
    const parts = splitPath(path);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = `/${parts.slice(0, i).join('/')}`;
      const st = this.stat(prefix);
      if (st?.type === 'dir') continue;
      if (st) throw new FsError('ENOTDIR', path);
      this.run(path, () => nodefs.mkdirSync(this.entry(prefix), { mode }));
    }
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    this.guard(path);
    this.run(path, () => {
      const host = this.entry(path);
      const st = nodefs.lstatSync(host);
      if (!st.isDirectory()) nodefs.unlinkSync(host);
      else if (opts.recursive) nodefs.rmSync(host, { recursive: true });
      else nodefs.rmdirSync(host);
    });
  }

  symlink(target: string, path: string): void {
    this.guard(path);
    if (target === '') throw new FsError('ENOENT', path);
    this.run(path, () => nodefs.symlinkSync(target, this.entry(path)));
  }

  rename(from: string, to: string): void {
    this.guard(from);
    this.run(from, () => nodefs.renameSync(this.entry(from), this.entry(to)));
  }

  chmod(path: string, mode: number): void {
    this.guard(path);
    this.run(path, () => nodefs.chmodSync(this.resolve(path, true).host, mode & 0o1777));
  }

  chown(path: string, uid: number, gid: number): void {
    this.guard(path);
    this.run(path, () => {
      const { host } = this.resolve(path, true);
      try {
        nodefs.lchownSync(host, uid, gid);
      } catch (e) {
        // A host user cannot give files away; the container's chown then changes nothing.
        if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
      }
    });
  }

  utimes(path: string, mtime: number): void {
    this.guard(path);
    this.run(path, () => nodefs.lutimesSync(this.resolve(path, true).host, mtime, mtime));
  }
}
