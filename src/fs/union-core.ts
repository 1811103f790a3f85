import { WallClock } from '../util/clock.js';
import type { FileEntry } from './files.js';
import { dirname, joinPath, pathDepth } from './path.js';
import { isDirEntry, type Loc, type LookupView, resolvePath } from './union-resolve.js';
import { cleanPath, cloneEntry, mergeLayers, PathTable } from './union-table.js';
import { FsError } from './view.js';

export interface UnionLimits {
  /** Largest file a write may leave, in bytes. */
  maxFileSize?: number;
  /** Most path components a created path may have (deeper → ENAMETOOLONG). */
  maxDepth?: number;
  /** Most content bytes the writable layer may hold (copied-up files count). */
  maxTotalBytes?: number;
}

export interface UnionOptions {
  /** Milliseconds since the epoch (the simulation's clock). */
  now?: () => number;
  /** `docker run --read-only`: every write fails with EROFS. */
  readOnly?: boolean;
  limits?: UnionLimits;
}

function bytesOf(entry: FileEntry | undefined): number {
  return entry?.type === 'file' ? (entry.content?.length ?? 0) : 0;
}

/**
 * The state behind UnionFs: the merged lower layers (read-only, shared entries never changed)
 * and the writable layer as a layer records it. Invariant of the writable layer, as in a real
 * overlay upper dir: every record's parent directory is recorded too (the root excepted).
 */
export class UnionCore implements LookupView {
  readonly lower: PathTable;
  readonly upper = new PathTable();
  private upperBytes = 0;
  private readonly clock: () => number;

  constructor(
    lowers: FileEntry[][],
    upper: FileEntry[],
    readonly opts: UnionOptions = {},
  ) {
    const wall = new WallClock();
    this.clock = opts.now ?? (() => wall.now());
    this.lower = mergeLayers(lowers);
    for (const f of upper) {
      const path = cleanPath(f.path);
      if (path !== '/' || f.type === 'dir' || f.type === 'opaque') this.upper.set(cloneEntry(f, path));
    }
    for (const rec of [...this.upper.values()]) this.recordAncestors(rec.path);
    for (const rec of this.upper.values()) this.upperBytes += bytesOf(rec);
  }

  /** Seconds since the epoch, as FileEntry.mtime holds them. */
  now(): number {
    return this.clock() / 1000;
  }

  entryAt(path: string, through: boolean): FileEntry | undefined {
    const rec = this.upper.get(path);
    if (rec) return rec.type === 'whiteout' ? undefined : rec;
    return through ? this.lower.get(path) : undefined;
  }

  childThrough(dir: string, through: boolean): boolean {
    const rec = this.upper.get(dir);
    return rec ? through && rec.type === 'dir' : through;
  }

  resolve(path: string, follow: boolean): Loc {
    return resolvePath(this, path, follow);
  }

  /** Whether a lower layer holds something at `loc` that would show without the writable layer. */
  lowerHas(loc: Loc): boolean {
    return loc.parentThrough && this.lower.has(loc.path);
  }

  /** The names in a directory of the view: both layers, minus whiteouts, sorted. */
  names(dir: string, parentThrough: boolean): string[] {
    const out = new Set<string>();
    if (this.childThrough(dir, parentThrough)) for (const n of this.lower.children(dir)) out.add(n);
    for (const n of this.upper.children(dir)) {
      if (this.upper.get(joinPath(dir, n))?.type === 'whiteout') out.delete(n);
      else out.add(n);
    }
    return [...out].sort();
  }

  checkWritable(path: string): void {
    if (this.opts.readOnly) throw new FsError('EROFS', path);
  }

  /** ENAMETOOLONG when a path `extra` levels below `path` would pass maxDepth. */
  checkDepth(path: string, input: string, extra = 0): void {
    const max = this.opts.limits?.maxDepth;
    if (max !== undefined && pathDepth(path) + extra > max) throw new FsError('ENAMETOOLONG', input);
  }

  /** ENOSPC when the writable layer would grow past maxTotalBytes by `delta` bytes. */
  checkSpace(delta: number, input: string): void {
    const max = this.opts.limits?.maxTotalBytes;
    if (max !== undefined && delta > 0 && this.upperBytes + delta > max) throw new FsError('ENOSPC', input);
  }

  checkFileSize(size: number, input: string): void {
    const max = this.opts.limits?.maxFileSize;
    if (max !== undefined && size > max) throw new FsError('ENOSPC', input);
  }

  /** Sets a record of the writable layer (its subtree, if any, stays). */
  record(entry: FileEntry): void {
    this.upperBytes += bytesOf(entry) - bytesOf(this.upper.get(entry.path));
    this.upper.set(entry);
  }

  /** Drops the records at and below `path` from the writable layer. */
  drop(path: string): void {
    this.upper.deleteTree(path, (e) => {
      this.upperBytes -= bytesOf(e);
    });
  }

  upperBytesUnder(path: string): number {
    let sum = bytesOf(this.upper.get(path));
    for (const n of this.upper.children(path)) sum += this.upperBytesUnder(joinPath(path, n));
    return sum;
  }

  /** The writable record for a path the view shows, copying it up (metadata and all) first. */
  copyUp(path: string, input: string): FileEntry {
    const rec = this.upper.get(path);
    if (rec) return rec;
    const low = this.lower.get(path);
    if (!low) throw new FsError('ENOENT', input);
    this.checkSpace(bytesOf(low), input);
    if (path !== '/') this.copyUpDir(dirname(path), input);
    const copy = cloneEntry(low);
    this.record(copy);
    return copy;
  }

  /** Copies up a directory of the view (and its ancestors) so a record may go inside it. */
  copyUpDir(dir: string, input: string): void {
    if (dir !== '/' && !this.upper.has(dir)) this.copyUp(dir, input);
  }

  /** A directory's entries changed: its mtime moves (which `docker diff` notices). */
  touchDir(dir: string, input: string): void {
    if (dir === '/') return;
    this.copyUp(dir, input).mtime = this.now();
  }

  /** Gives a record made outside (an upper layer saved earlier) the parents a real upper dir has. */
  private recordAncestors(path: string): void {
    for (let p = dirname(path); p !== '/'; p = dirname(p)) {
      const rec = this.upper.get(p);
      if (isDirEntry(rec)) return;
      const low = this.lower.get(p);
      const base = low?.type === 'dir' ? low : { mode: 0o755, uid: 0, gid: 0, mtime: rec?.mtime ?? 0 };
      const type = rec?.type === 'whiteout' ? 'opaque' : 'dir';
      this.upper.set({ path: p, type, mode: base.mode, uid: base.uid, gid: base.gid, mtime: base.mtime });
    }
  }
}
