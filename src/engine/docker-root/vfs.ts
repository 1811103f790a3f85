import { splitPath } from '../../fs/path.js';
import { type FileStat, FsError, type FsView } from '../../fs/view.js';

/** Mode, owner and time of a computed entry (seconds since the epoch). */
export interface Meta {
  mode: number;
  uid?: number;
  gid?: number;
  mtime: number;
}

/**
 * A computed tree: directories list and look up their children only when asked, files compute
 * their content only when read, and a `view` node hands everything below it to another view
 * (a layer's files, a volume's). Nothing is built for a path nobody looks at.
 */
export type VNode =
  | { kind: 'dir'; meta: Meta; names: () => string[]; child: (name: string) => VNode | undefined }
  | { kind: 'file'; meta: Meta; content: () => Buffer }
  | { kind: 'symlink'; meta: Meta; target: string }
  | { kind: 'view'; fs: FsView };

const DIR_SIZE = 4096;

/** A directory whose children are a fixed table (each built on lookup). */
export function staticDir(meta: Meta, entries: () => Record<string, () => VNode | undefined>): VNode {
  return {
    kind: 'dir',
    meta,
    names: () =>
      Object.entries(entries())
        .filter(([, make]) => make() !== undefined)
        .map(([name]) => name),
    child: (name) => (Object.hasOwn(entries(), name) ? entries()[name]!() : undefined),
  };
}

/** A directory whose names come from a list and whose children are built per name. */
export function listDir(
  meta: Meta,
  names: () => string[],
  child: (name: string) => VNode | undefined,
): VNode {
  return {
    kind: 'dir',
    meta,
    names: () => names().filter((n) => child(n) !== undefined),
    child: (name) => (names().includes(name) ? child(name) : undefined),
  };
}

export function textFile(meta: Meta, text: () => string | Buffer): VNode {
  return { kind: 'file', meta, content: () => Buffer.from(text()) };
}

function toStat(node: Exclude<VNode, { kind: 'view' }>): FileStat {
  const base = {
    mode: node.meta.mode,
    uid: node.meta.uid ?? 0,
    gid: node.meta.gid ?? 0,
    mtime: node.meta.mtime,
  };
  if (node.kind === 'dir') return { type: 'dir', ...base, size: DIR_SIZE };
  if (node.kind === 'symlink')
    return { type: 'symlink', ...base, size: node.target.length, target: node.target };
  return { type: 'file', ...base, size: node.content().length };
}

/** An entry of the tree, or a path inside a view (`at`: where the view is, in this tree). */
type Found = { node: Exclude<VNode, { kind: 'view' }> } | { fs: FsView; sub: string; at: string };

/**
 * A read-only FsView over a computed tree. Symlinks are resolved by the mount table it is
 * mounted with (which walks each path component by component); here a path names an entry as
 * it is, and every write fails with EROFS.
 */
export class ComputedFs implements FsView {
  constructor(private readonly root: () => VNode) {}

  private find(path: string): Found {
    let node = this.root();
    const parts = splitPath(path).filter((p) => p !== '.');
    for (let i = 0; i < parts.length; i++) {
      if (node.kind === 'view')
        return { fs: node.fs, sub: `/${parts.slice(i).join('/')}`, at: `/${parts.slice(0, i).join('/')}` };
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      const next = node.child(parts[i]!);
      if (!next) throw new FsError('ENOENT', path);
      node = next;
    }
    return node.kind === 'view' ? { fs: node.fs, sub: '/', at: `/${parts.join('/')}` } : { node };
  }

  private statOf(path: string, follow: boolean): FileStat | undefined {
    try {
      const found = this.find(path);
      if ('fs' in found) return follow ? found.fs.stat(found.sub) : found.fs.lstat(found.sub);
      if (follow && found.node.kind === 'symlink') {
        const dir = path.replace(/\/[^/]*\/?$/, '');
        return this.stat(
          found.node.target.startsWith('/') ? found.node.target : `${dir}/${found.node.target}`,
        );
      }
      return toStat(found.node);
    } catch (e) {
      if (e instanceof FsError) return undefined;
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
    const found = this.find(path);
    if ('fs' in found) return found.fs.readFile(found.sub);
    if (found.node.kind === 'dir') throw new FsError('EISDIR', path);
    if (found.node.kind === 'symlink') throw new FsError('EINVAL', path);
    return found.node.content();
  }

  readdir(path: string): string[] {
    const found = this.find(path);
    if ('fs' in found) return found.fs.readdir(found.sub);
    if (found.node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return [...found.node.names()].sort();
  }

  readlink(path: string): string {
    const found = this.find(path);
    if ('fs' in found) return found.fs.readlink(found.sub);
    if (found.node.kind !== 'symlink') throw new FsError('EINVAL', path);
    return found.node.target;
  }

  realpath(path: string): string {
    const found = this.find(path);
    if ('fs' in found) {
      const inner = found.fs.realpath(found.sub);
      return inner === '/' ? found.at : `${found.at === '/' ? '' : found.at}${inner}`;
    }
    return `/${splitPath(path).join('/')}`;
  }

  private readOnly(path: string): never {
    throw new FsError('EROFS', path);
  }

  writeFile(path: string): void {
    this.readOnly(path);
  }
  mkdir(path: string): void {
    this.readOnly(path);
  }
  remove(path: string): void {
    this.readOnly(path);
  }
  symlink(_target: string, path: string): void {
    this.readOnly(path);
  }
  rename(from: string): void {
    this.readOnly(from);
  }
  chmod(path: string): void {
    this.readOnly(path);
  }
  chown(path: string): void {
    this.readOnly(path);
  }
  utimes(path: string): void {
    this.readOnly(path);
  }
}
