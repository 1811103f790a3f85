import type { FileEntry } from './files.js';
import { joinPath, splitPath } from './path.js';
import { FsError } from './view.js';

/** Linux's MAXSYMLINKS: how many symlinks one path lookup may follow before ELOOP. */
export const MAX_SYMLINK_HOPS = 40;

/** A path as the view resolved it. */
export interface Loc {
  /** Canonical path: every directory component is a real directory of the view. */
  path: string;
  /** What the view shows there (an upper record or a lower entry); undefined when nothing is there. */
  entry: FileEntry | undefined;
  /** Whether lower-layer entries at this path show through (no opaque or replaced dir above hides them). */
  parentThrough: boolean;
  /** The path was written with a trailing slash (so it must name a directory). */
  trailing: boolean;
}

/** What lookup needs from the union: one entry, and whether a directory lets lower children through. */
export interface LookupView {
  entryAt(path: string, through: boolean): FileEntry | undefined;
  childThrough(dir: string, through: boolean): boolean;
}

export function isDirEntry(entry: FileEntry | undefined): boolean {
  return entry?.type === 'dir' || entry?.type === 'opaque';
}

interface Step {
  path: string;
  /** Lower children of this directory are visible. */
  through: boolean;
}

/**
 * Path lookup as the kernel's namei does it: component by component from the root, following
 * symlinks in every directory component (and in the last one when `follow`, or when the path
 * ends in `/`). A relative symlink continues from the directory holding it, an absolute one
 * from the view's root, and `..` never climbs above the root. Throws ENOENT for a missing
 * directory component, ENOTDIR for one that is not a directory, ELOOP after 40 symlinks; a
 * missing last component is not an error (the Loc has no entry).
 */
export function resolvePath(view: LookupView, input: string, follow: boolean): Loc {
  if (input === '') throw new FsError('ENOENT', input);
  const trailing = input.length > 1 && input.endsWith('/');
  const todo = splitPath(input).reverse();
  const stack: Step[] = [{ path: '/', through: view.childThrough('/', true) }];
  let hops = 0;
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (name === '.') continue;
    if (name === '..') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const dir = stack[stack.length - 1]!;
    const path = joinPath(dir.path, name);
    const entry = view.entryAt(path, dir.through);
    const last = todo.length === 0;
    if (entry?.type === 'symlink' && (!last || follow || trailing)) {
      if (++hops > MAX_SYMLINK_HOPS) throw new FsError('ELOOP', input);
      const target = entry.target ?? '';
      if (target === '') throw new FsError('ENOENT', input);
      if (target.startsWith('/')) stack.length = 1;
      todo.push(...splitPath(target).reverse());
      continue;
    }
    if (last) return finish(input, { path, entry, parentThrough: dir.through, trailing });
    if (!entry) throw new FsError('ENOENT', input);
    if (!isDirEntry(entry)) throw new FsError('ENOTDIR', input);
    stack.push({ path, through: view.childThrough(path, dir.through) });
  }
  // The path ended on a directory already walked: the root, or a trailing `.` or `..`.
  const top = stack[stack.length - 1]!;
  const parentThrough = stack[stack.length - 2]?.through ?? true;
  return { path: top.path, entry: view.entryAt(top.path, parentThrough), parentThrough, trailing };
}

function finish(input: string, loc: Loc): Loc {
  if (loc.trailing && loc.entry && !isDirEntry(loc.entry)) throw new FsError('ENOTDIR', input);
  return loc;
}
