import type { FsView } from '../../../fs/view.js';
import { readText } from './host.js';

/** /etc/passwd and /etc/group as the C library reads them (NSS "files"). */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function lines(fs: FsView, path: string): string[][] {
  return (readText(fs, path) ?? '')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

export function passwd(fs: FsView): PasswdEntry[] {
  return lines(fs, '/etc/passwd')
    .filter((f) => f.length >= 4)
    .map((f) => ({
      name: f[0]!,
      uid: Number(f[2]),
      gid: Number(f[3]),
      home: f[5] ?? '',
      shell: f[6] ?? '',
    }));
}

export function groups(fs: FsView): GroupEntry[] {
  return lines(fs, '/etc/group')
    .filter((f) => f.length >= 3)
    .map((f) => ({ name: f[0]!, gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

export function userByUid(fs: FsView, uid: number): PasswdEntry | undefined {
  return passwd(fs).find((u) => u.uid === uid);
}

export function userByName(fs: FsView, name: string): PasswdEntry | undefined {
  return passwd(fs).find((u) => u.name === name);
}

export function groupName(fs: FsView, gid: number): string | undefined {
  return groups(fs).find((g) => g.gid === gid)?.name;
}

/**
 * The groups a user is in: the primary group first, then every group of /etc/group that lists
 * the user, in file order (what initgroups gives a process, and so what `id` prints).
 */
export function groupList(fs: FsView, user: string | undefined, gid: number): number[] {
  const list = [gid];
  if (user === undefined) return list;
  for (const g of groups(fs)) if (g.members.includes(user) && !list.includes(g.gid)) list.push(g.gid);
  return list;
}
