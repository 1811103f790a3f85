import type { FsView } from '../../../fs/view.js';
import type { NamespaceType, ProcInfo } from '../../../kernel/view.js';
import { readText } from '../common/host.js';

/** A namespace as lsns finds it: its inode, the processes in it, and the lowest PID among them. */
export interface NsEntry {
  type: NamespaceType;
  ino: number;
  procs: ProcInfo[];
  first: ProcInfo;
}

export const NS_TYPES: NamespaceType[] = ['mnt', 'net', 'ipc', 'user', 'pid', 'uts', 'cgroup', 'time'];

/** Every namespace of the given processes, sorted by inode number (lsns' order). */
export function namespaces(procs: ProcInfo[]): NsEntry[] {
  const map = new Map<string, NsEntry>();
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    for (const type of NS_TYPES) {
      const ino = p.ns[type];
      const key = `${type}:${ino}`;
      const entry = map.get(key);
      if (entry) entry.procs.push(p);
      else map.set(key, { type, ino, procs: [p], first: p });
    }
  }
  return [...map.values()].sort((a, b) => a.ino - b.ino);
}

/** What lsns prints as a process's COMMAND: its command line, or its name when it has none. */
export function commandOf(p: ProcInfo): string {
  return p.args.length && !p.kernelThread ? p.args.join(' ') : p.comm;
}

/**
 * Where network namespaces are bind-mounted (`/run/docker/netns/<sandbox>`): the nsfs entries of
 * /proc/self/mountinfo, whose root field reads `net:[INODE]`, as libmount reports them to lsns.
 * Without a mountinfo, a link under /run/docker/netns that reads `net:[INODE]` is used.
 */
export function nsfsMounts(fs: FsView): Map<number, string> {
  const out = new Map<number, string>();
  const mountinfo = readText(fs, '/proc/self/mountinfo');
  for (const line of (mountinfo ?? '').split('\n')) {
    const [left = '', right = ''] = line.split(' - ');
    const fields = left.split(' ');
    const m = /^net:\[(\d+)\]$/.exec(fields[3] ?? '');
    if (m && right.startsWith('nsfs ') && fields[4]) out.set(Number(m[1]), fields[4]);
  }
  if (mountinfo !== undefined) return out;
  try {
    for (const name of fs.readdir('/run/docker/netns')) {
      const path = `/run/docker/netns/${name}`;
      try {
        const m = /^net:\[(\d+)\]$/.exec(fs.readlink(path));
        if (m) out.set(Number(m[1]), path);
      } catch {
        // a plain file: nothing tells which namespace it holds
      }
    }
  } catch {
    // no /run/docker/netns
  }
  return out;
}
