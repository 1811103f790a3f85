import { describe, expect, it } from 'vitest';
import { FsError } from '../../../src/fs/view.js';
import { findProgram } from '../../../src/programs/registry.js';
import { exitOf, stdoutOf } from '../../../src/programs/run.js';
import { busyboxTools, registerToolPrograms } from '../../../src/programs/tools/index.js';
import { bb, debianFs, gnu, makeCtx, pipeline } from './helpers.js';

describe('timelines', () => {
  it('tail -f prints the end of the file and keeps running', async () => {
    const r = await gnu(['tail', '-f', '-n', '1', '/data/fruits.txt']);
    expect(r.stdout).toBe('apple 2\n');
    expect(r.code).toBeUndefined();
  });

  it('tail -f on a pipe ends like tail (GNU ignores -f there)', async () => {
    const r = await gnu(['tail', '-f'], { stdin: 'a\nb\n' });
    expect(r.code).toBe(0);
  });

  it('yes bursts 10,000 lines in its first 10 ms and never exits', async () => {
    const r = await gnu(['yes', 'ok']);
    expect(r.code).toBeUndefined();
    expect(r.stdout.split('\n').length - 1).toBe(10000);
    expect(r.stdout.startsWith('ok\nok\n')).toBe(true);
    expect(Math.max(...r.run.events.map((e) => e.at))).toBeLessThan(10);
  });

  it('xargs waits for its commands, and runs on when one never ends', async () => {
    const done = await gnu(['xargs', '-n', '1', 'echo'], { stdin: 'a b\n' });
    expect(done.run.events.filter((e) => e.kind === 'stdout').map((e) => e.at)).toEqual([0, 1]);
    const hung = await gnu(['xargs', 'yes'], { stdin: 'x\n' });
    expect(hung.code).toBeUndefined();
  });

  it('every finished tool ends with exactly one exit event, last', async () => {
    for (const argv of [
      ['ls', '/'],
      ['cat', '/nope'],
      ['grep', 'x', '/etc/passwd'],
      ['find', '/data'],
    ]) {
      const r = await gnu(argv);
      const exits = r.run.events.filter((e) => e.kind === 'exit');
      expect(exits).toHaveLength(1);
      expect(r.run.events[r.run.events.length - 1]!.kind).toBe('exit');
    }
  });
});

describe('registration', () => {
  it('registers the GNU flavour under each tool name', async () => {
    registerToolPrograms();
    const ls = findProgram('ls')!;
    expect(ls).toBeDefined();
    expect(findProgram('coreutils:ls')).toBe(ls);
    expect(findProgram('grep@3.8')).toBe(findProgram('grep'));
    const run = await ls.run(makeCtx('gnu', ['ls', '--bogus']));
    expect(exitOf(run)).toBe(2);
  });

  it('exports the BusyBox applets by name', async () => {
    for (const name of ['ls', 'cat', 'grep', 'sed', 'awk', 'find', 'tar', 'wc', 'xargs', 'df'])
      expect(busyboxTools[name]).toBeTypeOf('function');
    const run = await busyboxTools.ls!(makeCtx('busybox', ['ls', '-l', '/etc/hostname']));
    expect(stdoutOf(run)).toMatch(/^-rw-r--r-- {4}1 root {5}root {12}13 Jun 10 07:11 \/etc\/hostname\n$/);
  });

  it('names itself as invoked (GNU) or by applet (BusyBox)', async () => {
    expect((await gnu(['/bin/cat', '/nope'])).stderr).toBe('/bin/cat: /nope: No such file or directory\n');
    const run = await busyboxTools.cat!(makeCtx('busybox', ['/bin/cat', '/nope']));
    expect(run.events.find((e) => e.kind === 'stderr')).toMatchObject({
      text: "cat: can't open '/nope': No such file or directory\n",
    });
  });
});

describe('permissions', () => {
  it('other users cannot read 0600 files or write system directories', async () => {
    expect((await gnu(['head', '/root/secret.txt'], { uid: 1000 })).stderr).toContain('Permission denied');
    const tee = await gnu(['tee', '/etc/motd'], { uid: 1000, stdin: 'hi\n' });
    expect(tee.stderr).toBe('tee: /etc/motd: Permission denied\n');
    expect(tee.stdout).toBe('hi\n');
    expect(tee.code).toBe(1);
    const own = await gnu(['tee', '-a', '/home/app/notes.txt'], { uid: 1000, stdin: 'four\n' });
    expect(own.code).toBe(0);
    expect(own.fs.readFile('/home/app/notes.txt').toString()).toBe('one\ntwo\nthree\nfour\n');
  });

  it('files created by a user belong to that user', async () => {
    const r = await pipeline('gnu', 'touch /tmp/mine | stat -c %U:%G /tmp/mine', { uid: 1000 });
    expect(r.stdout).toBe('app:app\n');
  });

  it('the sticky /tmp keeps other users from deleting', async () => {
    const fs = debianFs().add('/tmp/roots', { text: 'x' });
    const r = await gnu(['rm', '/tmp/roots'], { uid: 1000, fs });
    expect(r.stderr).toBe("rm: cannot remove '/tmp/roots': Operation not permitted\n");
  });

  it('which finds only executables', async () => {
    const fs = debianFs()
      .add('/usr/local/bin/notexec', { text: 'x', mode: 0o644 })
      .add('/usr/local/bin/tool', { program: 'tool' });
    expect((await gnu(['which', 'notexec', 'tool'], { fs })).stdout).toBe('/usr/local/bin/tool\n');
  });
});

