/**
 * Path strings inside a container: absolute, `/`-separated, no trailing slash (except `/` itself).
 * These helpers only fold text; symlinks are the filesystem's business (`UnionFs.realpath`).
 */

/** The non-empty components of a path (`/a//b/` → `['a', 'b']`); `.` and `..` are kept. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/**
 * `path` made absolute against `cwd`, with `.` and `..` folded as text (`..` at the root stays
 * at the root) and without a trailing slash: `normalizePath('/usr', '../etc/./x/')` → `/etc/x`.
 */
export function normalizePath(cwd: string, path: string): string {
  const parts = path.startsWith('/') ? [] : splitPath(cwd);
  const out: string[] = [];
  for (const part of [...parts, ...splitPath(path)]) {
    if (part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** `/a/b` → `/a`; `/a` → `/`; `/` → `/`. Trailing slashes are ignored. */
export function dirname(path: string): string {
  const trimmed = trimTrailing(path);
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** `/a/b` → `b`; `/a/b/` → `b`; `/` → `/`. */
export function basename(path: string): string {
  const trimmed = trimTrailing(path);
  if (trimmed === '/') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** A name appended to a directory path: `joinPath('/', 'etc')` → `/etc`. */
export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Whether `path` lies strictly below `dir` (both normalized). */
export function isBelow(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);
}

/** How many components a normalized path has (`/` → 0, `/a/b` → 2). */
export function pathDepth(path: string): number {
  return path === '/' ? 0 : splitPath(path).length;
}

/**
 * Orders normalized paths the way a directory walk meets them: component by component, so a
 * directory's subtree follows it at once (`/a`, `/a/b`, `/a-b`), which is the order `docker diff`
 * prints. Comparing with `/` counted as the lowest character gives exactly that order.
 */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (x === SLASH ? 0 : x) - (y === SLASH ? 0 : y);
  }
  return a.length - b.length;
}

const SLASH = 47;

function trimTrailing(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' && path.startsWith('/') ? '/' : trimmed;
}
