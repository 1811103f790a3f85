/**
 * Layer fixtures: `{ comment, size, compressedSize, files }`. The file list may use two compact
 * forms that stand for many entries (a BusyBox applet farm, a package's programs), and it lists
 * only the directories that matter; this module expands both so that every consumer sees one
 * plain, sorted list in which each entry's parent directory is present.
 */
import { CatalogError, type CatalogFile, type CatalogLayer, Reader } from './catalog-schema.js';

const DEFAULT_MODE = { file: 0o644, dir: 0o755, program: 0o755, symlink: 0o777, whiteout: 0 } as const;
const MODE = /^[0-7]{3,4}$/;
const NAME = /^[^/]+$/;

export function parseLayer(file: string, name: string, json: unknown): CatalogLayer {
  const r = Reader.root(file, json);
  r.only(['comment', 'size', 'compressedSize', 'files']);
  const files: CatalogFile[] = [];
  for (const e of r.objects('files')) files.push(...expandEntry(e));
  const layer: CatalogLayer = {
    name,
    size: r.int('size'),
    compressedSize: r.int('compressedSize'),
    files: completeTree(file, files),
  };
  const comment = r.optString('comment');
  if (comment !== undefined) layer.comment = comment;
  return layer;
}

function expandEntry(e: Reader): CatalogFile[] {
  const type = e.string('type');
  switch (type) {
    case 'file':
      e.only(['path', 'type', 'content', 'mode', 'uid', 'gid']);
      return [{ ...base(e, 'file', e.string('path')), content: e.has('content') ? e.string('content') : '' }];
    case 'dir':
      e.only(['path', 'type', 'mode', 'uid', 'gid']);
      return [base(e, 'dir', e.string('path'))];
    case 'symlink':
      e.only(['path', 'type', 'target', 'uid', 'gid']);
      return [{ ...base(e, 'symlink', e.string('path')), target: e.string('target', /./, 'a link target') }];
    case 'program':
      e.only(['path', 'type', 'program', 'mode', 'uid', 'gid']);
      return [
        { ...base(e, 'program', e.string('path')), program: e.string('program', /./, 'a program name') },
      ];
    case 'whiteout':
      e.only(['path', 'type']);
      return [base(e, 'whiteout', e.string('path'))];
    case 'symlinks':
      e.only(['type', 'dir', 'target', 'names']);
      return names(e).map((n) => ({
        ...base(e, 'symlink', join(e.string('dir'), n)),
        target: e.string('target', /./, 'a link target').replaceAll('{name}', n),
      }));
    case 'programs':
      e.only(['type', 'dir', 'names', 'program', 'mode', 'uid', 'gid']);
      return names(e).map((n) => ({
        ...base(e, 'program', join(e.string('dir'), n)),
        program: e.string('program', /./, 'a program name').replaceAll('{name}', n),
      }));
    default:
      return e.fail('type', 'expected file, dir, symlink, program, whiteout, symlinks or programs');
  }
}

function names(e: Reader): string[] {
  const list = e.strings('names', true);
  list.forEach((n, i) => {
    if (!NAME.test(n)) e.fail(`names[${i}]`, 'expected a file name without "/"');
  });
  return list;
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function base(e: Reader, type: CatalogFile['type'], path: string): CatalogFile {
  if (!validPath(path))
    e.fail(e.has('path') ? 'path' : 'dir', `"${path}" is not a relative path without . or .. parts`);
  const mode = e.has('mode')
    ? parseInt(e.string('mode', MODE, 'an octal mode such as "0644"'), 8)
    : DEFAULT_MODE[type];
  return { path, type, mode, uid: e.has('uid') ? e.int('uid') : 0, gid: e.has('gid') ? e.int('gid') : 0 };
}

function validPath(p: string): boolean {
  return (
    p !== '' &&
    !p.startsWith('/') &&
    !p.endsWith('/') &&
    p.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

/** Rejects duplicates and entries under a non-directory, adds missing parents, sorts by path. */
function completeTree(file: string, files: CatalogFile[]): CatalogFile[] {
  const byPath = new Map<string, CatalogFile>();
  for (const f of files) {
    if (byPath.has(f.path)) throw new CatalogError(`${file}: files: "${f.path}" is listed twice`);
    byPath.set(f.path, f);
  }
  for (const f of files) {
    let i = f.path.lastIndexOf('/');
    while (i > 0) {
      const parent = f.path.slice(0, i);
      const existing = byPath.get(parent);
      if (existing && existing.type !== 'dir') {
        throw new CatalogError(
          `${file}: files: "${f.path}" lies under "${parent}", which is a ${existing.type}`,
        );
      }
      if (!existing) byPath.set(parent, { path: parent, type: 'dir', mode: 0o755, uid: 0, gid: 0 });
      i = parent.lastIndexOf('/');
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