describe('writes', () => {
  it('sed -i edits in place and keeps a backup with a suffix', async () => {
    const r = await gnu(['sed', '-i.bak', 's/apple/pear/', '/data/fruits.txt']);
    expect(r.stdout).toBe('');
    expect(r.fs.readFile('/data/fruits.txt').toString()).toBe('banana 3\npear 10\ncherry 7\npear 2\n');
    expect(r.fs.readFile('/data/fruits.txt.bak').toString()).toContain('apple 10');
  });

  it('sed -n with w writes the selected lines', async () => {
    const r = await gnu(['sed', '-n', '/apple/w /tmp/apples', '/data/fruits.txt']);
    expect(r.fs.readFile('/tmp/apples').toString()).toBe('apple 10\napple 2\n');
  });

  it('awk prints to files with > and >>', async () => {
    const r = await gnu(['awk', '{ print $1 > "/tmp/names"; print $2 >> "/tmp/n" }', '/data/fruits.txt']);
    expect(r.fs.readFile('/tmp/names').toString()).toBe('banana\napple\ncherry\napple\n');
    expect(r.fs.readFile('/tmp/n').toString()).toBe('3\n10\n7\n2\n');
  });

  it('sort -o and shuf -o write their output', async () => {
    const r = await gnu(['sort', '-o', '/tmp/sorted', '/data/fruits.txt']);
    expect(r.fs.readFile('/tmp/sorted').toString()).toBe('apple 10\napple 2\nbanana 3\ncherry 7\n');
    const s = await gnu(['shuf', '-i', '1-10000', '-n', '1', '-o', '/data.txt']);
    expect(s.fs.readFile('/data.txt').toString()).toMatch(/^\d+\n$/);
  });

  it('cp -p keeps the time, plain cp takes the source mode under the umask', async () => {
    const fs = debianFs().add('/data/x', { text: 'x', mode: 0o777, mtime: 1000 });
    const r = await pipeline(
      'gnu',
      'cp /data/x /tmp/plain | cp -p /data/x /tmp/kept | stat -c %n:%a:%Y /tmp/plain /tmp/kept',
      { fs },
    );
    expect(r.stdout).toBe(`/tmp/plain:755:${fs.now}\n/tmp/kept:777:1000\n`);
  });

  it('mv falls back to copy and delete across filesystems', async () => {
    const fs = debianFs();
    fs.rename = () => {
      throw new FsError('EXDEV', '/');
    };
    const r = await gnu(['mv', '/data/sub', '/tmp/moved'], { fs });
    expect(r.code).toBe(0);
    expect(fs.readFile('/tmp/moved/deep.txt').toString()).toBe('deep\n');
    expect(fs.lstat('/data/sub')).toBeUndefined();
  });

  it('BusyBox rm -rf / removes everything it can', async () => {
    const r = await bb(['rm', '-rf', '/']);
    expect(r.fs.readdir('/')).toEqual([]);
    expect(r.code).toBe(1);
  });
});

describe('names on a terminal', () => {
  it('GNU ls quotes names that need it and aligns the others', async () => {
    const fs = debianFs().add('/q/a b', { text: '' }).add('/q/plain', { text: '' });
    expect((await gnu(['ls', '/q'], { fs, tty: true })).stdout).toBe("'a b'   plain\n");
    expect((await gnu(['ls', '/q'], { fs })).stdout).toBe('a b\nplain\n');
  });

  it('COLUMNS sets the width of column output', async () => {
    const fs = debianFs();
    for (let i = 0; i < 12; i++) fs.add(`/many/file${String(i).padStart(2, '0')}`, { text: '' });
    const r = await gnu(['ls', '/many'], { fs, tty: true, env: { COLUMNS: '40' } });
    expect(r.stdout).toBe(
      'file00\tfile03\tfile06\tfile09\nfile01\tfile04\tfile07\tfile10\nfile02\tfile05\tfile08\tfile11\n',
    );
  });
});

describe('relative paths', () => {
  it('resolve against the working directory, and are printed as given', async () => {
    expect((await gnu(['grep', '-r', 'deep'], { cwd: '/data' })).stdout).toBe('sub/deep.txt:deep\n');
    expect((await gnu(['find', '-name', '*.txt'], { cwd: '/data' })).stdout).toBe(
      './fruits.txt\n./sub/deep.txt\n',
    );
    expect((await gnu(['ls', 'sub', '../etc/hostname'], { cwd: '/data' })).stdout).toBe(
      '../etc/hostname\n\nsub:\ndeep.txt\n',
    );
    expect((await gnu(['du', '-s'], { cwd: '/data' })).stdout).toBe('20\t.\n');
    expect((await gnu(['pwd', '-L'], { cwd: '/data/sub', env: { PWD: '/data/sub' } })).stdout).toBe(
      '/data/sub\n',
    );
  });
});
