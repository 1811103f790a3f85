/**
 * A container's root filesystem as overlayfs gives it: read-only lower layers (an image's, bottom
 * first) under one writable upper layer. Lookups go from the top; a whiteout hides a lower path,
 * an opaque directory hides the lower directory's children; the first write to a lower file
 * copies it up whole, keeping its mode, owner and mtime. The writable layer reads back as a
 * layer records it (`upperEntries`, what `docker commit` and a build step save) and as the
 * changes `docker diff` prints.
 *
 * The lower layers are merged once at construction (a map by path with each directory's names);
 * the view itself is never materialized: each lookup asks the writable layer, then the merged
 * lower one unless a record above hides it.
 */
import { type Change, layerChanges } from './changes.js';
import { type FileEntry, fileSize } from './files.js';
import { comparePaths, dirname } from './path.js';
import { UnionCore, type UnionLimits, type UnionOptions } from './union-core.js';
import { makeDir, removePath, renamePath } from './union-ops.js';
import { isDirEntry } from './union-resolve.js';
import { cloneEntry } from './union-table.js';
import { type FileStat, FsError, type FsView, type WriteOptions } from './view.js';

export type { Change, ChangeKind } from './changes.js';
export type { UnionLimits, UnionOptions };

/** What `stat` reports as a directory's size (an ext4 directory block). */
const DIR_SIZE = 4096;

export class UnionFs implements FsView {
  private readonly core: UnionCore;

  /**
   * `lowers`: each layer's entries as the layer records them (whiteouts, opaque dirs), bottom
   * first; they are never changed. `upper`: the writable layer so far (a container's saved
   * layer), copied. Errors are FsError with the errno name, ENOSPC for `limits`, ENAMETOOLONG
   * for a created path deeper than `limits.maxDepth`, EROFS for every write when `readOnly`.
   */
  constructor(lowers: FileEntry[][], upper: FileEntry[] = [], opts: UnionOptions = {}) {
    this.core = new UnionCore(lowers, upper, opts);
  }

  /** The writable layer as a layer records it, sorted by path (a directory before its contents). */
  upperEntries(): FileEntry[] {
    return [...this.core.upper.values()]
      .map((e) => cloneEntry(e))
      .sort((a, b) => comparePaths(a.path, b.path));
  }

  /** `docker diff`: the writable layer's additions, changes and deletions, in docker's order. */
  changes(): Change[] {
    return layerChanges(this.core.lower, this.core.upper);
  }

  /** Follows symlinks. Undefined when the path cannot be looked up (ENOENT, ENOTDIR, ELOOP). */
  stat(path: string): FileStat | undefined {
    return this.statOf(path, true);
  }

  lstat(path: string): FileStat | undefined {
    return this.statOf(path, false);
  }

  readFile(path: string): Buffer {
    const entry = this.existing(path, true);
    if (isDirEntry(entry)) throw new FsError('EISDIR', path);
    return Buffer.from(entry.content ?? Buffer.alloc(0));
  }

  readdir(path: string): string[] {
    const loc = this.core.resolve(path, true);
    if (!loc.entry) throw new FsError('ENOENT', path);
    if (!isDirEntry(loc.entry)) throw new FsError('ENOTDIR', path);
    return this.core.names(loc.path, loc.parentThrough);
  }

  readlink(path: string): string {
    const entry = this.existing(path, false);
    if (entry.type !== 'symlink') throw new FsError('EINVAL', path);
    return entry.target ?? '';
  }

  realpath(path: string): string {
    const loc = this.core.resolve(path, true);
    if (!loc.entry) throw new FsError('ENOENT', path);
    return loc.path;
  }

  writeFile(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
    const core = this.core;
    const loc = core.resolve(path, true);
    const old = loc.entry;
    if (isDirEntry(old) || loc.trailing) throw new FsError('EISDIR', path);
    core.checkWritable(path);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const content = opts.append && old?.content ? Buffer.concat([old.content, bytes]) : bytes;
    core.checkFileSize(content.length, path);
    if (!old) core.checkDepth(loc.path, path);
    const prev = core.upper.get(loc.path);
    core.checkSpace(content.length - (prev?.type === 'file' ? (prev.content?.length ?? 0) : 0), path);
    const parent = dirname(loc.path);
    core.copyUpDir(parent, path);
    // An existing file keeps its mode and owner (open(2) applies them only when creating).
    const meta = old ?? { mode: opts.mode ?? 0o644, uid: opts.uid ?? 0, gid: opts.gid ?? 0 };
    const { mode, uid, gid } = meta;
    core.record({ path: loc.path, type: 'file', mode: mode & 0o7777, uid, gid, mtime: core.now(), content });
    if (!old) core.touchDir(parent, path);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    makeDir(this.core, path, opts.recursive ?? false, opts.mode);
  }

  remove(path: string, opts: { recursive?: boolean } = {}): void {
    removePath(this.core, path, opts.recursive ?? false);
  }

  symlink(target: string, path: string): void {
    const core = this.core;
    const loc = core.resolve(path, false);
    if (loc.entry) throw new FsError('EEXIST', path);
    if (loc.trailing || target === '') throw new FsError('ENOENT', path);
    core.checkWritable(path);
    core.checkDepth(loc.path, path);
    const parent = dirname(loc.path);
    core.copyUpDir(parent, path);
    core.record({ path: loc.path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: core.now(), target });
    core.touchDir(parent, path);
  }

  rename(from: string, to: string): void {
    renamePath(this.core, from, to);
  }

  chmod(path: string, mode: number): void {
    this.change(path).mode = mode & 0o7777;
  }

  chown(path: string, uid: number, gid: number): void {
    const rec = this.change(path);
    rec.uid = uid;
    rec.gid = gid;
  }

  utimes(path: string, mtime: number): void {
    this.change(path).mtime = mtime;
  }

  /** The writable record for an existing path (following symlinks), copied up. */
  private change(path: string): FileEntry {
    const loc = this.core.resolve(path, true);
    if (!loc.entry) throw new FsError('ENOENT', path);
    this.core.checkWritable(path);
    return this.core.copyUp(loc.path, path);
  }

  private existing(path: string, follow: boolean): FileEntry {
    const entry = this.core.resolve(path, follow).entry;
    if (!entry) throw new FsError('ENOENT', path);
    return entry;
  }

  private statOf(path: string, follow: boolean): FileStat | undefined {
    let entry: FileEntry | undefined;
    try {
      entry = this.core.resolve(path, follow).entry;
    } catch (err) {
      if (err instanceof FsError) return undefined;
      throw err;
    }
    return entry && toStat(entry);
  }
}

function toStat(e: FileEntry): FileStat {
  const base = { mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime };
  if (isDirEntry(e)) return { type: 'dir', ...base, size: DIR_SIZE };
  if (e.type === 'symlink') {
    const target = e.target ?? '';
    return { type: 'symlink', ...base, size: Buffer.byteLength(target), target };
  }
  return { type: 'file', ...base, size: fileSize(e) };
}
