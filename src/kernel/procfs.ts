// The one import from fs/: the FsView interface procFs implements and the FsError it throws
// (an agreed exception to kernel/ importing only store/ and util/).
import { type FileStat, FsError, type FsErrorCode, type FsView, type WriteOptions } from '../fs/view.js';
import { dirname, join, lexical, split, VfsError, type VNode } from './vnode.js';

export type { FsView };

/**
 * A filesystem with the kernel's pseudo filesystems mounted over it: `/proc` and
 * `/sys/fs/cgroup`. Paths there resolve through the virtual nodes (following their symlinks, which
 * may lead back into the base, as /proc/PID/cwd does); every other path goes to the base view.
 */
export interface PseudoMount {
  at: string;
  root: () => VNode;
  /** What a write, create or remove there fails with (EROFS for a read-only mount, else EACCES). */
  denied: FsErrorCode;
}

type Resolved = { path: string; node?: VNode; mount?: PseudoMount; exists: boolean };

const wrap = <T>(path: string, fn: () => T): T => {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VfsError) throw new FsError(e.code, path);
    throw e;
  }
};

export function overlayPseudoFs(base: FsView, mounts: PseudoMount[]): FsView {
  const mountOf = (path: string) => mounts.find((m) => path === m.at || path.startsWith(`${m.at}/`));
  /** True when `path` (normalised) could involve a pseudo filesystem. */
  /** True when `path`, read lexically, is in, at or above a pseudo filesystem. */
  const touches = (raw: string) => {
    const path = lexical(raw);
    return mounts.some(
      (m) => path === m.at || path.startsWith(`${m.at}/`) || m.at.startsWith(path === '/' ? '/' : `${path}/`),
    );
  };
  const isAncestorOfMount = (path: string) =>
    mounts.some((m) => m.at.startsWith(path === '/' ? '/' : `${path}/`));

  function virtualAt(m: PseudoMount, path: string): VNode | undefined {
    let node: VNode | undefined = m.root();
    for (const name of split(path.slice(m.at.length))) {
      if (node?.kind !== 'dir') return undefined;
      node = node.child(name);
    }
    return node;
  }

  function resolve(path: string, followLast: boolean, depth = 0): Resolved {
    if (depth > 40) throw new FsError('ELOOP', path);
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      const last = i === parts.length - 1;
      if (name === '..') {
        cur = dirname(cur);
        continue;
      }
      const next = join(cur, name);
      const m = mountOf(next);
      if (m) {
        const node = wrap(next, () => virtualAt(m, next));
        if (!node) {
          if (last) return { path: next, mount: m, exists: false };
          throw new FsError('ENOENT', path);
        }
        if (node.kind === 'link' && (!last || followLast) && !node.magic) {
          const target = wrap(next, () => node.target());
          cur = follow(target, cur, path, depth);
          continue;
        }
        if (last) return { path: next, node, mount: m, exists: true };
        if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
        cur = next;
        continue;
      }
      const st = base.lstat(next);
      if (!st) {
        if (isAncestorOfMount(next)) {
          cur = next;
          continue;
        }
        if (last) return { path: next, exists: false };
        throw new FsError('ENOENT', path);
      }
      if (st.type === 'symlink' && (!last || followLast)) {
        cur = follow(base.readlink(next), cur, path, depth);
        continue;
      }
      if (!last && st.type !== 'dir') throw new FsError('ENOTDIR', path);
      cur = next;
    }
    const m = mountOf(cur);
    if (m) return { path: cur, node: virtualAt(m, cur), mount: m, exists: true };
    return { path: cur, exists: cur === '/' || base.lstat(cur) !== undefined || isAncestorOfMount(cur) };
  }

  function follow(target: string, dir: string, original: string, depth: number): string {
    const r = resolve(target.startsWith('/') ? target : `${dir}/${target}`, true, depth + 1);
    if (!r.exists) throw new FsError('ENOENT', original);
    return r.path;
  }

  function statOf(r: Resolved, followed: boolean): FileStat | undefined {
    if (!r.exists) return undefined;
    const n = r.node;
    if (!n) {
      const st = base.lstat(r.path);
      if (st) return followed && st.type === 'symlink' ? base.stat(r.path) : st;
      return { type: 'dir', mode: 0o555, uid: 0, gid: 0, size: 0, mtime: 0 };
    }
    const meta = { mode: n.mode, uid: n.uid, gid: n.gid, size: 0, mtime: n.mtime };
    if (n.kind === 'dir') return { type: 'dir', ...meta };
    if (n.kind === 'file') return { type: 'file', ...meta };
    if (followed) return { type: 'file', ...meta, mode: 0o444 }; // an nsfs inode
    return { type: 'symlink', ...meta, target: wrap(r.path, () => n.target()) };
  }

  /** Runs `fn` on the base; when the path is missing there, it may reach /proc through a symlink. */
  function viaBase<T>(path: string, fast: () => T, slow: () => T): T {
    if (touches(path)) return slow();
    try {
      return fast();
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT') return slow();
      throw e;
    }
  }

  function denyIfVirtual(path: string, op: () => void, existsCode?: FsErrorCode): void {
    if (!touches(path) && base.lstat(path)?.type !== 'symlink') {
      op();
      return;
    }
    const full = join(resolve(dirname(path), true).path, split(path).pop() ?? '');
    const m = mountOf(full);
    if (!m) {
      op();
      return;
    }
    if (existsCode && virtualAt(m, full)) throw new FsError(existsCode, path);
    throw new FsError(m.denied, path);
  }

  /** stat and lstat answer undefined for a path that cannot be reached, as FsView promises. */
  function quiet(fn: () => FileStat | undefined): FileStat | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError && ['ENOENT', 'ENOTDIR', 'ELOOP', 'EACCES'].includes(e.code)) return undefined;
      throw e;
    }
  }

  return {
    stat: (path) =>
      quiet(() =>
        viaBase(
          path,
          () => base.stat(path) ?? throwEnoent(path),
          () => statOf(resolve(path, true), true),
        ),
      ),
    lstat: (path) =>
      quiet(() =>
        viaBase(
          path,
          () => base.lstat(path) ?? throwEnoent(path),
          () => statOf(resolve(path, false), false),
        ),
      ),
    readFile(path) {
      return viaBase(
        path,
        () => base.readFile(path),
        () => {
          const r = resolve(path, true);
          if (!r.exists) throw new FsError('ENOENT', path);
          if (!r.node) return base.readFile(r.path);
          if (r.node.kind === 'dir') throw new FsError('EISDIR', path);
          const n = r.node;
          if (n.kind === 'link') return Buffer.from('');
          const data = wrap(path, () => n.read());
          return typeof data === 'string' ? Buffer.from(data) : data;
        },
      );
    },
    readdir(path) {
      const r = resolve(path, true);
      if (!r.exists) throw new FsError('ENOENT', path);
      if (r.node) {
        if (r.node.kind !== 'dir') throw new FsError('ENOTDIR', path);
        return r.node.entries().sort();
      }
      const own = base.lstat(r.path) ? base.readdir(r.path) : [];
      const extra = mounts
        .filter((m) => dirname(m.at) === r.path || m.at.startsWith(`${r.path === '/' ? '' : r.path}/`))
        .map((m) => split(m.at.slice(r.path === '/' ? 0 : r.path.length))[0]!);
      return [...new Set([...own, ...extra])].sort();
    },
    readlink(path) {
      const r = resolve(path, false);
      if (!r.exists) throw new FsError('ENOENT', path);
      if (!r.node) return base.readlink(r.path);
      const n = r.node;
      if (n.kind !== 'link') throw new FsError('EINVAL', path);
      return wrap(path, () => n.target());
    },
    realpath(path) {
      return viaBase(
        path,
        () => base.realpath(path),
        () => {
          const r = resolve(path, true);
          if (!r.exists) throw new FsError('ENOENT', path);
          return r.path;
        },
      );
    },
    writeFile(path: string, data: string | Uint8Array, opts?: WriteOptions) {
      if (!touches(path) && base.lstat(path)?.type !== 'symlink') {
        base.writeFile(path, data, opts);
        return;
      }
      const r = resolve(path, true);
      if (!r.mount) return base.writeFile(r.path, data, opts);
      const n = r.node;
      if (n?.kind === 'dir') throw new FsError('EISDIR', path);
      if (n?.kind === 'file' && n.write) {
        const text = typeof data === 'string' ? data : Buffer.from(data).toString();
        return wrap(path, () => n.write!(text));
      }
      throw new FsError(r.mount.denied, path);
    },
    mkdir: (path, opts) => denyIfVirtual(path, () => base.mkdir(path, opts), 'EEXIST'),
    remove: (path, opts) => denyIfVirtual(path, () => base.remove(path, opts)),
    symlink: (target, path) => denyIfVirtual(path, () => base.symlink(target, path), 'EEXIST'),
    chmod: (path, mode) => denyIfVirtual(path, () => base.chmod(path, mode)),
    chown: (path, uid, gid) => denyIfVirtual(path, () => base.chown(path, uid, gid)),
    utimes: (path, mtime) => denyIfVirtual(path, () => base.utimes(path, mtime)),
    rename(from, to) {
      if (!touches(from) && !touches(to)) {
        base.rename(from, to);
        return;
      }
      const inMount = (p: string) => mountOf(join(resolve(dirname(p), true).path, split(p).pop() ?? ''));
      const a = inMount(from);
      const b = inMount(to);
      if (!a && !b) return base.rename(from, to);
      if (!a || !b) throw new FsError('EXDEV', to);
      throw new FsError(a.denied, from);
    },
  };
}

function throwEnoent(path: string): never {
  throw new FsError('ENOENT', path);
}
