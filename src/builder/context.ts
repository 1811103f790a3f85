import type { ContextFile } from '../api/images.js';
import { matchPath } from './glob.js';

/**
 * The build context as the builder sees it: the files the client sent (after .dockerignore),
 * addressed by clean paths relative to its root. Lookups can never leave it: `..` stops at the
 * root and a symlink is resolved inside the context (an absolute target counts from the context's
 * root), as BuildKit's scoped file access does.
 */
export class BuildContext {
  private readonly files = new Map<string, ContextFile>();

  constructor(list: readonly ContextFile[]) {
    for (const f of list) {
      const path = cleanRelative(f.path);
      if (path === '') continue;
      this.files.set(path, { ...f, path });
    }
    for (const path of [...this.files.keys()]) {
      for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
        if (!this.files.has(dir)) this.files.set(dir, { path: dir, type: 'dir', mode: 0o755 });
      }
    }
  }

  /** The entry at a clean path, without following a final symlink. `''` is the root directory. */
  lstat(path: string): ContextFile | undefined {
    if (path === '') return { path: '', type: 'dir', mode: 0o755 };
    return this.files.get(path);
  }

  /** Resolves symlinks along the path (and at its end when `follow`). Undefined when missing. */
  resolve(path: string, follow = true): { path: string; file: ContextFile } | undefined {
    let parts = cleanRelative(path).split('/').filter(Boolean);
    let resolved: string[] = [];
    for (let hops = 0; parts.length > 0; ) {
      const name = parts.shift()!;
      const candidate = [...resolved, name].join('/');
      const file = this.files.get(candidate);
      if (!file) return undefined;
      const last = parts.length === 0;
      if (file.type === 'symlink' && (follow || !last)) {
        if (++hops > 40) return undefined;
        const target = file.target ?? '';
        const base = target.startsWith('/') ? [] : resolved;
        const next = cleanRelative([...base, target].join('/'));
        parts = [...next.split('/').filter(Boolean), ...parts];
        resolved = [];
        continue;
      }
      resolved.push(name);
    }
    const at = resolved.join('/');
    const file = this.lstat(at);
    return file ? { path: at, file } : undefined;
  }

  /** Everything below a directory, parents before children, in path order. */
  descendants(dir: string): ContextFile[] {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...this.files.values()]
      .filter((f) => f.path.startsWith(prefix) && f.path !== dir)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Paths a wildcard source matches (`*.py`, `src/*.js`), in path order. */
  glob(pattern: string): string[] {
    const clean = cleanRelative(pattern);
    return [...this.files.keys()].filter((p) => matchPath(clean, p)).sort();
  }

  /** The bytes BuildKit reports as `transferring context:` for the files a build reads. */
  size(): number {
    let total = 0;
    for (const f of this.files.values()) total += (f.content?.length ?? 0) + f.path.length + 32;
    return total;
  }

  get(path: string): ContextFile | undefined {
    return this.files.get(cleanRelative(path));
  }
}

/** `./a//b/../c/` → `a/c`; `..` never climbs above the root. */
export function cleanRelative(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Characters that make a COPY source a pattern. */
export function hasWildcards(path: string): boolean {
  return /[*?[]/.test(path);
}
