import { sha256 } from '../images/digest.js';
import type { FileEntry, FsView } from './backend.js';
import type { CopyUnit, Entry } from './copy-sources.js';
import type { Owner } from './users.js';

/**
 * Where copied files land, as a layer. A file goes to the destination itself, or under its own
 * name when the destination is a directory (it ends with `/`, already is one, or several things
 * are copied); a directory's contents go into the destination. Missing parent directories are
 * created (owned by `--chown`). `--chown` and `--chmod` apply to everything copied.
 */
export interface PlaceOptions {
  owner?: Owner;
  mode?: number;
  mtime: number;
}

export function placeUnits(
  fs: FsView,
  units: readonly CopyUnit[],
  dest: string,
  opts: PlaceOptions,
): FileEntry[] {
  const root = cleanAbsolute(dest);
  const intoDir =
    dest.endsWith('/') ||
    units.length > 1 ||
    fs.stat(root)?.type === 'dir' ||
    units.some((u) => u.kind === 'tree');
  const out = new Map<string, FileEntry>();
  const ensureDir = (path: string) => {
    let at = '';
    for (const part of path.split('/').filter(Boolean)) {
      at += `/${part}`;
      if (out.has(at) || fs.stat(at)?.type === 'dir') continue;
      out.set(at, {
        path: at,
        type: 'dir',
        mode: 0o755,
        uid: opts.owner?.uid ?? 0,
        gid: opts.owner?.gid ?? 0,
        mtime: opts.mtime,
      });
    }
  };
  const put = (path: string, entry: Entry) => {
    const placed: FileEntry = { ...entry, path };
    if (opts.owner) {
      placed.uid = opts.owner.uid;
      placed.gid = opts.owner.gid;
    }
    if (opts.mode !== undefined && placed.type !== 'symlink') placed.mode = opts.mode;
    out.set(path, placed);
  };
  for (const unit of units) {
    if (unit.kind === 'file') {
      const target = intoDir ? join(root, unit.name) : root;
      ensureDir(parentOf(target));
      put(target, unit.entry);
      continue;
    }
    ensureDir(root);
    for (const { rel, entry } of unit.entries) {
      const target = join(root, rel);
      ensureDir(parentOf(target));
      put(target, entry);
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The cache identity of a copy: where each file lands, its type, mode, owner and content. */
export function layerDigest(layer: readonly FileEntry[]): string {
  const parts = layer.map((e) =>
    [
      e.path,
      e.type,
      e.mode,
      e.uid,
      e.gid,
      e.target ?? '',
      e.size ?? '',
      e.content ? sha256(e.content) : '',
    ].join('\0'),
  );
  return sha256(parts.join('\n'));
}

export function cleanAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function join(dir: string, name: string): string {
  return cleanAbsolute(`${dir}/${name}`);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}
