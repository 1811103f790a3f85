import { notFound } from '../../api/errors.js';
import type { FileEntry } from '../../fs/files.js';
import { readTar, type TarEntry, writeTar } from '../../fs/tar.js';
import { FsError, type FsView } from '../../fs/view.js';
import type { ContainerService } from './service.js';

function parentOf(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(0, p.lastIndexOf('/')) || '/';
}

function baseName(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1) || '/';
}

/** The tree at `path` in a view as tar entries named from its base name (what `docker cp` sends). */
export function treeToTar(fs: FsView, path: string, follow: boolean): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (at: string, name: string) => {
    const st = follow && at === path ? fs.stat(at) : fs.lstat(at);
    if (!st) return;
    const base = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtime) };
    if (st.type === 'dir') {
      out.push({ path: name, type: 'dir', ...base });
      for (const child of fs.readdir(at)) walk(`${at === '/' ? '' : at}/${child}`, `${name}/${child}`);
    } else if (st.type === 'symlink') {
      out.push({ path: name, type: 'symlink', ...base, target: fs.readlink(at) });
    } else {
      out.push({ path: name, type: 'file', ...base, content: fs.readFile(at) });
    }
  };
  walk(path, baseName(path));
  return out;
}

/** `GET /containers/{id}/archive`: a tar of one path of the container's filesystem. */
export function archiveGet(svc: ContainerService, ref: string, path: string, follow: boolean): Buffer {
  const rec = svc.find(ref);
  const fs = svc.env.view(rec, () => rec.State.Pid || 1);
  if (!fs.lstat(path)) throw notFound(`Could not find the file ${path} in container ${ref}`);
  return writeTar(treeToTar(fs, path, follow));
}

/** `PUT /containers/{id}/archive`: unpacks a tar into a directory of the container's filesystem. */
export function archivePut(svc: ContainerService, ref: string, dir: string, tar: Buffer): void {
  const rec = svc.find(ref);
  const fs = svc.env.view(rec, () => rec.State.Pid || 1);
  const target = fs.stat(dir);
  if (!target) throw notFound(`Could not find the file ${dir} in container ${ref}`);
  if (target.type !== 'dir') throw new FsError('ENOTDIR', dir);
  for (const e of readTar(tar)) {
    const p = `${dir === '/' ? '' : dir.replace(/\/+$/, '')}/${e.path}`;
    if (e.type === 'dir') {
      if (!fs.stat(p)) fs.mkdir(p, { recursive: true, mode: e.mode });
    } else if (e.type === 'symlink') {
      if (fs.lstat(p)) fs.remove(p);
      fs.symlink(e.target ?? '', p);
    } else {
      if (!fs.stat(parentOf(p))) fs.mkdir(parentOf(p), { recursive: true });
      fs.writeFile(p, e.content ?? new Uint8Array(), { mode: e.mode, uid: e.uid, gid: e.gid });
    }
  }
  svc.env.saveLayer(rec);
}

/** `GET /containers/{id}/export`: the container's whole filesystem (its union view) as a tar. */
export function exportContainer(svc: ContainerService, ref: string): Buffer {
  const rec = svc.find(ref);
  const fs = svc.env.union(rec);
  const entries = treeToTar(fs, '/', false)
    .filter((e) => e.path !== '/')
    .map((e) => ({ ...e, path: e.path.replace(/^\/\/?/, '') }));
  return writeTar(entries);
}

/** Entries of an imported tar as a layer's files. */
export function tarLayer(entries: TarEntry[]): FileEntry[] {
  return entries.map((e) => ({
    path: `/${e.path}`,
    type: e.type === 'hardlink' ? 'file' : e.type,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    mtime: e.mtime,
    ...(e.content ? { content: Buffer.from(e.content) } : {}),
    ...(e.target !== undefined && e.type === 'symlink' ? { target: e.target } : {}),
  }));
}
