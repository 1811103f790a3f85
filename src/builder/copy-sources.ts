import { extractArchive } from './archive.js';
import type { FileEntry, FsView } from './backend.js';
import { type BuildContext, cleanRelative, hasWildcards } from './context.js';
import { matchPath } from './glob.js';

/**
 * What one COPY/ADD source stands for: a file (copied under its own name, or as the
 * destination when that is not a directory), or a directory's contents (copied into the
 * destination). Entries are relative to where they land; `path` is filled in later.
 */
export type Entry = Omit<FileEntry, 'path'>;

export type CopyUnit =
  | { kind: 'file'; name: string; entry: Entry }
  | { kind: 'tree'; entries: { rel: string; entry: Entry }[] };

/** A source that is not there: the path as BuildKit quotes it (`/hello.py`). */
export class SourceNotFound extends Error {
  constructor(readonly path: string) {
    super(`"${path}": not found`);
  }
}

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** A source from the build context; `unpack` (ADD) extracts a local tar archive. */
export function contextUnits(ctx: BuildContext, source: string, unpack: boolean, mtime: number): CopyUnit[] {
  const clean = cleanRelative(source);
  if (hasWildcards(clean)) return ctx.glob(clean).flatMap((p) => contextUnit(ctx, p, unpack, mtime) ?? []);
  const unit = contextUnit(ctx, clean, unpack, mtime);
  if (!unit) throw new SourceNotFound(`/${clean}`);
  return [unit];
}

function contextUnit(ctx: BuildContext, path: string, unpack: boolean, mtime: number): CopyUnit | undefined {
  const found = ctx.resolve(path, true);
  if (!found) return undefined;
  const { file } = found;
  if (file.type === 'dir') {
    const entries = ctx.descendants(found.path).map((f) => ({
      rel: found.path === '' ? f.path : f.path.slice(found.path.length + 1),
      entry: fromContext(f, mtime),
    }));
    return { kind: 'tree', entries };
  }
  const entry = fromContext(file, mtime);
  if (unpack && entry.content) {
    const extracted = extractArchive(entry.content);
    if (extracted) return { kind: 'tree', entries: extracted };
  }
  return { kind: 'file', name: baseName(path) || baseName(found.path), entry };
}

function fromContext(
  f: { type: string; mode: number; content?: Uint8Array; target?: string },
  mtime: number,
): Entry {
  const type = f.type === 'dir' ? 'dir' : f.type === 'symlink' ? 'symlink' : 'file';
  const entry: Entry = { type, mode: f.mode & 0o7777, uid: 0, gid: 0, mtime };
  if (type === 'file') entry.content = Buffer.from(f.content ?? new Uint8Array());
  if (type === 'symlink') entry.target = f.target ?? '';
  return entry;
}

/** A source from another stage or an image (`COPY --from=…`). */
export function imageUnits(fs: FsView, source: string): CopyUnit[] {
  const clean = `/${cleanRelative(source)}`;
  if (hasWildcards(clean)) return globFs(fs, clean).flatMap((p) => imageUnit(fs, p) ?? []);
  const unit = imageUnit(fs, clean);
  if (!unit) throw new SourceNotFound(clean);
  return [unit];
}

function imageUnit(fs: FsView, path: string): CopyUnit | undefined {
  const stat = fs.stat(path);
  if (!stat) return undefined;
  if (stat.type !== 'dir') return { kind: 'file', name: baseName(path), entry: fromImage(fs, path, true)! };
  const real = fs.realpath(path);
  const entries: { rel: string; entry: Entry }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdir(dir)) {
      const full = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const childRel = rel ? `${rel}/${name}` : name;
      const entry = fromImage(fs, full, false);
      if (!entry) continue;
      entries.push({ rel: childRel, entry });
      if (entry.type === 'dir') walk(full, childRel);
    }
  };
  walk(real, '');
  return { kind: 'tree', entries };
}

function fromImage(fs: FsView, path: string, follow: boolean): Entry | undefined {
  const st = follow ? fs.stat(path) : fs.lstat(path);
  if (!st) return undefined;
  const entry: Entry = { type: st.type, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
  if (st.type === 'symlink') entry.target = st.target ?? fs.readlink(path);
  if (st.type === 'file') {
    entry.content = fs.readFile(path);
    if (st.size !== entry.content.length) entry.size = st.size;
  }
  return entry;
}

/** Wildcard matching against an image's files, one path segment at a time. */
function globFs(fs: FsView, pattern: string): string[] {
  let paths = ['/'];
  for (const segment of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of paths) {
      if (fs.stat(dir)?.type !== 'dir') continue;
      for (const name of fs.readdir(dir)) {
        if (hasWildcards(segment) ? matchPath(segment, name) : segment === name) {
          next.push(dir === '/' ? `/${name}` : `${dir}/${name}`);
        }
      }
    }
    paths = next;
  }
  return paths;
}

/** Bytes a set of units copies (for the time a COPY takes). */
export function unitBytes(units: readonly CopyUnit[]): number {
  let n = 0;
  for (const u of units) {
    if (u.kind === 'file') n += u.entry.content?.length ?? 0;
    else for (const e of u.entries) n += e.entry.content?.length ?? 0;
  }
  return n;
}
