import { describe, expect, it } from 'vitest';
import { layerToTar, tarToLayer } from '../../src/fs/layer-tar.js';
import { UnionFs } from '../../src/fs/union.js';
import { baseLayer, codeOf, dir, file, link, manualClock, opaque, T0, treeOf, whiteout } from './builders.js';

const entryAt = (fs: UnionFs, path: string) => fs.upperEntries().find((e) => e.path === path);

describe('UnionFs: lower layers', () => {
  it('stacks layers: whiteouts hide files and whole directories', () => {
    const fs = new UnionFs([baseLayer(), [whiteout('/etc/motd'), whiteout('/etc/apt')]], []);
    expect(fs.readdir('/etc')).toEqual(['hostname', 'passwd']);
    expect(fs.stat('/etc/motd')).toBeUndefined();
    expect(fs.stat('/etc/apt/sources.list')).toBeUndefined();
    expect(codeOf(() => fs.readFile('/etc/motd'))).toBe('ENOENT');
  });

  it('an opaque directory hides the lower children but keeps its own, in any order', () => {
    const layer2 = [file('/var/log/new.log', 'x'), opaque('/var/log')];
    const fs = new UnionFs([baseLayer(), layer2], []);
    expect(fs.readdir('/var/log')).toEqual(['new.log']);
  });

  it('a file over a directory replaces its subtree; a later layer can bring a path back', () => {
    const fs = new UnionFs([baseLayer(), [file('/home/app', 'now a file')], [file('/etc/motd', 'v2')]], []);
    expect(fs.stat('/home/app')?.type).toBe('file');
    expect(codeOf(() => fs.readdir('/home/app'))).toBe('ENOTDIR');
    expect(fs.readFile('/etc/motd').toString()).toBe('v2');
  });

  it('directories a layer implies but does not list exist (mode 755)', () => {
    const fs = new UnionFs([[file('/opt/app/run.sh', 'echo')]], []);
    expect(fs.readdir('/')).toEqual(['opt']);
    expect(fs.stat('/opt/app')).toMatchObject({ type: 'dir', mode: 0o755 });
  });

  it('stat of a program reports the size it stands for; directories report 4096', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(fs.stat('/usr/bin/bash')).toMatchObject({ type: 'file', mode: 0o755, size: 1_265_648 });
    expect(fs.stat('/etc')?.size).toBe(4096);
    expect(fs.lstat('/bin')).toMatchObject({ type: 'symlink', target: 'usr/bin', size: 7 });
  });
});

