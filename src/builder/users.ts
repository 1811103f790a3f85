import type { FsView } from './backend.js';

/**
 * User and group names as a build step resolves them: from the image's /etc/passwd and
 * /etc/group. Like BuildKit, a name that is not there falls back to root rather than failing.
 */
export interface Owner {
  uid: number;
  gid: number;
}

function readLines(fs: FsView, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .toString('utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

const numeric = (s: string) => /^\d+$/.test(s);

/** `user`, `uid`, `user:group`, `uid:gid` (COPY --chown, USER) → numeric owner. */
export function resolveOwner(fs: FsView, spec: string | undefined): Owner {
  if (!spec) return { uid: 0, gid: 0 };
  const [user = '', group] = spec.split(':', 2);
  let uid = 0;
  let gid = 0;
  if (numeric(user)) {
    uid = Number(user);
    gid = uid;
  } else if (user) {
    const entry = readLines(fs, '/etc/passwd').find((f) => f[0] === user);
    if (entry) {
      uid = Number(entry[2]) || 0;
      gid = Number(entry[3]) || 0;
    }
  }
  if (group !== undefined && group !== '') {
    if (numeric(group)) gid = Number(group);
    else {
      const entry = readLines(fs, '/etc/group').find((f) => f[0] === group);
      gid = entry ? Number(entry[2]) || 0 : 0;
    }
  }
  return { uid, gid };
}
