import { describe, expect, it } from 'vitest';
import { UnionFs } from '../../src/fs/union.js';
import { baseLayer, dir, file, manualClock, whiteout } from './builders.js';

function diffOf(run: (fs: UnionFs) => void, lowers = [baseLayer()]): string[] {
  const clock = manualClock();
  const fs = new UnionFs(lowers, [], { now: clock.now });
  run(fs);
  return fs.changes().map((c) => `${c.kind} ${c.path}`);
}

describe('UnionFs.changes (docker diff)', () => {
  it('echo hi > /f && rm /etc/motd', () => {
    const out = diffOf((fs) => {
      fs.writeFile('/f', 'hi\n');
      fs.remove('/etc/motd');
    });
    expect(out).toEqual(['C /etc', 'D /etc/motd', 'A /f']);
  });

  it('a fresh container has no changes', () => {
    expect(diffOf(() => {})).toEqual([]);
  });

  it('a changed file alone leaves its directory out (the dir was only copied up)', () => {
    expect(diffOf((fs) => fs.writeFile('/etc/passwd', 'x', { append: true }))).toEqual(['C /etc/passwd']);
  });

  it('mkdir -p lists the changed parent once, then each new directory', () => {
    expect(diffOf((fs) => fs.mkdir('/usr/lib/app/conf', { recursive: true }))).toEqual([
      'C /usr/lib',
      'A /usr/lib/app',
      'A /usr/lib/app/conf',
    ]);
  });

  it('a deleted directory is one D: its contents are not listed', () => {
    expect(diffOf((fs) => fs.remove('/etc/apt', { recursive: true }))).toEqual(['C /etc', 'D /etc/apt']);
  });

  it('lists in walk order: a directory’s subtree before a sibling that sorts between', () => {
    const out = diffOf((fs) => {
      fs.mkdir('/a');
      fs.writeFile('/a/b', '1');
      fs.writeFile('/a-b', '2');
    });
    expect(out).toEqual(['A /a', 'A /a/b', 'A /a-b']);
  });

  it('a directory removed and made again is D (moby’s opaque rule), its new contents A', () => {
    const out = diffOf((fs) => {
      fs.remove('/etc/apt', { recursive: true });
      fs.mkdir('/etc/apt');
      fs.writeFile('/etc/apt/new.list', 'x');
      fs.writeFile('/etc/apt/sources.list', 'y');
    });
    expect(out).toEqual(['C /etc', 'D /etc/apt', 'A /etc/apt/new.list', 'C /etc/apt/sources.list']);
  });

  it('chmod of a directory is C even with nothing changed inside', () => {
    expect(diffOf((fs) => fs.chmod('/var/log', 0o700))).toEqual(['C /var/log']);
  });

  it('the parent of a deletion is listed even when its metadata did not change', () => {
    const fs = new UnionFs([[dir('/d'), file('/d/x')]], [dir('/d'), whiteout('/d/x')]);
    expect(fs.changes()).toEqual([
      { kind: 'C', path: '/d' },
      { kind: 'D', path: '/d/x' },
    ]);
  });

  it('rename shows as a deletion and an addition', () => {
    expect(diffOf((fs) => fs.rename('/etc/hostname', '/etc/hostname.bak'))).toEqual([
      'C /etc',
      'D /etc/hostname',
      'A /etc/hostname.bak',
    ]);
  });
});