describe('UnionFs: paths and symlinks', () => {
  const fs = new UnionFs(
    [
      [
        ...baseLayer(),
        link('/loop1', 'loop2'),
        link('/loop2', '/loop1'),
        link('/self', 'self/x'),
        link('/usr/local/bin/python3', '/usr/bin/bash'),
        link('/etc/up', '../../../../etc/passwd'),
        link('/dangling', '/nowhere/file'),
      ],
    ],
    [],
  );

  it('absolute and relative symlinks resolve inside the view (merged /usr)', () => {
    expect(fs.realpath('/bin/sh')).toBe('/usr/bin/bash');
    expect(fs.stat('/bin/bash')?.size).toBe(1_265_648);
    expect(fs.realpath('/usr/local/bin/python3')).toBe('/usr/bin/bash');
    expect(fs.readdir('/bin')).toEqual(['bash', 'sh']);
    // `..` after a symlink leaves the directory the link led to, as in the kernel.
    expect(fs.realpath('/bin/../lib')).toBe('/usr/lib');
    expect(codeOf(() => fs.realpath('/bin/../etc'))).toBe('ENOENT');
  });

  it('`..` never climbs above the root', () => {
    expect(fs.realpath('/../../etc')).toBe('/etc');
    expect(fs.readdir('/..')).toEqual(fs.readdir('/'));
    expect(fs.readFile('/etc/up').toString()).toContain('root:x:0:0');
  });

  it('symlink loops give ELOOP; stat says nothing is there, lstat sees the link', () => {
    expect(codeOf(() => fs.readFile('/loop1'))).toBe('ELOOP');
    expect(codeOf(() => fs.readdir('/self'))).toBe('ELOOP');
    expect(fs.stat('/loop1')).toBeUndefined();
    expect(fs.lstat('/loop1')?.type).toBe('symlink');
    expect(fs.readlink('/loop1')).toBe('loop2');
  });

  it('a non-directory in the middle or before a trailing slash gives ENOTDIR', () => {
    expect(codeOf(() => fs.readFile('/etc/motd/'))).toBe('ENOTDIR');
    expect(codeOf(() => fs.readFile('/etc/motd/x'))).toBe('ENOTDIR');
    expect(codeOf(() => fs.readdir('/etc/motd'))).toBe('ENOTDIR');
    expect(fs.stat('/etc/motd/')).toBeUndefined();
    expect(fs.stat('/etc/')?.type).toBe('dir');
  });

  it('reports the errno of each failed read', () => {
    expect(codeOf(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(codeOf(() => fs.readlink('/etc/motd'))).toBe('EINVAL');
    expect(codeOf(() => fs.realpath('/dangling'))).toBe('ENOENT');
    expect(codeOf(() => fs.readdir('/nope'))).toBe('ENOENT');
    expect(codeOf(() => fs.readFile(''))).toBe('ENOENT');
  });

  it('writing through a dangling symlink creates its target; writing via /bin lands in /usr/bin', () => {
    const w = new UnionFs([[...baseLayer(), link('/etc/alias', '/etc/real')]], []);
    w.writeFile('/etc/alias', 'x');
    expect(w.readFile('/etc/real').toString()).toBe('x');
    w.writeFile('/bin/tool', 'y', { mode: 0o755 });
    expect(w.lstat('/usr/bin/tool')).toMatchObject({ type: 'file', mode: 0o755 });
  });
});

describe('UnionFs: writes', () => {
  it('new files get 0644 (dirs 0755), the owner given or root, and mtime = now', () => {
    const clock = manualClock(1_750_000_000_500);
    const fs = new UnionFs([baseLayer()], [], { now: clock.now });
    fs.writeFile('/srv.txt', 'a', { uid: 33, gid: 44 });
    fs.mkdir('/data/x/y', { recursive: true });
    expect(fs.stat('/srv.txt')).toMatchObject({ mode: 0o644, uid: 33, gid: 44, mtime: 1_750_000_000.5 });
    expect(fs.stat('/data/x')).toMatchObject({ type: 'dir', mode: 0o755, uid: 0 });
  });

  it('the first write to a lower file copies it up with its metadata', () => {
    const clock = manualClock();
    const fs = new UnionFs([baseLayer()], [], { now: clock.now });
    fs.writeFile('/home/app/.profile', 'export X=1\n', { append: true, mode: 0o777, uid: 5 });
    expect(fs.stat('/home/app/.profile')).toMatchObject({ mode: 0o600, uid: 1000, gid: 1000 });
    expect(fs.readFile('/home/app/.profile').toString()).toBe('PATH=$PATH\nexport X=1\n');
    expect(fs.upperEntries().map((e) => `${e.type} ${e.path}`)).toEqual([
      'dir /home',
      'dir /home/app',
      'file /home/app/.profile',
    ]);
    expect(entryAt(fs, '/home/app')).toMatchObject({ mode: 0o750, uid: 1000, gid: 1000, mtime: T0 });
  });

  it('chmod of a program copies it up and keeps the size it stands for', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.chmod('/bin/bash', 0o700);
    expect(fs.stat('/usr/bin/bash')).toMatchObject({ mode: 0o700, size: 1_265_648 });
    expect(entryAt(fs, '/usr/bin/bash')?.size).toBe(1_265_648);
    fs.chown('/etc/motd', 7, 8);
    fs.utimes('/etc/motd', 42);
    expect(fs.stat('/etc/motd')).toMatchObject({ uid: 7, gid: 8, mtime: 42 });
  });

  it('deleting a lower file records a whiteout; deleting an upper-only file leaves nothing', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.remove('/etc/motd');
    fs.writeFile('/tmp/scratch', 'x');
    fs.remove('/tmp/scratch');
    expect(entryAt(fs, '/etc/motd')?.type).toBe('whiteout');
    expect(entryAt(fs, '/tmp/scratch')).toBeUndefined();
    expect(fs.readdir('/etc')).not.toContain('motd');
  });

  it('rmdir of a non-empty directory needs recursive; / cannot go', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(codeOf(() => fs.remove('/etc/apt'))).toBe('ENOTEMPTY');
    fs.remove('/etc/apt', { recursive: true });
    expect(fs.stat('/etc/apt')).toBeUndefined();
    expect(codeOf(() => fs.remove('/', { recursive: true }))).toBe('EBUSY');
    expect(codeOf(() => fs.remove('/etc/nothing'))).toBe('ENOENT');
  });

  it('a directory removed and made again is opaque: the old files stay hidden', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.remove('/etc/apt', { recursive: true });
    fs.mkdir('/etc/apt');
    fs.writeFile('/etc/apt/new.list', 'x');
    expect(fs.readdir('/etc/apt')).toEqual(['new.list']);
    expect(entryAt(fs, '/etc/apt')?.type).toBe('opaque');
  });

  it('mkdir: EEXIST, ENOENT without -p, ENOTDIR through a file; -p follows symlinks', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(codeOf(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(codeOf(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(codeOf(() => fs.mkdir('/etc/motd/x', { recursive: true }))).toBe('ENOTDIR');
    expect(codeOf(() => fs.mkdir('/etc/motd', { recursive: true }))).toBe('EEXIST');
    fs.mkdir('/bin/sub/dir', { recursive: true, mode: 0o700 });
    expect(fs.stat('/usr/bin/sub/dir')?.mode).toBe(0o700);
    expect(fs.stat('/usr/bin/sub')?.mode).toBe(0o755);
    fs.mkdir('/etc', { recursive: true });
  });

  it('symlink: creates a link and refuses an existing name', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.symlink('/etc/hostname', '/etc/name');
    expect(fs.readFile('/etc/name').toString()).toBe('debian\n');
    expect(codeOf(() => fs.symlink('x', '/etc/motd'))).toBe('EEXIST');
  });

  it('writeFile: EISDIR on directories and trailing slashes, ENOENT for a missing parent', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(codeOf(() => fs.writeFile('/etc', 'x'))).toBe('EISDIR');
    expect(codeOf(() => fs.writeFile('/new/', 'x'))).toBe('EISDIR');
    expect(codeOf(() => fs.writeFile('/nope/f', 'x'))).toBe('ENOENT');
  });

  it('two views over the same lower layers never see each other’s writes', () => {
    const lowers = [baseLayer()];
    const a = new UnionFs(lowers, []);
    const b = new UnionFs(lowers, []);
    const before = treeOf(b);
    a.writeFile('/etc/motd', 'changed', { append: true });
    a.chmod('/etc/passwd', 0o600);
    a.remove('/var/log', { recursive: true });
    a.rename('/etc/apt', '/etc/apt.old');
    a.readFile('/etc/hostname').fill(0);
    expect(treeOf(b)).toEqual(before);
    expect(treeOf(new UnionFs(lowers, []))).toEqual(before);
    expect(lowers[0]!.find((e) => e.path === '/etc/passwd')?.mode).toBe(0o644);
  });
});

