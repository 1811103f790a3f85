/**
 * The writes of UnionFs that touch more than one record: removing (whiteouts), making
 * directories (opaque when recreated) and renaming (a copy into the writable layer).
 */
import type { FileEntry } from './files.js';
import { dirname, isBelow, joinPath, splitPath } from './path.js';
import type { UnionCore } from './union-core.js';
import { isDirEntry, type Loc } from './union-resolve.js';
import { cloneEntry } from './union-table.js';
import { FsError } from './view.js';

export function removePath(core: UnionCore, input: string, recursive: boolean): void {
  const loc = core.resolve(input, false);
  if (!loc.entry) throw new FsError('ENOENT', input);
  if (loc.path === '/') throw new FsError('EBUSY', input);
  if (isDirEntry(loc.entry) && !recursive && core.names(loc.path, loc.parentThrough).length > 0) {
    throw new FsError('ENOTEMPTY', input);
  }
  core.checkWritable(input);
  removeAt(core, loc, input);
}

/** Drops what the writable layer holds at `loc` and whites out what a lower layer holds there. */
function removeAt(core: UnionCore, loc: Loc, input: string): void {
  const parent = dirname(loc.path);
  core.copyUpDir(parent, input);
  core.drop(loc.path);
  if (core.lowerHas(loc)) {
    core.record({ path: loc.path, type: 'whiteout', mode: 0, uid: 0, gid: 0, mtime: core.now() });
  }
  core.touchDir(parent, input);
}

export function makeDir(core: UnionCore, input: string, recursive: boolean, mode = 0o755): void {
  if (!recursive) {
    const loc = core.resolve(input, false);
    if (loc.entry) throw new FsError('EEXIST', input);
    createDir(core, loc, input, mode);
    return;
  }
  // mkdir -p: each prefix as written, following symlinks (`mkdir -p /bin/x` with /bin -> usr/bin).
  const parts = splitPath(input);
  const root = input.startsWith('/') ? '/' : '';
  for (let i = 1; i <= parts.length; i++) {
    const last = i === parts.length;
    const loc = core.resolve(root + parts.slice(0, i).join('/'), true);
    if (!loc.entry) createDir(core, loc, input, last ? mode : 0o755);
    else if (!isDirEntry(loc.entry)) throw new FsError(last ? 'EEXIST' : 'ENOTDIR', input);
  }
}

function createDir(core: UnionCore, loc: Loc, input: string, mode: number): void {
  core.checkWritable(input);
  core.checkDepth(loc.path, input);
  const parent = dirname(loc.path);
  core.copyUpDir(parent, input);
  // A directory made where a lower one was removed must not show the old one's files.
  const type = core.lowerHas(loc) ? 'opaque' : 'dir';
  core.record({ path: loc.path, type, mode: mode & 0o7777, uid: 0, gid: 0, mtime: core.now() });
  core.touchDir(parent, input);
}

interface Moved {
  /** Path below the renamed entry (`''` for the entry itself, else `/x/y`). */
  rel: string;
  entry: FileEntry;
}

/**
 * rename(2) inside the view. Overlayfs without redirect_dir refuses to rename a lower directory
 * (EXDEV, and `mv` falls back to copying); this view does what `mv` then achieves: the subtree
 * is copied into the writable layer at the new path and the old path is whited out.
 */
export function renamePath(core: UnionCore, from: string, to: string): void {
  const src = core.resolve(from, false);
  if (!src.entry) throw new FsError('ENOENT', from);
  const dst = core.resolve(to, false);
  if (src.path === '/' || dst.path === '/') throw new FsError('EBUSY', src.path === '/' ? from : to);
  if (src.path === dst.path) return;
  if (isBelow(dst.path, src.path)) throw new FsError('EINVAL', to);
  if (dst.trailing && !isDirEntry(src.entry)) throw new FsError('ENOTDIR', to);
  checkReplace(core, src, dst, to);
  core.checkWritable(from);
  const moved: Moved[] = [];
  collect(core, src.path, src.parentThrough, '', moved);
  const deepest = Math.max(...moved.map((m) => splitPath(m.rel).length));
  core.checkDepth(dst.path, to, deepest);
  const bytes = moved.reduce(
    (sum, m) => sum + (m.entry.type === 'file' ? (m.entry.content?.length ?? 0) : 0),
    0,
  );
  const freed = core.upperBytesUnder(src.path) + (dst.entry ? core.upperBytesUnder(dst.path) : 0);
  core.checkSpace(bytes - freed, to);

  removeAt(core, src, from);
  const parent = dirname(dst.path);
  core.copyUpDir(parent, to);
  core.drop(dst.path);
  const opaque = core.lowerHas(dst);
  for (const m of moved) {
    const entry = cloneEntry(m.entry, dst.path + m.rel);
    if (isDirEntry(entry)) entry.type = m.rel === '' && opaque ? 'opaque' : 'dir';
    core.record(entry);
  }
  core.touchDir(parent, to);
}

function checkReplace(core: UnionCore, src: Loc, dst: Loc, to: string): void {
  if (!dst.entry) return;
  const srcDir = isDirEntry(src.entry);
  const dstDir = isDirEntry(dst.entry);
  if (srcDir && !dstDir) throw new FsError('ENOTDIR', to);
  if (!srcDir && dstDir) throw new FsError('EISDIR', to);
  if (dstDir && core.names(dst.path, dst.parentThrough).length > 0) throw new FsError('ENOTEMPTY', to);
}

/** The view's subtree at `path`, parents before children. */
function collect(core: UnionCore, path: string, parentThrough: boolean, rel: string, out: Moved[]): void {
  const entry = core.entryAt(path, parentThrough);
  if (!entry) return;
  out.push({ rel, entry });
  if (!isDirEntry(entry)) return;
  const through = core.childThrough(path, parentThrough);
  for (const name of core.names(path, parentThrough)) {
    collect(core, joinPath(path, name), through, `${rel}/${name}`, out);
  }
}
