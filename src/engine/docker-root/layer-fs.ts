import type { FileEntry } from '../../fs/files.js';
import { UnionFs } from '../../fs/union.js';
import type { FsView } from '../../fs/view.js';

/**
 * A layer's own files as its `diff` directory holds them on a host: a deleted path is a whiteout
 * (overlayfs makes it a character device 0/0 with no permission bits, shown here as an empty
 * file of mode 0000), and a directory made opaque is a plain directory (its mark is an xattr).
 */
export function layerDiffFs(entries: FileEntry[], mtime: number): FsView {
  const root: FileEntry = { path: '/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime };
  const shown = entries.map((f): FileEntry => {
    if (f.type === 'whiteout')
      return { path: f.path, type: 'file', mode: 0, uid: f.uid, gid: f.gid, mtime: f.mtime };
    if (f.type === 'opaque') return { ...f, type: 'dir' };
    return f;
  });
  const hasRoot = shown.some((f) => f.path === '/');
  return new UnionFs([hasRoot ? shown : [root, ...shown]], [], { readOnly: true, now: () => mtime * 1000 });
}

/** What docker's init layer adds under every container, where the image has nothing there. */
const INIT_PATHS: [string, 'dir' | 'file' | 'symlink'][] = [
  ['/dev/pts', 'dir'],
  ['/dev/shm', 'dir'],
  ['/proc', 'dir'],
  ['/sys', 'dir'],
  ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'],
  ['/etc/hosts', 'file'],
  ['/etc/hostname', 'file'],
  ['/dev/console', 'file'],
  ['/etc/mtab', 'symlink'],
];

/**
 * The `<id>-init` layer: empty mount points for the files docker bind-mounts (/etc/hosts, ...),
 * /.dockerenv, /dev/console, /etc/mtab -> /proc/mounts, and the directories the kernel's
 * filesystems are mounted on, each made only where the image has none (with its parents).
 */
export function initLayerEntries(image: FsView, mtime: number): FileEntry[] {
  const out = new Map<string, FileEntry>();
  const meta = { uid: 0, gid: 0, mtime };
  for (const [path, type] of INIT_PATHS) {
    if (image.lstat(path)) continue;
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!image.lstat(dir) && !out.has(dir)) out.set(dir, { path: dir, type: 'dir', mode: 0o755, ...meta });
    }
    if (type === 'symlink') out.set(path, { path, type, mode: 0o777, target: '/proc/mounts', ...meta });
    else if (type === 'dir') out.set(path, { path, type, mode: 0o755, ...meta });
    else out.set(path, { path, type, mode: 0o755, content: Buffer.alloc(0), ...meta });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