describe('UnionFs: rename', () => {
  it('moves a lower file: copy at the new name, whiteout at the old one, metadata kept', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.rename('/home/app/.profile', '/home/app/profile.bak');
    expect(fs.readdir('/home/app')).toEqual(['profile.bak']);
    expect(fs.stat('/home/app/profile.bak')).toMatchObject({ mode: 0o600, uid: 1000, mtime: T0 });
    expect(entryAt(fs, '/home/app/.profile')?.type).toBe('whiteout');
  });

  it('moves a lower directory with its contents', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.rename('/etc/apt', '/opt');
    expect(treeOf(fs, '/opt')).toEqual({ '/opt/sources.list': expect.stringContaining('bookworm') });
    expect(fs.stat('/etc/apt')).toBeUndefined();
  });

  it('replaces a file, or an empty directory (which becomes opaque over a lower one)', () => {
    const fs = new UnionFs([[...baseLayer(), dir('/srv/www'), file('/srv/www/old.html', 'old')]], []);
    fs.rename('/etc/hostname', '/etc/motd');
    expect(fs.readFile('/etc/motd').toString()).toBe('debian\n');
    fs.remove('/srv/www/old.html');
    fs.rename('/etc/apt', '/srv/www');
    expect(fs.readdir('/srv/www')).toEqual(['sources.list']);
    expect(entryAt(fs, '/srv/www')?.type).toBe('opaque');
  });

  it('refuses what rename(2) refuses', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(codeOf(() => fs.rename('/nope', '/x'))).toBe('ENOENT');
    expect(codeOf(() => fs.rename('/etc', '/etc/apt/inner'))).toBe('EINVAL');
    expect(codeOf(() => fs.rename('/etc/apt', '/etc/motd'))).toBe('ENOTDIR');
    expect(codeOf(() => fs.rename('/etc/motd', '/etc/apt'))).toBe('EISDIR');
    expect(codeOf(() => fs.rename('/var', '/etc'))).toBe('ENOTEMPTY');
    expect(codeOf(() => fs.rename('/etc/motd', '/none/x'))).toBe('ENOENT');
    expect(codeOf(() => fs.rename('/', '/x'))).toBe('EBUSY');
    fs.rename('/etc/motd', '/etc/../etc/motd');
    expect(fs.upperEntries()).toEqual([]);
  });

  it('renames a symlink itself, not its target', () => {
    const fs = new UnionFs([baseLayer()], []);
    fs.rename('/bin', '/bin.old');
    expect(fs.lstat('/bin.old')?.target).toBe('usr/bin');
    expect(fs.stat('/usr/bin')?.type).toBe('dir');
  });
});

