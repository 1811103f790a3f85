import type { FileEntry } from './files.js';
import { dirname, joinPath, normalizePath } from './path.js';

/**
 * Entries by path, with each directory's child names beside them, so a lookup is one map read
 * and a subtree can be dropped without scanning every path. Used for the merged lower layers
 * (plain files, dirs and symlinks) and for the writable layer (which also holds whiteouts and
 * opaque dirs, as a layer records them).
 */
export class PathTable {
  private readonly entries = new Map<string, FileEntry>();
  private readonly kids = new Map<string, Set<string>>();

  get size(): number {
    return this.entries.size;
  }

  get(path: string): FileEntry | undefined {
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Child names recorded under `dir` (unsorted). */
  children(dir: string): Iterable<string> {
    return this.kids.get(dir) ?? [];
  }

  hasChildren(dir: string): boolean {
    return (this.kids.get(dir)?.size ?? 0) > 0;
  }

  set(entry: FileEntry): void {
    const path = entry.path;
    this.entries.set(path, entry);
    if (path === '/') return;
    const slash = path.lastIndexOf('/');
    const parent = slash === 0 ? '/' : path.slice(0, slash);
    let names = this.kids.get(parent);
    if (!names) {
      names = new Set();
      this.kids.set(parent, names);
    }
    names.add(path.slice(slash + 1));
  }

  /** Removes `path` and everything below it; calls `onRemove` for each entry removed. */
  deleteTree(path: string, onRemove?: (entry: FileEntry) => void): void {
    this.deleteChildren(path, onRemove);
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    onRemove?.(entry);
    if (path === '/') return;
    const parent = dirname(path);
    this.kids.get(parent)?.delete(path.slice(parent === '/' ? 1 : parent.length + 1));
  }

  deleteChildren(dir: string, onRemove?: (entry: FileEntry) => void): void {
    const names = this.kids.get(dir);
    if (!names) return;
    for (const name of [...names]) this.deleteTree(joinPath(dir, name), onRemove);
    this.kids.delete(dir);
  }

  values(): IterableIterator<FileEntry> {
    return this.entries.values();
  }
}

export function cloneEntry(entry: FileEntry, path = entry.path): FileEntry {
  const copy: FileEntry = { ...entry, path };
  return copy;
}

const ROOT: FileEntry = { path: '/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 };

/** A directory a layer implies but does not list (its parent of `/usr/bin/env` without `/usr`). */
function impliedDir(path: string, mtime: number): FileEntry {
  return { path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime };
}

/**
 * Stacks lower layers (bottom first) into the tree a container starts from, as overlayfs shows
 * them: in each layer, whiteouts and opaque dirs hide what the layers below hold, then the
 * layer's own files land on top (so a layer may list `/d` opaque and `/d/x` in any order).
 */
export function mergeLayers(lowers: FileEntry[][]): PathTable {
  const table = new PathTable();
  table.set(ROOT);
  for (const layer of lowers) {
    for (const f of layer) {
      if (f.type === 'whiteout' && cleanPath(f.path) !== '/') table.deleteTree(cleanPath(f.path));
      else if (f.type === 'opaque') table.deleteChildren(cleanPath(f.path));
    }
    for (const f of layer) {
      if (f.type !== 'whiteout') place(table, f);
    }
  }
  return table;
}

/** Layers record normalized paths; anything else (`etc/x`, `/a//b/`) is normalized first. */
const NORMAL = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

export function cleanPath(path: string): string {
  return NORMAL.test(path) ? path : normalizePath('/', path);
}

function place(table: PathTable, f: FileEntry): void {
  const path = cleanPath(f.path);
  const isDir = f.type === 'dir' || f.type === 'opaque';
  if (path === '/' && !isDir) return;
  const existing = table.get(path);
  // A file over a directory replaces the whole subtree; a directory over a directory keeps it.
  if (existing && existing.type === 'dir' && !isDir) table.deleteChildren(path);
  ensureParents(table, path, f.mtime);
  // Lower entries are shared by every view of the image and never changed: writes copy them up.
  table.set(f.type === 'opaque' ? { ...f, path, type: 'dir' } : path === f.path ? f : { ...f, path });
}

function ensureParents(table: PathTable, path: string, mtime: number): void {
  const slash = path.lastIndexOf('/');
  const parent = slash === 0 ? '/' : path.slice(0, slash);
  const existing = table.get(parent);
  if (existing?.type === 'dir') return;
  if (existing) table.deleteTree(parent);
  ensureParents(table, parent, mtime);
  table.set(impliedDir(parent, mtime));
}
