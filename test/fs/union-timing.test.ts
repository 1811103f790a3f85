import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../src/fs/files.js';
import { UnionFs } from '../../src/fs/union.js';
import { dir, file, link, program } from './builders.js';

/** A Debian-sized root layer: 2,000 entries in the shapes a real one has. */
function debianSized(): FileEntry[] {
  const out: FileEntry[] = [link('/bin', 'usr/bin'), link('/lib', 'usr/lib'), link('/sbin', 'usr/sbin')];
  for (const d of [
    '/etc',
    '/usr/bin',
    '/usr/sbin',
    '/usr/lib',
    '/usr/share/doc',
    '/var/lib/dpkg/info',
    '/var/log',
  ]) {
    out.push(dir(d));
  }
  for (let i = 0; i < 400; i++) out.push(program(`/usr/bin/tool${i}`, `coreutils:tool${i}`, 100_000));
  for (let i = 0; i < 300; i++)
    out.push(dir(`/usr/share/doc/pkg${i}`), file(`/usr/share/doc/pkg${i}/copyright`, 'GPL'));
  for (let i = 0; i < 300; i++) out.push(file(`/var/lib/dpkg/info/pkg${i}.list`, '/usr/bin/x\n'));
  for (let i = 0; i < 200; i++) out.push(file(`/etc/conf${i}.conf`, 'x=1\n'));
  for (let i = 0; i < 300; i++) out.push(file(`/usr/lib/x86_64-linux-gnu/lib${i}.so.1`, 'ELF'));
  for (let i = 0; i < 190; i++) out.push(link(`/usr/lib/x86_64-linux-gnu/lib${i}.so`, `lib${i}.so.1`));
  return out;
}

describe('UnionFs construction time', () => {
  it('opens a 2,000-entry lower layer in well under 10 ms', () => {
    const layer = debianSized();
    expect(layer).toHaveLength(2000);
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      const fs = new UnionFs([layer], []);
      times.push(performance.now() - start);
      expect(fs.stat('/bin/tool7')?.size).toBe(100_000);
    }
    times.sort((a, b) => a - b);
    // Typically ~1 ms once warm (~5 ms for the very first, unoptimized run); the bound is loose for busy CI.
    expect(times[10]).toBeLessThan(10);
  });
});
