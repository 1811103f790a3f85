import { type FileStat, FsError, type FsView, type WriteOptions } from '../../fs/view.js';

export interface FileMount {
  /** Absolute path inside the container (`/etc/hostname`). */
  path: string;
  content: () => Buffer;
  mode?: number;
}

/**
 * A view with files bind-mounted over it, as docker mounts /etc/hostname, /etc/hosts and
 * /etc/resolv.conf into every container: they are not in the container's layer (so `docker
 * diff` does not list them) but reads see them.
 */
export class MountedFs implements FsView {
  private readonly files = new Map<string, FileMount>();

  constructor(
    private readonly base: FsView,
    mounts: FileMount[],
    private readonly now: () => number,
  ) {
    for (const m of mounts) this.files.set(m.path, m);
  }

  private mount(path: string): FileMount | undefined {
    return this.files.get(path) ?? this.files.get(this.safeReal(path));
  }

  private safeReal(path: string): string {
    try {
      return this.base.realpath(path);
    } catch {
      return path;
    }
  }

  private statOf(m: FileMount): FileStat {
    return {
      type: 'file',
      mode: m.mode ?? 0o644,
      uid: 0,
      gid: 0,
      size: m.content().length,
      mtime: Math.floor(this.now() / 1000),
    };
  }

  stat(path: string): FileStat | undefined {
    const m = this.mount(path);
    return m ? this.statOf(m) : this.base.stat(path);
  }
  lstat(path: string): FileStat | undefined {
    const m = this.files.get(path);
    return m ? this.statOf(m) : this.base.lstat(path);
  }
  readFile(path: string): Buffer {
    const m = this.mount(path);
    return m ? m.content() : this.base.readFile(path);
  }
  readdir(path: string): string[] {
    const names = new Set(this.base.readdir(path));
    const dir = path.replace(/\/+$/, '') || '';
    for (const p of this.files.keys())
      if (p.slice(0, p.lastIndexOf('/')) === dir) names.add(p.slice(p.lastIndexOf('/') + 1));
    return [...names].sort();
  }
  readlink(path: string): string {
    return this.base.readlink(path);
  }
  realpath(path: string): string {
    return this.base.realpath(path);
  }
  writeFile(path: string, data: string | Uint8Array, opts?: WriteOptions): void {
    const m = this.mount(path);
    if (!m) {
      this.base.writeFile(path, data, opts);
      return;
    }
    // Writing a bind-mounted file changes the mount's source, not the container's layer.
    const next = Buffer.concat([opts?.append ? m.content() : Buffer.alloc(0), Buffer.from(data)]);
    m.content = () => next;
  }
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void {
    this.base.mkdir(path, opts);
  }
  remove(path: string, opts?: { recursive?: boolean }): void {
    if (this.mount(path)) throw new FsError('EBUSY', path);
    this.base.remove(path, opts);
  }
  symlink(target: string, path: string): void {
    this.base.symlink(target, path);
  }
  rename(from: string, to: string): void {
    if (this.mount(from) || this.mount(to)) throw new FsError('EBUSY', from);
    this.base.rename(from, to);
  }
  chmod(path: string, mode: number): void {
    const m = this.mount(path);
    if (m) m.mode = mode;
    else this.base.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    if (!this.mount(path)) this.base.chown(path, uid, gid);
  }
  utimes(path: string, mtime: number): void {
    if (!this.mount(path)) this.base.utimes(path, mtime);
  }
}
