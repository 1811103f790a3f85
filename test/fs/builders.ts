import type { FileEntry } from '../../src/fs/files.js';
import { programContent } from '../../src/fs/files.js';
import { FsError, type FsView } from '../../src/fs/view.js';

/** Builders for layer entries: the lower layers of the tests, written as an image's layer would. */
export const T0 = 1_719_792_000; // 2024-07-01, the catalog's layer time (seconds)

type Meta = Partial<Pick<FileEntry, 'mode' | 'uid' | 'gid' | 'mtime'>>;

export function file(path: string, content = '', meta: Meta = {}): FileEntry {
  return {
    path,
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    mtime: T0,
    content: Buffer.from(content),
    ...meta,
  };
}

export function program(path: string, name: string, size: number): FileEntry {
  return { path, type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T0, content: programContent(name), size };
}

export function dir(path: string, meta: Meta = {}): FileEntry {
  return { path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: T0, ...meta };
}

export function link(path: string, target: string): FileEntry {
  return { path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T0, target };
}

export function whiteout(path: string): FileEntry {
  return { path, type: 'whiteout', mode: 0, uid: 0, gid: 0, mtime: T0 };
}

export function opaque(path: string): FileEntry {
  return { path, type: 'opaque', mode: 0o755, uid: 0, gid: 0, mtime: T0 };
}

/** A small Debian-like base layer: merged /usr (`/bin -> usr/bin`), /etc, a home. */
export function baseLayer(): FileEntry[] {
  return [
    link('/bin', 'usr/bin'),
    link('/lib', 'usr/lib'),
    dir('/etc'),
    file('/etc/motd', 'welcome\n'),
    file('/etc/hostname', 'debian\n'),
    file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n'),
    dir('/etc/apt'),
    file('/etc/apt/sources.list', 'deb http://deb.debian.org/debian bookworm main\n'),
    dir('/home/app', { uid: 1000, gid: 1000, mode: 0o750 }),
    file('/home/app/.profile', 'PATH=$PATH\n', { uid: 1000, gid: 1000, mode: 0o600 }),
    dir('/root', { mode: 0o700 }),
    dir('/tmp', { mode: 0o1777 }),
    dir('/usr/bin'),
    program('/usr/bin/bash', 'bash@5.2.15', 1_265_648),
    link('/usr/bin/sh', 'bash'),
    dir('/usr/lib'),
    dir('/var/log'),
    file('/var/log/dpkg.log', 'install\n'),
  ];
}

/** A clock that the test moves by hand (milliseconds). */
export function manualClock(start = 1_750_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Every path of a view with what it holds (`dir 755 0:0`, `file 644 0:0 <content>`, `link -> t`). */
export function treeOf(fs: FsView, dir = '/', out: Record<string, string> = {}): Record<string, string> {
  for (const name of fs.readdir(dir)) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = fs.lstat(path)!;
    const meta = `${st.mode.toString(8)} ${st.uid}:${st.gid}`;
    if (st.type === 'dir') {
      out[path] = `dir ${meta}`;
      treeOf(fs, path, out);
    } else if (st.type === 'symlink') out[path] = `link -> ${st.target}`;
    else out[path] = `file ${meta} ${JSON.stringify(fs.readFile(path).toString('latin1'))}`;
  }
  return out;
}

/** Runs `fn` and returns the FsError code it throws (fails the test if it throws anything else or nothing). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof FsError) return err.code;
    throw err;
  }
  throw new Error('expected an FsError');
}
