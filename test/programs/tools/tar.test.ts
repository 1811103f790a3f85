import { describe, expect, it } from 'vitest';
import { readTar } from '../../../src/fs/tar.js';
import { bb, debianFs, gnu, pipeline } from './helpers.js';

function tree(fs: ReturnType<typeof debianFs>, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of fs.readdir(dir)) {
      const path = `${dir}/${name}`;
      const st = fs.lstat(path)!;
      const detail =
        st.type === 'symlink' ? `-> ${st.target}` : st.type === 'file' ? fs.readFile(path).toString() : '';
      out.push(`${rel}${name} ${st.type} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${st.mtime} ${detail}`);
      if (st.type === 'dir') walk(path, `${rel}${name}/`);
    }
  };
  walk(root, '');
  return out;
}

describe('tar', () => {
  it('extracts what it created: contents, modes, owners, times, symlinks', async () => {
    const fs = debianFs()
      .add('/src/app/main.py', {
        text: 'print("hi")\n',
        mode: 0o755,
        uid: 1000,
        gid: 1000,
        mtime: 1700000000,
      })
      .add('/src/app/conf/settings.ini', { text: '[x]\n', mode: 0o600 })
      .add('/src/app/latest', { target: 'main.py' })
      .add('/src/app/empty', { type: 'dir', mode: 0o700 });
    const created = await gnu(['tar', '-cf', '/tmp/app.tar', '-C', '/src', 'app'], { fs });
    expect(created.code).toBe(0);
    const extracted = await gnu(['tar', '-xf', '/tmp/app.tar', '-C', '/tmp'], { fs });
    expect(extracted.code).toBe(0);
    expect(tree(fs, '/tmp/app')).toEqual(tree(fs, '/src/app'));
  });

  it('writes a real ustar archive the store can read', async () => {
    const r = await gnu(['tar', 'cf', '/tmp/d.tar', '-C', '/data', '.']);
    const names = readTar(r.fs.readFile('/tmp/d.tar')).map((e) => `${e.path}:${e.type}`);
    expect(names).toEqual([
      'dangling:symlink',
      'empty:dir',
      'fruits.txt:file',
      'link:symlink',
      'sub:dir',
      'sub/deep.txt:file',
    ]);
  });

  it('lists, picks members, strips components and prints to stdout', async () => {
    const r = await pipeline('gnu', 'tar -cf /tmp/d.tar /data | tar -tf /tmp/d.tar data/sub');
    expect(r.stdout).toBe('data/sub/\ndata/sub/deep.txt\n');
    const o = await pipeline('gnu', 'tar -cf /tmp/d.tar /data | tar -xOf /tmp/d.tar data/sub/deep.txt');
    expect(o.stdout).toBe('deep\n');
    const s = await pipeline(
      'gnu',
      'tar -cf /tmp/d.tar /data | tar -xf /tmp/d.tar -C /tmp --strip-components=1 | ls /tmp',
    );
    expect(s.stdout).toBe('d.tar\ndangling\nempty\nfruits.txt\nlink\nsub\n');
    const missing = await pipeline('gnu', 'tar -cf /tmp/d.tar /data | tar -tf /tmp/d.tar nothing');
    expect(missing.stderr).toContain('tar: nothing: Not found in archive\n');
    expect(missing.code).toBe(2);
  });

  it('-v names the members, on stderr when the archive goes to stdout', async () => {
    const toFile = await gnu(['tar', '-cvf', '/tmp/x.tar', '-C', '/data', 'sub']);
    expect(toFile.stdout).toBe('sub/\nsub/deep.txt\n');
    const toStdout = await gnu(['tar', '-cv', '-C', '/data', 'sub']);
    expect(toStdout.stderr).toBe('sub/\nsub/deep.txt\n');
    expect(readTar(Buffer.from(toStdout.stdout, 'latin1')).map((e) => e.path)).toEqual([
      'sub',
      'sub/deep.txt',
    ]);
  });

  it('a user extracting owns the files', async () => {
    const fs = debianFs();
    await gnu(['tar', '-cf', '/tmp/d.tar', '-C', '/data', 'sub'], { fs });
    await gnu(['tar', '-xf', '/tmp/d.tar', '-C', '/home/app'], { fs, uid: 1000 });
    expect(fs.stat('/home/app/sub/deep.txt')).toMatchObject({ uid: 1000, gid: 1000 });
    const denied = await gnu(['tar', '-xf', '/tmp/d.tar', '-C', '/etc'], { fs, uid: 1000 });
    expect(denied.stderr).toContain('tar: sub: Cannot open: Permission denied\n');
    expect(denied.code).toBe(2);
  });

  it('refuses compression with a clear message in both flavours', async () => {
    for (const args of [
      ['-czf', '/tmp/a.tgz', '/data'],
      ['-xjf', '/tmp/a.tbz'],
      ['--gzip', '-tf', '/tmp/a'],
    ]) {
      const g = await gnu(['tar', ...args]);
      expect(g.stderr).toMatch(/compression \(-[zj]\) is not simulated in dockersim/);
      expect(g.code).toBe(2);
      expect((await bb(['tar', ...args])).code).toBe(1);
    }
  });
});
