import { splitPath } from '../../fs/path.js';
import { type FileStat, FsError, type FsView, type WriteOptions } from '../../fs/view.js';

/** A directory (or file) mounted into a container: a volume, a bind mount or a tmpfs. */
export interface DirMount {
  /** Absolute, normalized path inside the container. */
  target: string;
  fs: FsView;
  readOnly: boolean;
}

const MAX_SYMLINKS = 40;

interface Located {
  mount: DirMount;
  /** The path inside the mount's own view (`/` is the mount's root). */
  sub: string;
  /** The resolved path in the container's namespace. */
  full: string;
}

/**
 * A container's mount table over its root filesystem: each path is walked component by
 * component as the kernel does (symlinks followed in the container's namespace, an absolute
 * target from the container's root), and each operation goes to the filesystem mounted at the
 * deepest mount point on the way. A mount's own view decides what lies below its root.
 */
export class MountTableFs implements FsView {
  private readonly mounts: DirMount[];

  constructor(root: FsView, mounts: DirMount[]) {
    const rootMount: DirMount = { target: '/', fs: root, readOnly: false };
    this.mounts = [...mounts, rootMount].sort((a, b) => b.target.length - a.target.length);
  }

  private at(full: string): Located {
    for (const mount of this.mounts) {
      if (mount.target === '/') return { mount, sub: full, full };
      if (full === mount.target) return { mount, sub: '/', full };
      if (full.startsWith(`${mount.target}/`)) return { mount, sub: full.slice(mount.target.length), full };
    }
    throw new FsError('ENOENT', full);
  }

  /** Resolves symlinks along the path (and at its end when `follow`), crossing mount points. */
  private locate(path: string, follow: boolean): Located {
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
      const next = `/${[...cur, part].join('/')}`;
      if (pending.length === 0 && !follow) {
        cur.push(part);
        break;
      }
      const { mount, sub } = this.at(next);
      const st = mount.fs.lstat(sub);
      if (st?.type === 'symlink' && sub !== '/') {
        if (++hops > MAX_SYMLINKS) throw new FsError('ELOOP', path);
        const target = mount.fs.readlink(sub);
        if (target.startsWith('/')) cur.length = 0;
        pending.unshift(...splitPath(target));
        continue;
      }
      cur.push(part);
    }
    return this.at(`/${cur.join('/')}`);
  }

  private writable(path: string, follow: boolean): Located {
    const loc = this.locate(path, follow);
    if (loc.mount.readOnly) throw new FsError('EROFS', path);
    return loc;
  }

  stat(path: string): FileStat | undefined {
    try {
      const { mount, sub } = this.locate(path, true);
      return mount.fs.stat(sub);
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }

  lstat(path: string): FileStat | undefined {
    try {
      const { mount, sub } = this.locate(path, false);
      return mount.fs.lstat(sub);
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }

  readFile(path: string): Buffer {
    const { mount, sub } = this.locate(path, true);
    return mount.fs.readFile(sub);
  }

  readdir(path: string): string[] {
    const { mount, sub, full } = this.locate(path, true);
    const names = new Set(mount.fs.readdir(sub));
    for (const m of this.mounts) {
      if (m.target === '/' || m.target === full) continue;
      const parent = m.target.slice(0, m.target.lastIndexOf('/')) || '/';
      if (parent === full) names.add(m.target.slice(m.target.lastIndexOf('/') + 1));
    }
    return [...names].sort();
  }

  readlink(path: string): string {
    const { mount, sub } = this.locate(path, false);
    return mount.fs.readlink(sub);
  }

  realpath(path: string): string {
    const { mount, sub, full } = this.locate(path, true);
    mount.fs.realpath(sub);
    return full;
  }

  writeFile(path: string, data: string | Uint8Array, opts?: WriteOptions): void {
    const { mount, sub } = this.writable(path, true);
    mount.fs.writeFile(sub, data, opts);
  }

  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void {
    const { mount, sub } = this.writable(path, true);
    mount.fs.mkdir(sub, opts);
  }

  remove(path: string, opts?: { recursive?: boolean }): void {
    const { mount, sub } = this.writable(path, false);
    if (sub === '/' && mount.target !== '/') throw new FsError('EBUSY', path);
    if (opts?.recursive) {
      const full = this.locate(path, false).full;
      if (this.mounts.some((m) => m.target !== '/' && m.target.startsWith(`${full}/`)))
        throw new FsError('EBUSY', path);
    }
    mount.fs.remove(sub, opts);
  }

  symlink(target: string, path: string): void {
    const { mount, sub } = this.writable(path, false);
    mount.fs.symlink(target, sub);
  }

  rename(from: string, to: string): void {
    const a = this.writable(from, false);
    const b = this.writable(to, false);
    if (a.mount !== b.mount) throw new FsError('EXDEV', from);
    if ((a.sub === '/' || b.sub === '/') && a.mount.target !== '/') throw new FsError('EBUSY', from);
    a.mount.fs.rename(a.sub, b.sub);
  }

  chmod(path: string, mode: number): void {
    const { mount, sub } = this.writable(path, true);
    mount.fs.chmod(sub, mode);
  }

  chown(path: string, uid: number, gid: number): void {
    const { mount, sub } = this.writable(path, true);
    mount.fs.chown(sub, uid, gid);
  }

  utimes(path: string, mtime: number): void {
    const { mount, sub } = this.writable(path, true);
    mount.fs.utimes(sub, mtime);
  }
}
