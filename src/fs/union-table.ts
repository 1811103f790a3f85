import type { FileEntry } from './files.js';
import { joinPath, normalizePath } from './path.js';

/**
 * Entries by path, with each directory's child names beside them, so a lookup is one map read
 * and a subtree can be dropped without scanning every path. Used for the merged lower layers
 * (plain files, dirs and symlinks) and for the writable layer (which also holds whiteouts and
 * opaque dirs, as a layer records them). The child names are indexed on first need: opening an
 * image's view only to run a program never lists a directory, and skipping the index halves
 * the cost of opening it.
 */
export class PathTable {
  private readonly entries = new Map<string, FileEntry>();
  private index: Map<string, Set<string>> | undefined;

  get(path: string): FileEntry | undefined {
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Child names recorded under `dir` (unsorted). */
  children(dir: string): Iterable<string> {
    return this.kids().get(dir) ?? [];
  }

  set(entry: FileEntry): void {
    this.entries.set(entry.path, entry);
    if (this.index) addName(this.index, entry.path);
  }

  /** Removes `path` and everything below it; calls `onRemove` for each entry removed. */
  deleteTree(path: string, onRemove?: (entry: FileEntry) => void): void {
    this.deleteChildren(path, onRemove);
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    onRemove?.(entry);
    if (path === '/') return;
    const slash = path.lastIndexOf('/');
    this.kids()
      .get(slash === 0 ? '/' : path.slice(0, slash))
      ?.delete(path.slice(slash + 1));
  }

  deleteChildren(dir: string, onRemove?: (entry: FileEntry) => void): void {
    const names = this.kids().get(dir);
    if (!names) return;
    for (const name of [...names]) this.deleteTree(joinPath(dir, name), onRemove);
    this.kids().delete(dir);
  }

  values(): IterableIterator<FileEntry> {
    return this.entries.values();
  }

  private kids(): Map<string, Set<string>> {
    if (!this.index) {
      this.index = new Map();
      for (const path of this.entries.keys()) addName(this.index, path);
    }
    return this.index;
  }
}

function addName(index: Map<string, Set<string>>, path: string): void {
  if (path === '/') return;
  const slash = path.lastIndexOf('/');
  const parent = slash === 0 ? '/' : path.slice(0, slash);
  let names = index.get(parent);
  if (!names) {
    names = new Set();
    index.set(parent, names);
  }
  names.add(path.slice(slash + 1));
}

export function cloneEntry(entry: FileEntry, path = entry.path): FileEntry {
  return { ...entry, path };
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