describe('UnionFs: read-only and limits', () => {
  it('readOnly (docker run --read-only) makes every write EROFS', () => {
    const fs = new UnionFs([baseLayer()], [], { readOnly: true });
    const writes: (() => void)[] = [
      () => fs.writeFile('/f', 'x'),
      () => fs.writeFile('/etc/motd', 'x'),
      () => fs.mkdir('/d'),
      () => fs.mkdir('/d/e', { recursive: true }),
      () => fs.remove('/etc/motd'),
      () => fs.symlink('x', '/l'),
      () => fs.rename('/etc/motd', '/m'),
      () => fs.chmod('/etc', 0o700),
      () => fs.chown('/etc', 1, 1),
      () => fs.utimes('/etc', 1),
    ];
    for (const write of writes) expect(codeOf(write)).toBe('EROFS');
    expect(fs.readFile('/etc/motd').toString()).toBe('welcome\n');
    expect(fs.upperEntries()).toEqual([]);
  });

  it('a write past maxFileSize fails with ENOSPC and leaves the file as it was', () => {
    const fs = new UnionFs([baseLayer()], [], { limits: { maxFileSize: 10 } });
    fs.writeFile('/f', '0123456789');
    expect(codeOf(() => fs.writeFile('/f', 'x', { append: true }))).toBe('ENOSPC');
    expect(fs.readFile('/f').toString()).toBe('0123456789');
  });

  it('`yes > /f` stops at maxTotalBytes (copied-up files count too)', () => {
    const fs = new UnionFs([baseLayer()], [], { limits: { maxTotalBytes: 1000 } });
    const line = 'y\n'.repeat(64);
    let written = 0;
    const code = codeOf(() => {
      for (;;) {
        fs.writeFile('/f', line, { append: true });
        written += line.length;
      }
    });
    expect(code).toBe('ENOSPC');
    expect(written).toBeLessThanOrEqual(1000);
    expect(fs.stat('/f')?.size).toBe(written);
    fs.remove('/f');
    fs.writeFile('/g', 'x'.repeat(990));
    expect(codeOf(() => fs.chmod('/etc/passwd', 0o600))).toBe('ENOSPC');
  });

  it('paths deeper than maxDepth give ENAMETOOLONG', () => {
    const fs = new UnionFs([baseLayer()], [], { limits: { maxDepth: 4 } });
    fs.mkdir('/a/b/c/d', { recursive: true });
    expect(codeOf(() => fs.mkdir('/a/b/c/d/e'))).toBe('ENAMETOOLONG');
    expect(codeOf(() => fs.writeFile('/a/b/c/d/f', 'x'))).toBe('ENAMETOOLONG');
    fs.mkdir('/x/y', { recursive: true });
    expect(codeOf(() => fs.rename('/a', '/x/y/a'))).toBe('ENAMETOOLONG');
  });
});

