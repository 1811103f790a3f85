/**
 * A file as a layer records it. Content lives inline (base64 in JSON documents), which keeps a
 * layer one document: safe (nothing in the state folder is a real symlink a host tool could
 * follow) and quick to read.
 */
export type FileType = 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';

export interface FileEntry {
  /** Absolute path inside the container (`/etc/os-release`). */
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** File content (type `file`). */
  content?: Buffer;
  /** Symlink target. */
  target?: string;
  /** Size a file stands for when its content is a placeholder (a program's binary). */
  size?: number;
}

/** Executables of the simulation are files whose content names the program that runs them. */
export const PROGRAM_MAGIC = '\x7fELF\x02\x01\x01\x00dockersim-program:';

export function programContent(program: string): Buffer {
  return Buffer.from(`${PROGRAM_MAGIC}${program}\n`, 'latin1');
}

/** The program a file's content names, if it is a simulated executable. */
export function programOf(content: Uint8Array | undefined): string | undefined {
  if (!content || content.length < PROGRAM_MAGIC.length) return undefined;
  const text = Buffer.from(content).toString('latin1');
  if (!text.startsWith(PROGRAM_MAGIC)) return undefined;
  return text.slice(PROGRAM_MAGIC.length).trim();
}

export function fileSize(f: FileEntry): number {
  if (f.type !== 'file') return 0;
  return f.size ?? f.content?.length ?? 0;
}

/** The OCI whiteout name for a deleted path: `/etc/motd` → `/etc/.wh.motd`. */
export function whiteoutPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
}

export const OPAQUE_MARKER = '.wh..wh..opq';

export interface StoredFile {
  p: string;
  t: FileType;
  m: number;
  u?: number;
  g?: number;
  ti: number;
  c?: string;
  l?: string;
  s?: number;
}

export function encodeFiles(files: FileEntry[]): StoredFile[] {
  return files.map((f) => {
    const s: StoredFile = { p: f.path, t: f.type, m: f.mode, ti: f.mtime };
    if (f.uid) s.u = f.uid;
    if (f.gid) s.g = f.gid;
    if (f.content) s.c = f.content.toString('base64');
    if (f.target !== undefined) s.l = f.target;
    if (f.size !== undefined) s.s = f.size;
    return s;
  });
}

export function decodeFiles(stored: StoredFile[]): FileEntry[] {
  return stored.map((s) => {
    const f: FileEntry = { path: s.p, type: s.t, mode: s.m, uid: s.u ?? 0, gid: s.g ?? 0, mtime: s.ti };
    if (s.c !== undefined) f.content = Buffer.from(s.c, 'base64');
    if (s.l !== undefined) f.target = s.l;
    if (s.s !== undefined) f.size = s.s;
    return f;
  });
}
