import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BindFs } from '../../src/engine/volumes/bindfs.js';
import { FsError } from '../../src/fs/view.js';

/**
 * The bind-mount boundary: a container reaches the host only below the directory it was
 * given, whatever path it uses (`..`, absolute and relative symlinks, chains, renames).
 */
let base: string;
let root: string;
let outside: string;
const SECRET = 'TOP-SECRET-HOST-FILE';

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      out.push(
        `${full}:${e.isDirectory() ? 'd' : e.isSymbolicLink() ? `l>${fs.readlinkSync(full)}` : fs.readFileSync(full, 'utf8')}`,
      );
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bindfs-')));
  root = path.join(base, 'mount');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'sub', 'deep'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(root, 'hello.txt'), 'hello');
  fs.writeFileSync(path.join(root, 'sub', 'deep', 'inner.txt'), 'inner');
  // Traps a host (or an earlier container) could have left in the mounted folder.
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'abs-secret'));
  fs.symlinkSync('../outside/secret.txt', path.join(root, 'rel-secret'));
  fs.symlinkSync(outside, path.join(root, 'abs-dir'));
  fs.symlinkSync('../outside', path.join(root, 'rel-dir'));
  fs.symlinkSync('rel-dir', path.join(root, 'chain1'));
  fs.symlinkSync('chain1/secret.txt', path.join(root, 'chain2'));
  fs.symlinkSync('/hello.txt', path.join(root, 'abs-inside'));
  fs.symlinkSync('loop-b', path.join(root, 'loop-a'));
  fs.symlinkSync('loop-a', path.join(root, 'loop-b'));
});

afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

describe('BindFs', () => {
  it('reads and writes below its root', () => {
    const b = new BindFs(root);
    expect(b.readFile('/hello.txt').toString()).toBe('hello');
    expect(b.readFile('sub/deep/../deep/inner.txt').toString()).toBe('inner');
    b.writeFile('/new.txt', 'x');
    expect(fs.readFileSync(path.join(root, 'new.txt'), 'utf8')).toBe('x');
    b.mkdir('/a/b/c', { recursive: true });
    expect(fs.statSync(path.join(root, 'a/b/c')).isDirectory()).toBe(true);
    expect(b.readdir('/')).toContain('hello.txt');
    expect(b.stat('/sub')?.type).toBe('dir');
  });

  it('resolves absolute symlinks from the mount root, never the host root', () => {
    const b = new BindFs(root);
    expect(b.readFile('/abs-inside').toString()).toBe('hello');
    // /…/outside/secret.txt taken from the mount's root does not exist there.
    expect(() => b.readFile('/abs-secret')).toThrow(FsError);
    expect(b.stat('/abs-dir')).toBeUndefined();
  });

  it('keeps `..` and relative symlinks from climbing above the root', () => {
    const b = new BindFs(root);
    expect(() => b.readFile('/../outside/secret.txt')).toThrow(FsError);
    expect(b.readFile('/../../../hello.txt').toString()).toBe('hello');
    expect(() => b.readFile('/rel-secret')).toThrow(FsError);
    expect(() => b.readFile('/chain2')).toThrow(FsError);
    // `rel-dir` leads to /outside of the mount, which does not exist: `..` cannot step back.
    expect(() => b.readdir('/rel-dir/..')).toThrowError(expect.objectContaining({ code: 'ENOENT' }));
    expect(b.realpath('/sub/../../..')).toBe('/');
  });

  it('reports symlink loops as ELOOP', () => {
    const b = new BindFs(root);
    expect(() => b.readFile('/loop-a')).toThrowError(expect.objectContaining({ code: 'ELOOP' }));
  });

  it('writes through a symlink land inside the root', () => {
    const b = new BindFs(root);
    expect(() => b.writeFile('/abs-secret', 'overwritten?')).toThrow(FsError);
    expect(() => b.writeFile('/rel-dir/secret.txt', 'no')).toThrow(FsError);
    expect(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe(SECRET);
    fs.symlinkSync('/made-here.txt', path.join(root, 'dangling'));
    b.writeFile('/dangling', 'inside');
    expect(fs.readFileSync(path.join(root, 'made-here.txt'), 'utf8')).toBe('inside');
  });

  it('cannot rename or remove anything out of the root', () => {
    const b = new BindFs(root);
    b.rename('/hello.txt', '/../../moved.txt');
    expect(fs.existsSync(path.join(base, 'moved.txt'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'moved.txt'))).toBe(true);
    b.remove('/abs-dir');
    expect(fs.existsSync(path.join(outside, 'secret.txt'))).toBe(true);
    expect(() => b.remove('/')).toThrow(FsError);
  });

  it('is read-only with :ro', () => {
    const b = new BindFs(root, true);
    expect(() => b.writeFile('/x', 'y')).toThrowError(expect.objectContaining({ code: 'EROFS' }));
    expect(() => b.mkdir('/d')).toThrowError(expect.objectContaining({ code: 'EROFS' }));
    expect(b.readFile('/hello.txt').toString()).toBe('hello');
  });

  it('mounts a single file', () => {
    const b = new BindFs(path.join(root, 'hello.txt'));
    expect(b.readFile('/').toString()).toBe('hello');
    expect(() => b.readdir('/')).toThrow(FsError);
  });

  it('never reads or changes the host outside its root, whatever the path (property)', () => {
    const parts = fc.constantFrom(
      '..',
      '.',
      '',
      'sub',
      'deep',
      'abs-secret',
      'rel-secret',
      'abs-dir',
      'rel-dir',
      'chain1',
      'chain2',
      'loop-a',
      'outside',
      'secret.txt',
      'hello.txt',
      'new',
      base.slice(1),
    );
    const hostile = fc.array(parts, { minLength: 1, maxLength: 8 }).map((p) => `/${p.join('/')}`);
    const before = snapshot(outside);
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.constantFrom('read', 'write', 'mkdir', 'rename', 'remove', 'symlink', 'chmod'),
        (a, b2, op) => {
          const b = new BindFs(root);
          try {
            switch (op) {
              case 'read':
                expect(b.readFile(a).toString()).not.toContain(SECRET);
                break;
              case 'write':
                b.writeFile(a, 'pwned');
                break;
              case 'mkdir':
                b.mkdir(a, { recursive: true });
                break;
              case 'rename':
                b.rename(a, b2);
                break;
              case 'remove':
                b.remove(a, { recursive: true });
                break;
              case 'symlink':
                b.symlink(b2, a);
                break;
              default:
                b.chmod(a, 0o777);
            }
          } catch (e) {
            if (!(e instanceof FsError)) throw e;
          }
          expect(snapshot(outside)).toEqual(before);
          expect(fs.readdirSync(base).sort()).toEqual(['mount', 'outside']);
        },
      ),
      { numRuns: 400 },
    );
  });
});