describe('UnionFs: the writable layer', () => {
  it('upperEntries() given as the upper of a new view gives the same view and changes', () => {
    const clock = manualClock();
    const lowers = [baseLayer(), [whiteout('/var/log/dpkg.log'), file('/var/log/new.log', 'n')]];
    const fs = new UnionFs(lowers, [], { now: clock.now });
    fs.writeFile('/etc/motd', 'bye\n');
    fs.remove('/etc/apt', { recursive: true });
    fs.mkdir('/etc/apt');
    fs.writeFile('/etc/apt/a.list', 'a');
    fs.rename('/home/app', '/home/user');
    fs.symlink('/etc/motd', '/motd');
    fs.mkdir('/srv/data', { recursive: true });
    fs.chmod('/tmp', 0o700);
    const again = new UnionFs(lowers, fs.upperEntries(), { now: clock.now });
    expect(treeOf(again)).toEqual(treeOf(fs));
    expect(again.changes()).toEqual(fs.changes());
    expect(again.upperEntries()).toEqual(fs.upperEntries());
  });

  it('an upper layer saved without its parent directories still shows them', () => {
    const fs = new UnionFs([baseLayer()], [file('/etc/apt/extra/x.list', 'x'), whiteout('/etc/motd')]);
    expect(fs.readdir('/etc/apt')).toEqual(['extra', 'sources.list']);
    expect(fs.readdir('/etc')).not.toContain('motd');
    expect(fs.upperEntries().map((e) => e.path)).toEqual([
      '/etc',
      '/etc/apt',
      '/etc/apt/extra',
      '/etc/apt/extra/x.list',
      '/etc/motd',
    ]);
  });
});

describe('UnionFs: the writable layer as a tar', () => {
  it('survives layerToTar → tarToLayer (what docker commit and docker save do)', () => {
    const lowers = [baseLayer()];
    const fs = new UnionFs(lowers, []);
    fs.remove('/etc/motd');
    fs.remove('/etc/apt', { recursive: true });
    fs.mkdir('/etc/apt');
    fs.writeFile('/etc/apt/b.list', 'b');
    fs.symlink('../etc/hostname', '/root/name');
    const reread = tarToLayer(layerToTar(fs.upperEntries()));
    expect(treeOf(new UnionFs(lowers, reread))).toEqual(treeOf(fs));
    expect(treeOf(new UnionFs([...lowers, reread], []))).toEqual(treeOf(fs));
  });

  it('refuses a trailing slash on a file’s new name and an empty symlink target', () => {
    const fs = new UnionFs([baseLayer()], []);
    expect(codeOf(() => fs.rename('/etc/motd', '/etc/new/'))).toBe('ENOTDIR');
    expect(codeOf(() => fs.symlink('', '/etc/empty'))).toBe('ENOENT');
  });
});
