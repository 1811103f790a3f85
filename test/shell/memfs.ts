import type { FileStat, ShellFs } from '../../src/shell/index.js';

type Entry = { type: 'file'; data: string; mode: number } | { type: 'dir'; mode: number };

const fail = (code: string, path: string): never => {
  throw Object.assign(new Error(`${code}: ${path}`), { code });
};

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';

/** A small in-memory filesystem for shell tests: paths are absolute and normalized. */
export class MemFs implements ShellFs {
  readonly entries = new Map<string, Entry>([['/', { type: 'dir', mode: 0o755 }]]);

  constructor(files: Record<string, string> = {}) {
    for (const [path, data] of Object.entries(files)) {
      if (path.endsWith('/')) this.mkdirp(path.slice(0, -1));
      else this.put(path, data, 0o644);
    }
  }

  mkdirp(path: string): void {
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts) {
      cur += `/${part}`;
      if (!this.entries.has(cur)) this.entries.set(cur, { type: 'dir', mode: 0o755 });
    }
  }

  put(path: string, data: string, mode: number): void {
    this.mkdirp(parentOf(path));
    this.entries.set(path, { type: 'file', data, mode });
  }

  stat(path: string): FileStat | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    return { type: e.type, mode: e.mode, size: e.type === 'file' ? e.data.length : 4096 };
  }

  readFile(path: string): string {
    const e = this.entries.get(path);
    if (!e) return fail('ENOENT', path);
    if (e.type === 'dir') return fail('EISDIR', path);
    return e.data;
  }

  writeFile(path: string, data: string, append: boolean): void {
    const parent = this.entries.get(parentOf(path));
    if (!parent) fail('ENOENT', path);
    if (parent?.type !== 'dir') fail('ENOTDIR', path);
    const e = this.entries.get(path);
    if (e?.type === 'dir') fail('EISDIR', path);
    const old = e?.type === 'file' ? e : undefined;
    this.entries.set(path, {
      type: 'file',
      data: append && old ? old.data + data : data,
      mode: old?.mode ?? 0o644,
    });
  }

  readdir(path: string): string[] {
    const e = this.entries.get(path);
    if (!e) return fail('ENOENT', path);
    if (e.type !== 'dir') return fail('ENOTDIR', path);
    const prefix = path === '/' ? '/' : `${path}/`;
    const names: string[] = [];
    for (const key of this.entries.keys()) {
      if (key !== path && key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
        names.push(key.slice(prefix.length));
    }
    return names;
  }
}
