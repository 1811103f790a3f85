import { type FileEntry, OPAQUE_MARKER, whiteoutPath } from './files.js';
import { readTar, type TarEntry, writeTar } from './tar.js';

/** A layer's files as the tar whose sha256 is the layer's DiffID (sorted, so digests are stable). */
export function layerToTar(files: FileEntry[]): Buffer {
  const entries: TarEntry[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    const rel = f.path.replace(/^\/+/, '');
    const base = { mode: f.mode, uid: f.uid, gid: f.gid, mtime: f.mtime };
    if (f.type === 'whiteout') {
      entries.push({
        path: whiteoutPath(`/${rel}`).slice(1),
        type: 'file',
        ...base,
        mode: 0,
        content: new Uint8Array(),
      });
    } else if (f.type === 'opaque') {
      entries.push({ path: `${rel}/`, type: 'dir', ...base });
      entries.push({
        path: `${rel}/${OPAQUE_MARKER}`,
        type: 'file',
        ...base,
        mode: 0,
        content: new Uint8Array(),
      });
    } else if (f.type === 'dir') {
      entries.push({ path: rel, type: 'dir', ...base });
    } else if (f.type === 'symlink') {
      entries.push({ path: rel, type: 'symlink', ...base, target: f.target ?? '' });
    } else {
      entries.push({ path: rel, type: 'file', ...base, content: f.content ?? new Uint8Array() });
    }
  }
  return writeTar(entries.map((e) => ({ ...e, path: e.path.replace(/\/$/, '') })));
}

/** Reads a layer tar back into file entries, turning whiteout files into deletions. */
export function tarToLayer(data: Uint8Array): FileEntry[] {
  const out: FileEntry[] = [];
  for (const e of readTar(data)) {
    const path = `/${e.path}`;
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const base = { mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (name === OPAQUE_MARKER) {
      const dir = path.slice(0, slash) || '/';
      const existing = out.find((f) => f.path === dir);
      if (existing) existing.type = 'opaque';
      else out.push({ path: dir, type: 'opaque', ...base, mode: 0o755 });
    } else if (name.startsWith('.wh.')) {
      out.push({ path: `${path.slice(0, slash + 1)}${name.slice(4)}`, type: 'whiteout', ...base });
    } else if (e.type === 'dir') {
      out.push({ path, type: 'dir', ...base });
    } else if (e.type === 'symlink') {
      out.push({ path, type: 'symlink', ...base, target: e.target ?? '' });
    } else if (e.type === 'hardlink') {
      const source = out.find((f) => f.path === `/${(e.target ?? '').replace(/^\/+/, '')}`);
      out.push({ path, type: 'file', ...base, content: source?.content ?? Buffer.alloc(0) });
    } else {
      out.push({ path, type: 'file', ...base, content: Buffer.from(e.content ?? new Uint8Array()) });
    }
  }
  return out;
}
