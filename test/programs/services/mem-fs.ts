import { programContent } from '../../../src/fs/files.js';
import { type FileStat, FsError, type FsView, type WriteOptions } from '../../../src/fs/view.js';

interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content: Buffer;
  target?: string;
}

/** A small in-memory file system with the FsView semantics the programs rely on. */
export class MemFs implements FsView {
  readonly nodes = new Map<string, Node>();

  constructor(private readonly now: () => number) {
    this.nodes.set('/', this.node('dir', 0o755));
  }

  private node(type: Node['type'], mode: number): Node {
    return { type, mode, uid: 0, gid: 0, mtime: Math.floor(this.now() / 1000), content: Buffer.alloc(0) };
  }

  private norm(path: string): string {
    const parts: string[] = [];
    for (const p of path.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return `/${parts.join('/')}`;
  }

  private parent(path: string): string {
    return path.slice(0, path.lastIndexOf('/')) || '/';
  }

  realpath(path: string): string {
    let p = this.norm(path);
    for (let i = 0; i < 40; i++) {
      const parts = p.split('/').slice(1);
      let cur = '';
      let changed = false;
      for (let j = 0; j < parts.length; j++) {
        cur = `${cur}/${parts[j]}`;
        const n = this.nodes.get(cur);
        if (n?.type === 'symlink') {
          const base = n.target!.startsWith('/') ? n.target! : `${this.parent(cur)}/${n.target}`;
          p = this.norm(`${base}/${parts.slice(j + 1).join('/')}`);
          changed = true;
          break;
        }
      }
      if (!changed) return p;
    }
    throw new FsError('ELOOP', path);
  }

  private stats(n: Node): FileStat {
    return {
      type: n.type,
      mode: n.mode,
      uid: n.uid,
      gid: n.gid,
      size: n.content.length,
      mtime: n.mtime,
      ...(n.target ? { target: n.target } : {}),
    };
  }

  stat(path: string): FileStat | undefined {
    const n = this.nodes.get(this.realpath(path));
    return n ? this.stats(n) : undefined;
  }

  lstat(path: string): FileStat | undefined {
    const p = this.norm(path);
    const n = this.nodes.get(
      `${this.realpath(this.parent(p))}/${p.slice(p.lastIndexOf('/') + 1)}`.replace('//', '/'),
    );
    return n ? this.stats(n) : undefined;
  }

  readFile(path: string): Buffer {
    const n = this.nodes.get(this.realpath(path));
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return n.content;
  }

  readdir(path: string): string[] {
    const p = this.realpath(path);
    const n = this.nodes.get(p);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = p === '/' ? '/' : `${p}/`;
    return [...this.nodes.keys()]
      .filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  readlink(path: string): string {
    const n = this.nodes.get(this.norm(path));
    if (n?.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target!;
  }

  writeFile(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    const p = this.realpath(path);
    if (this.nodes.get(this.parent(p))?.type !== 'dir') throw new FsError('ENOENT', path);
    const old = this.nodes.get(p);
    if (old?.type === 'dir') throw new FsError('EISDIR', path);
    const n = old ?? this.node('file', opts.mode ?? 0o644);
    const bytes = Buffer.from(data);
    n.content = opts.append ? Buffer.concat([n.content, bytes]) : bytes;
    n.mtime = Math.floor(this.now() / 1000);
    if (opts.uid !== undefined) n.uid = opts.uid;
    if (opts.gid !== undefined) n.gid = opts.gid;
    this.nodes.set(p, n);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const p = this.norm(path);
    if (this.nodes.has(p)) {
      if (opts.recursive) return;
      throw new FsError('EEXIST', path);
    }
    if (!this.nodes.has(this.parent(p))) {
      if (!opts.recursive) throw new FsError('ENOENT', path);
      this.mkdir(this.parent(p), opts);
    }
    this.nodes.set(p, this.node('dir', opts.mode ?? 0o755));
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const p = this.norm(path);
    if (!this.nodes.has(p)) throw new FsError('ENOENT', path);
    for (const k of [...this.nodes.keys()]) {
      if (k.startsWith(`${p}/`)) {
        if (!opts.recursive) throw new FsError('ENOTEMPTY', path);
        this.nodes.delete(k);
      }
    }
    this.nodes.delete(p);
  }

  symlink(target: string, path: string): void {
    const n = this.node('symlink', 0o777);
    n.target = target;
    this.nodes.set(this.norm(path), n);
  }

  rename(from: string, to: string): void {
    const n = this.nodes.get(this.norm(from));
    if (!n) throw new FsError('ENOENT', from);
    this.nodes.delete(this.norm(from));
    this.nodes.set(this.norm(to), n);
  }

  chmod(path: string, mode: number): void {
    this.get(path).mode = mode;
  }

  chown(path: string, uid: number, gid: number): void {
    const n = this.get(path);
    n.uid = uid;
    n.gid = gid;
  }

  utimes(path: string, mtime: number): void {
    this.get(path).mtime = mtime;
  }

  private get(path: string): Node {
    const n = this.nodes.get(this.realpath(path));
    if (!n) throw new FsError('ENOENT', path);
    return n;
  }

  /** Test helper: a file with parents. */
  put(path: string, content: string, mode = 0o644): this {
    this.mkdir(this.parent(this.norm(path)), { recursive: true });
    this.writeFile(path, content, { mode });
    return this;
  }

  /** Test helper: an executable that names its program. */
  program(path: string, name: string): this {
    this.mkdir(this.parent(this.norm(path)), { recursive: true });
    this.writeFile(path, programContent(name), { mode: 0o755 });
    return this;
  }
}
