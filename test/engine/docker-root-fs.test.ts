import { describe, expect, it } from 'vitest';
import { dockerRootFs } from '../../src/engine/docker-root/index.js';
import { initLayerEntries, layerDiffFs } from '../../src/engine/docker-root/layer-fs.js';
import { ImageServices } from '../../src/engine/images/services.js';
import type { FileEntry } from '../../src/fs/files.js';
import { UnionFs } from '../../src/fs/union.js';
import { StateStore } from '../../src/store/index.js';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

const entry = (path: string, type: FileEntry['type'], extra: Partial<FileEntry> = {}): FileEntry => ({
  path,
  type,
  mode: type === 'dir' || type === 'opaque' ? 0o755 : 0o644,
  uid: 0,
  gid: 0,
  mtime: 1000,
  ...extra,
});

/** A state store that remembers which documents were read. */
class CountingStore extends StateStore {
  readonly reads: string[] = [];
  override readText(rel: string): string | undefined {
    this.reads.push(rel);
    return super.readText(rel);
  }
}

describe('a layer diff as the host shows it', () => {
  it('keeps whiteouts as mode-0 entries and opaque dirs as plain dirs', () => {
    const fs = layerDiffFs(
      [
        entry('/etc', 'opaque'),
        entry('/etc/motd', 'whiteout', { mode: 0 }),
        entry('/etc/issue', 'file', { content: Buffer.from('hello\n'), mode: 0o600, uid: 101 }),
      ],
      2000,
    );
    expect(fs.readdir('/')).toEqual(['etc']);
    expect(fs.readdir('/etc')).toEqual(['issue', 'motd']);
    expect(fs.stat('/etc')?.type).toBe('dir');
    expect(fs.lstat('/etc/motd')).toMatchObject({ type: 'file', mode: 0, size: 0 });
    expect(fs.stat('/etc/issue')).toMatchObject({ mode: 0o600, uid: 101, size: 6 });
    expect(fs.stat('/')).toMatchObject({ type: 'dir', mode: 0o755, mtime: 2000 });
    expect(() => fs.writeFile('/x', 'no')).toThrow(/EROFS/);
  });

  it('makes the init layer only where the image has nothing', () => {
    const image = new UnionFs([[entry('/etc', 'dir'), entry('/etc/hosts', 'file'), entry('/proc', 'dir')]]);
    const paths = initLayerEntries(image, 5).map((e) => `${e.type} ${e.path}`);
    expect(paths).toEqual([
      'file /.dockerenv',
      'dir /dev',
      'file /dev/console',
      'dir /dev/pts',
      'dir /dev/shm',
      'file /etc/hostname',
      'symlink /etc/mtab',
      'file /etc/resolv.conf',
      'dir /sys',
    ]);
  });
});

describe('the computed /var/lib/docker', () => {
  it('lists overlay2 without reading any layer, and reads only the layer listed', async () => {
    const home = tempHome();
    const env = deterministicEnv(home);
    await runCli(['pull', '-q', 'nginx'], env);
    const store = new CountingStore(home);
    const fs = dockerRootFs({
      store,
      images: new ImageServices(store),
      now: () => 0,
      hostname: 'docker-host',
    });
    const names = fs.readdir('/overlay2');
    for (const n of names) fs.lstat(`/overlay2/${n}`);
    for (const n of names) fs.stat(`/overlay2/${n}`);
    expect(store.reads.filter((r) => r.endsWith('files.json'))).toEqual([]);
    const layer = names.find((n) => n !== 'l')!;
    fs.readdir(`/overlay2/${layer}/diff`);
    expect(new Set(store.reads.filter((r) => r.endsWith('files.json')))).toEqual(
      new Set([`overlay2/${layer}/files.json`]),
    );
    expect(() => fs.mkdir('/overlay2/new')).toThrow(/EROFS/);
  });
});
