import type { FileStat, FsView } from '../../fs/view.js';
import { type Errno, errnoOf, type Tool } from './common.js';

/**
 * The kernel's permission checks, done here because the filesystem view has no notion of a
 * caller: root may read and write everything and execute what has any x bit; other users get
 * the owner, group or other bits. Every directory on the way must be searchable (x).
 */
export type Want = 'r' | 'w' | 'x';

const BIT: Record<Want, number> = { r: 4, w: 2, x: 1 };

export function permits(st: FileStat, uid: number, gid: number, want: Want): boolean {
  if (uid === 0) return want !== 'x' || st.type === 'dir' || (st.mode & 0o111) !== 0;
  const shift = st.uid === uid ? 6 : st.gid === gid ? 3 : 0;
  return ((st.mode >> shift) & BIT[want]) !== 0;
}

/** Checks that every directory above `abs` exists and may be searched. */
export function checkParents(fs: FsView, abs: string, uid: number, gid: number): Errno | undefined {
  const parts = abs.split('/').filter(Boolean);
  let dir = '';
  for (let i = 0; i < parts.length - 1; i++) {
    dir += `/${parts[i]}`;
    const st = fs.stat(dir);
    if (!st) return 'ENOENT';
    if (st.type !== 'dir') return 'ENOTDIR';
    if (!permits(st, uid, gid, 'x')) return 'EACCES';
  }
  return undefined;
}

/** What open(2) with this intent would say about an existing or missing path. */
export function checkAccess(t: Tool, abs: string, want: Want): Errno | undefined {
  const { uid, gid } = t.ctx;
  const parent = checkParents(t.fs, abs, uid, gid);
  if (parent) return parent;
  const st = t.fs.stat(abs);
  if (!st) return 'ENOENT';
  return permits(st, uid, gid, want) ? undefined : 'EACCES';
}

/** Whether a new entry may be created in (or removed from) the directory `dir`. */
export function checkDirWrite(t: Tool, dir: string): Errno | undefined {
  const { uid, gid } = t.ctx;
  const parent = checkParents(t.fs, `${dir}/x`, uid, gid);
  if (parent) return parent;
  const st = t.fs.stat(dir);
  if (!st) return 'ENOENT';
  if (st.type !== 'dir') return 'ENOTDIR';
  return permits(st, uid, gid, 'w') ? undefined : 'EACCES';
}

/** Device files the container's /dev tmpfs provides even when the image has no such file. */
const DEVICES: Record<string, (t: Tool) => Buffer> = {
  '/dev/null': () => Buffer.alloc(0),
  '/dev/stdin': (t) => Buffer.from(t.ctx.stdin ?? '', 'utf8'),
  '/proc/self/fd/0': (t) => Buffer.from(t.ctx.stdin ?? '', 'utf8'),
};

/** Reads a file as `open` + `read` would, with the errno a tool words its own way. */
export function readChecked(t: Tool, abs: string): Buffer | Errno {
  const device = DEVICES[abs];
  if (device && !t.fs.stat(abs)) return device(t);
  const denied = checkAccess(t, abs, 'r');
  if (denied) return denied;
  const st = t.fs.stat(abs)!;
  if (st.type === 'dir') return 'EISDIR';
  try {
    return t.fs.readFile(abs);
  } catch (e) {
    return errnoOf(e);
  }
}

/** Reads an operand, `-` being stdin (text tools). */
export function readOperand(t: Tool, operand: string): string | { errno: Errno } {
  if (operand === '-') return t.ctx.stdin ?? '';
  const data = readChecked(t, t.abs(operand));
  return typeof data === 'string' ? { errno: data } : data.toString('utf8');
}

/** Writes (or appends to) a file as open(O_CREAT) would, new files owned by the process. */
export function writeChecked(
  t: Tool,
  abs: string,
  data: string | Uint8Array,
  append = false,
): Errno | undefined {
  if (abs === '/dev/null' && !t.fs.stat(abs)) return undefined;
  const st = t.fs.stat(abs);
  if (st?.type === 'dir') return 'EISDIR';
  const denied = st ? checkAccess(t, abs, 'w') : checkDirWrite(t, abs.slice(0, abs.lastIndexOf('/')) || '/');
  if (denied) return denied;
  try {
    if (st) t.fs.writeFile(abs, data, { append });
    else t.fs.writeFile(abs, data, { append, mode: 0o644, uid: t.ctx.uid, gid: t.ctx.gid });
    return undefined;
  } catch (e) {
    return errnoOf(e);
  }
}

export interface Names {
  users: Map<number, string>;
  groups: Map<number, string>;
  uids: Map<string, { uid: number; gid: number }>;
  gids: Map<string, number>;
}

function readText(fs: FsView, path: string): string {
  try {
    return fs.readFile(path).toString('utf8');
  } catch {
    return '';
  }
}

/**
 * Users and groups as /etc/passwd and /etc/group of this filesystem name them. Read once per
 * run of a tool (a RUN step's `useradd` changes them between runs).
 */
export function namesOf(fs: FsView): Names {
  const names: Names = { users: new Map(), groups: new Map(), uids: new Map(), gids: new Map() };
  for (const line of readText(fs, '/etc/passwd').split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (!name || uid === undefined || !/^\d+$/.test(uid)) continue;
    if (!names.users.has(Number(uid))) names.users.set(Number(uid), name);
    names.uids.set(name, { uid: Number(uid), gid: Number(gid ?? 0) });
  }
  for (const line of readText(fs, '/etc/group').split('\n')) {
    const [name, , gid] = line.split(':');
    if (!name || gid === undefined || !/^\d+$/.test(gid)) continue;
    if (!names.groups.has(Number(gid))) names.groups.set(Number(gid), name);
    names.gids.set(name, Number(gid));
  }
  return names;
}
