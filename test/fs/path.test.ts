import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basename, comparePaths, dirname, normalizePath } from '../../src/fs/path.js';

describe('path helpers', () => {
  it.each([
    ['/', 'etc', '/etc'],
    ['/usr', '../etc/./x/', '/etc/x'],
    ['/usr/lib', '/var//log/', '/var/log'],
    ['/', '../../..', '/'],
    ['/a/b', '', '/a/b'],
    ['/a/b', '.', '/a/b'],
    ['/a/b', '..', '/a'],
    ['', 'x/y', '/x/y'],
  ])('normalizePath(%j, %j) = %j', (cwd, path, expected) => {
    expect(normalizePath(cwd, path)).toBe(expected);
  });

  it.each([
    ['/a/b', '/a', 'b'],
    ['/a/b/', '/a', 'b'],
    ['/a', '/', 'a'],
    ['/', '/', '/'],
    ['//', '/', '/'],
  ])('dirname/basename of %j', (path, dir, base) => {
    expect(dirname(path)).toBe(dir);
    expect(basename(path)).toBe(base);
  });

  it('comparePaths orders a directory’s subtree before its later siblings', () => {
    const paths = ['/a-b', '/a/b', '/a', '/a.d/x', '/a/b/c', '/ab'];
    expect(paths.sort(comparePaths)).toEqual(['/a', '/a/b', '/a/b/c', '/a-b', '/a.d/x', '/ab']);
  });

  it('normalizePath gives an absolute path without `.`, `..`, `//` or a trailing slash, and is idempotent', () => {
    const part = fc.constantFrom('a', 'b', '.', '..', '', 'c.d');
    const path = fc.array(part, { maxLength: 6 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(path, path, (cwd, p) => {
        const n = normalizePath(`/${cwd}`, p);
        expect(n.startsWith('/')).toBe(true);
        expect(n === '/' || !n.endsWith('/')).toBe(true);
        expect(n.split('/').slice(1)).not.toContain('..');
        expect(n.split('/').slice(1)).not.toContain('.');
        expect(n.includes('//')).toBe(false);
        expect(normalizePath('/elsewhere', n)).toBe(n);
      }),
    );
  });
});
