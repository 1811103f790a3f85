import { resolvePath } from './path.js';
import { hasGlob, matchPattern, unescapePattern } from './pattern.js';
import type { ShellFs } from './types.js';

const join = (base: string, name: string): string =>
  base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pathname expansion: the paths matching a pattern, one directory level per `/`, sorted in
 * byte order (the C locale of a container). Names starting with `.` need a pattern that does.
 * An empty result means the word stays as it was written. `dotDirs`: `.*` also matches `.` and `..`.
 */
export function glob(fs: ShellFs, cwd: string, pattern: string, dotDirs = false): string[] {
  const segs = pattern.split('/');
  let paths = [pattern.startsWith('/') ? '/' : ''];
  for (const seg of segs) {
    if (seg === '') continue;
    const next: string[] = [];
    for (const base of paths) {
      if (!hasGlob(seg)) {
        next.push(join(base, unescapePattern(seg)));
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(resolvePath(cwd, base || '.'));
      } catch {
        continue;
      }
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      // ash and dash let `.*` match `.` and `..`; bash 5.2 skips them.
      const all = dotOk && dotDirs ? ['.', '..', ...names] : names;
      for (const name of [...all].sort(byteOrder)) {
        if (((name === '.' || name === '..') && !dotDirs) || (name.startsWith('.') && !dotOk)) continue;
        if (matchPattern(seg, name, true)) next.push(join(base, name));
      }
    }
    paths = next;
  }
  const dirsOnly = pattern.endsWith('/');
  const out: string[] = [];
  for (const p of paths) {
    const st = fs.stat(resolvePath(cwd, p));
    if (!st || (dirsOnly && st.type !== 'dir')) continue;
    out.push(dirsOnly ? `${p}/` : p);
  }
  return out.sort(byteOrder);
}
