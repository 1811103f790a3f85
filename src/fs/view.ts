/**
 * A filesystem as a process sees it: the union of an image's layers and a container's writable
 * layer, or the simulated host's. Paths are absolute and use `/`. Errors carry the errno name
 * so that each program can word them its own way (`ls: /x: No such file or directory`).
 */
export type FsErrorCode =
  | 'EBUSY'
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'ELOOP'
  | 'EROFS'
  | 'EINVAL'
  | 'EXDEV'
  | 'ENOSPC'
  | 'ENAMETOOLONG';

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

export interface FileStat {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** Bytes (a program's binary reports the size it stands for). */
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** Symlink target (lstat of a symlink). */
  target?: string;
}

export interface WriteOptions {
  mode?: number;
  append?: boolean;
  uid?: number;
  gid?: number;
}

export interface FsView {
  /** Follows symlinks; undefined when the path does not exist. */
  stat(path: string): FileStat | undefined;
  lstat(path: string): FileStat | undefined;
  /** Throws FsError (ENOENT, EISDIR, ...). */
  readFile(path: string): Buffer;
  /** Entry names, sorted. Throws ENOENT / ENOTDIR. */
  readdir(path: string): string[];
  readlink(path: string): string;
  /** Resolves symlinks and `..` inside the view (never outside its root). */
  realpath(path: string): string;
  writeFile(path: string, data: string | Uint8Array, opts?: WriteOptions): void;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  /** Removes a file, symlink or (with recursive) a directory tree. */
  remove(path: string, opts?: { recursive?: boolean }): void;
  symlink(target: string, path: string): void;
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
}
