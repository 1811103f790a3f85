import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BindFs } from '../../src/engine/volumes/bindfs.js';
import { MountTableFs } from '../../src/engine/volumes/mountfs.js';
import type { FileEntry } from '../../src/fs/files.js';
import { UnionFs } from '../../src/fs/union.js';
import { FsError } from '../../src/fs/view.js';

const dir = (p: string): FileEntry => ({ path: p, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
const file = (p: string, c: string): FileEntry => ({
  path: p,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 0,
  content: Buffer.from(c),
});
const link = (p: string, t: string): FileEntry => ({
  path: p,
  type: 'symlink',
  mode: 0o777,
  uid: 0,
  gid: 0,
  mtime: 0,
  target: t,
});

let base: string;
let host: string;

beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mountfs-')));
  host = path.join(base, 'app');
  fs.mkdirSync(host);
  fs.writeFileSync(path.join(base, 'secret'), 'HOST SECRET');
  fs.writeFileSync(path.join(host, 'index.html'), '<h1>app</h1>');
  fs.symlinkSync('/etc/passwd', path.join(host, 'passwd'));
  fs.symlinkSync('../secret', path.join(host, 'up'));
});

afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function container() {
  const rootfs = new UnionFs([
    [
      dir('/etc'),
      file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'),
      dir('/data'),
      file('/data/from-image', 'image'),
      dir('/app'),
      link('/link-to-data', '/data'),
    ],
  ]);
  const volume = new UnionFs([], [dir('/'), file('/in-volume', 'vol')]);
  return {
    volume,
    fs: new MountTableFs(rootfs, [
      { target: '/data', fs: volume, readOnly: false },
      { target: '/app', fs: new BindFs(host), readOnly: false },
      { target: '/ro', fs: new UnionFs([], [dir('/')]), readOnly: true },
    ]),
  };
}

describe('MountTableFs', () => {
  it('sends paths under a mount point to the mounted filesystem', () => {
    const { fs: view, volume } = container();
    expect(view.readdir('/data')).toEqual(['in-volume']);
    expect(view.readFile('/link-to-data/in-volume').toString()).toBe('vol');
    view.writeFile('/data/new', 'x');
    expect(volume.readFile('/new').toString()).toBe('x');
    expect(view.readFile('/app/index.html').toString()).toBe('<h1>app</h1>');
    expect(view.readdir('/')).toContain('ro');
  });

  it("follows a bind mount's symlinks in the container's namespace", () => {
    const { fs: view } = container();
    // /etc/passwd of the container, not of the host.
    expect(view.readFile('/app/passwd').toString()).toBe('root:x:0:0:root:/root:/bin/sh\n');
    // `..` out of /app is the container's root, where there is no `secret`.
    expect(() => view.readFile('/app/up')).toThrow(FsError);
    expect(view.realpath('/app/../etc')).toBe('/etc');
  });

  it('refuses writes to read-only mounts and moves across mounts', () => {
    const { fs: view } = container();
    expect(() => view.writeFile('/ro/x', 'y')).toThrowError(expect.objectContaining({ code: 'EROFS' }));
    expect(() => view.rename('/data/in-volume', '/app/moved')).toThrowError(
      expect.objectContaining({ code: 'EXDEV' }),
    );
    expect(() => view.remove('/data')).toThrowError(expect.objectContaining({ code: 'EBUSY' }));
  });

  it('never reaches the host outside a bind source (property)', () => {
    const part = fc.constantFrom(
      '..',
      '.',
      'app',
      'up',
      'passwd',
      'secret',
      'data',
      'link-to-data',
      'etc',
      base.slice(1),
    );
    const hostile = fc.array(part, { minLength: 1, maxLength: 7 }).map((p) => `/${p.join('/')}`);
    fc.assert(
      fc.property(hostile, fc.boolean(), (p, write) => {
        const { fs: view } = container();
        try {
          if (write) view.writeFile(p, 'pwned');
          else expect(view.readFile(p).toString()).not.toContain('HOST SECRET');
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
        }
        expect(fs.readFileSync(path.join(base, 'secret'), 'utf8')).toBe('HOST SECRET');
        expect(fs.readdirSync(base).sort()).toEqual(['app', 'secret']);
      }),
      { numRuns: 300 },
    );
  });
});
