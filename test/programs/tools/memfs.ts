import { PROGRAM_MAGIC } from '../../../src/fs/files.js';
import { type FileStat, FsError, type FsView, type WriteOptions } from '../../../src/fs/view.js';

interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content?: Buffer;
  target?: string;
  /** Size a program binary stands for. */
  size?: number;
}

function norm(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';

/**
 * A small in-memory FsView for the tool tests: symlinks resolved inside the view, errors as
 * FsError codes, new entries stamped with a fixed clock.
 */
export class MemFs implements FsView {
  readonly nodes = new Map<string, Node>();
  now = 1718003507; // 2024-06-10 07:11:47 UTC

  constructor() {
    this.nodes.set('/', { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.now });
  }

  /** Resolves a path, following symlinks in every component (and the last if asked). */
  private resolve(path: string, followLast: boolean, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', path);
    const parts = norm(path).split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = cur === '/' ? `/${parts[i]}` : `${cur}/${parts[i]}`;
      const node = this.nodes.get(next);
      const last = i === parts.length - 1;
      if (node?.type === 'symlink' && (!last || followLast)) {
        const target = node.target!.startsWith('/') ? node.target! : `${cur}/${node.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.resolve(rest ? `${target}/${rest}` : target, followLast, depth + 1);
      }
      if (!last && node && node.type !== 'dir') throw new FsError('ENOTDIR', path);
      cur = next;
    }
    return cur;
  }

  private node(path: string, follow: boolean): [string, Node | undefined] {
    try {
      const p = this.resolve(path, follow);
      return [p, this.nodes.get(p)];
    } catch {
      return [path, undefined];
    }
  }

  private statOf(n: Node): FileStat {
    const size =
      n.type === 'file' ? (n.size ?? n.content?.length ?? 0) : n.type === 'symlink' ? n.target!.length : 4096;
    const st: FileStat = { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size, mtime: n.mtime };
    if (n.type === 'symlink') st.target = n.target!;
    return st;
  }

  stat(path: string): FileStat | undefined {
    const [, n] = this.node(path, true);
    return n && this.statOf(n);
  }

  lstat(path: string): FileStat | undefined {
    const [, n] = this.node(path, false);
    return n && this.statOf(n);
  }

  readFile(path: string): Buffer {
    const [, n] = this.node(path, true);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return Buffer.from(n.content ?? Buffer.alloc(0));
  }

  readdir(path: string): string[] {
    const [p, n] = this.node(path, true);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = p === '/' ? '/' : `${p}/`;
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
        names.push(key.slice(prefix.length));
    }
    return names.sort();
  }

  readlink(path: string): string {
    const [, n] = this.node(path, false);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target!;
  }

  realpath(path: string): string {
    const p = this.resolve(path, true);
    if (!this.nodes.has(p)) throw new FsError('ENOENT', path);
    return p;
  }

  private place(path: string): string {
    const p = this.resolve(path, false);
    const parent = this.nodes.get(parentOf(p));
    if (!parent) throw new FsError('ENOENT', path);
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    return p;
  }

  writeFile(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    const p = this.resolve(path, true);
    const existing = this.nodes.get(p);
    if (existing?.type === 'dir') throw new FsError('EISDIR', path);
    const bytes = Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (existing) {
      existing.content = opts.append ? Buffer.concat([existing.content ?? Buffer.alloc(0), bytes]) : bytes;
      existing.size = undefined;
      existing.mtime = this.now;
      return;
    }
    this.place(p);
    this.nodes.set(p, {
      type: 'file',
      mode: opts.mode ?? 0o644,
      uid: opts.uid ?? 0,
      gid: opts.gid ?? 0,
      mtime: this.now,
      content: bytes,
    });
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const p = norm(path);
    if (this.nodes.has(p)) {
      if (opts.recursive && this.nodes.get(p)!.type === 'dir') return;
      throw new FsError('EEXIST', path);
    }
    if (opts.recursive && !this.nodes.has(parentOf(p))) this.mkdir(parentOf(p), opts);
    this.place(p);
    this.nodes.set(p, { type: 'dir', mode: opts.mode ?? 0o755, uid: 0, gid: 0, mtime: this.now });
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    const p = this.resolve(path, false);
    const n = this.nodes.get(p);
    if (!n) throw new FsError('ENOENT', path);
    if (n.type === 'dir') {
      const children = this.readdir(p);
      if (children.length && !opts.recursive) throw new FsError('ENOTEMPTY', path);
      for (const c of children) this.remove(`${p}/${c}`, opts);
    }
    this.nodes.delete(p);
  }

  symlink(target: string, path: string): void {
    const p = this.place(path);
    if (this.nodes.has(p)) throw new FsError('EEXIST', path);
    this.nodes.set(p, { type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: this.now, target });
  }

  rename(from: string, to: string): void {
    const src = this.resolve(from, false);
    const dst = this.place(to);
    if (!this.nodes.has(src)) throw new FsError('ENOENT', from);
    for (const [key, node] of [...this.nodes]) {
      if (key === src || key.startsWith(`${src}/`)) {
        this.nodes.delete(key);
        this.nodes.set(dst + key.slice(src.length), node);
      }
    }
  }

  chmod(path: string, mode: number): void {
    const [, n] = this.node(path, true);
    if (!n) throw new FsError('ENOENT', path);
    n.mode = mode;
  }

  chown(path: string, uid: number, gid: number): void {
    const [, n] = this.node(path, true);
    if (!n) throw new FsError('ENOENT', path);
    n.uid = uid;
    n.gid = gid;
  }

  utimes(path: string, mtime: number): void {
    const [, n] = this.node(path, true);
    if (!n) throw new FsError('ENOENT', path);
    n.mtime = mtime;
  }

  /** Test setup: adds a file (parents created), a directory or a symlink. */
  add(path: string, spec: Partial<Node> & { text?: string; program?: string } = {}): this {
    const p = norm(path);
    if (!this.nodes.has(parentOf(p))) this.add(parentOf(p), { type: 'dir' });
    const type = spec.type ?? (spec.target !== undefined ? 'symlink' : 'file');
    const node: Node = {
      type,
      mode: spec.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : spec.program ? 0o755 : 0o644),
      uid: spec.uid ?? 0,
      gid: spec.gid ?? 0,
      mtime: spec.mtime ?? this.now,
    };
    if (spec.program) {
      node.content = Buffer.from(`${PROGRAM_MAGIC}${spec.program}\n`, 'latin1');
      node.size = spec.size ?? 100000;
    } else if (type === 'file') node.content = spec.content ?? Buffer.from(spec.text ?? '', 'utf8');
    if (spec.size !== undefined) node.size = spec.size;
    if (type === 'symlink') node.target = spec.target!;
    this.nodes.set(p, node);
    return this;
  }
}
