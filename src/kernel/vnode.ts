/**
 * Nodes of the kernel's pseudo filesystems (/proc, /sys/fs/cgroup), built on demand from the
 * kernel's state: nothing of them is stored.
 */
/** A refusal inside a pseudo filesystem; procFs turns it into an FsError naming the path. */
export class VfsError extends Error {
  constructor(readonly code: 'EACCES' | 'EINVAL' | 'ENOENT') {
    super(code);
    this.name = 'VfsError';
  }
}

interface Meta {
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
}

export interface DirNode extends Meta {
  kind: 'dir';
  entries(): string[];
  child(name: string): VNode | undefined;
}

export interface FileNode extends Meta {
  kind: 'file';
  /** May throw FsError (EACCES for another user's /proc/PID/environ). */
  read(): Buffer | string;
  /** Absent: the file cannot be written. Throws FsError EINVAL for a value the kernel refuses. */
  write?(data: string): void;
}

export interface LinkNode extends Meta {
  kind: 'link';
  /** May throw FsError EACCES (another user's /proc/PID/cwd). */
  target(): string;
  /** `pid:[4026532198]`: a namespace link, which names an inode rather than a path. */
  magic?: boolean;
}

export type VNode = DirNode | FileNode | LinkNode;

export function dirNode(meta: Meta, table: () => Record<string, () => VNode | undefined>): DirNode {
  return {
    kind: 'dir',
    ...meta,
    entries: () => {
      const t = table();
      return Object.keys(t).filter((name) => t[name]!() !== undefined);
    },
    child: (name) => {
      const t = table();
      return Object.hasOwn(t, name) ? t[name]!() : undefined;
    },
  };
}

export function fileNode(meta: Meta, read: () => Buffer | string, write?: (data: string) => void): FileNode {
  return write ? { kind: 'file', ...meta, read, write } : { kind: 'file', ...meta, read };
}

export function linkNode(meta: Meta, target: () => string, magic = false): LinkNode {
  return magic ? { kind: 'link', ...meta, target, magic } : { kind: 'link', ...meta, target };
}

/** Path helpers of the pseudo filesystems (absolute paths, `/`-separated). */
export function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

export function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export function lexical(path: string): string {
  const out: string[] = [];
  for (const part of split(path)) {
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
