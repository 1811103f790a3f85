import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../src/fs/files.js';
import { chainIds, type DiffId, type ImageId, sha256 } from '../../src/images/digest.js';
import { ImageStore } from '../../src/images/images.js';
import { LayerStore } from '../../src/images/layers.js';
import { parseNormalized } from '../../src/images/reference.js';
import { TagStore } from '../../src/images/tags.js';
import { StateStore } from '../../src/store/state.js';

const T = 1_700_000_000;
const file = (p: string, content: string): FileEntry => ({
  path: p,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: T,
  content: Buffer.from(content),
});

function fresh(): StateStore {
  return new StateStore(fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-stores-')));
}

function config(diffIds: string[]): string {
  return JSON.stringify({
    architecture: 'amd64',
    config: {},
    created: '2024-01-01T00:00:00Z',
    history: [],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
}

describe('digests', () => {
  it('folds chain IDs as the OCI spec does', () => {
    const a = sha256('a') as DiffId;
    const b = sha256('b') as DiffId;
    const [c1, c2] = chainIds([a, b]);
    expect(c1).toBe(a);
    expect(c2).toBe(sha256(`${a} ${b}`));
  });
});

describe('LayerStore', () => {
  it('gives the same content the same DiffID and shares it by reference count', () => {
    const layers = new LayerStore(fresh());
    const first = layers.register(undefined, [file('/etc/os-release', 'x')], 1000);
    const again = layers.register(undefined, [file('/etc/os-release', 'x')], 1000);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.info.chainId).toBe(first.info.chainId);
    expect(layers.release(first.info.chainId)).toEqual([]);
    expect(layers.has(first.info.chainId)).toBe(true);
    expect(layers.release(first.info.chainId)).toEqual([first.info.chainId]);
    expect(layers.has(first.info.chainId)).toBe(false);
  });

  it('a child holds its parent; releasing the child releases the parent', () => {
    const layers = new LayerStore(fresh());
    const base = layers.register(undefined, [file('/a', '1')]).info;
    const top = layers.register(base.chainId, [file('/b', '2')]).info;
    layers.release(base.chainId); // the registration's own reference
    expect(layers.stack(top.chainId).map((l) => l.chainId)).toEqual([base.chainId, top.chainId]);
    expect(layers.release(top.chainId)).toEqual([top.chainId, base.chainId]);
  });
});

describe('ImageStore over LayerStore', () => {
  it('removing one of two images that share a base keeps the base; removing both removes it', () => {
    const store = fresh();
    const layers = new LayerStore(store);
    const images = new ImageStore(store, layers);
    const base = layers.register(undefined, [file('/etc/debian_version', '12.6')]).info;
    const a = layers.register(base.chainId, [file('/app/a', 'a')]).info;
    const b = layers.register(base.chainId, [file('/app/b', 'b')]).info;
    const imgA = images.create(config([base.diffId, a.diffId]));
    const imgB = images.create(config([base.diffId, b.diffId]));
    for (const l of [a, b, base]) layers.release(l.chainId); // drop registration references
    expect(images.delete(imgA.id)).toEqual([a.chainId]);
    expect(layers.has(base.chainId)).toBe(true);
    expect(images.delete(imgB.id)).toEqual([b.chainId, base.chainId]);
    expect(layers.has(base.chainId)).toBe(false);
  });

  it('an image ID is the digest of its config bytes', () => {
    const store = fresh();
    const images = new ImageStore(store, new LayerStore(store));
    const json = config([]);
    expect(images.create(json).id).toBe(sha256(json) as unknown as ImageId);
  });

  it('a build cache snapshot is stored but not listed, until it is exported', () => {
    const store = fresh();
    const images = new ImageStore(store, new LayerStore(store));
    const plain = images.create(config([]));
    const step = images.create(
      JSON.stringify({ ...JSON.parse(config([])), created: '2025-01-01T00:00:00Z' }),
      plain.id,
      { cacheOnly: true },
    );
    expect(step.cacheOnly).toBe(true);
    expect(images.get(step.id)?.cacheOnly).toBe(true);
    expect(images.ids()).toHaveLength(2);
    expect(images.listedIds()).toEqual([plain.id]);
    expect(images.byPrefix(step.id.slice(7, 19))).toEqual([]);
    expect(store.exists(`image/overlay2/imagedb/metadata/sha256/${step.id.slice(7)}/buildkit-step`)).toBe(
      true,
    );
    images.setCacheOnly(step.id, false);
    expect(images.get(step.id)?.cacheOnly).toBeUndefined();
    expect(images.listedIds()).toHaveLength(2);
  });
});

describe('TagStore', () => {
  it('keeps references per familiar repository in repositories.json', () => {
    const store = fresh();
    const tags = new TagStore(store);
    const id = sha256('img') as unknown as ImageId;
    tags.set(parseNormalized('nginx:latest'), id);
    tags.set(parseNormalized('localhost:5000/app:1'), id);
    const doc = JSON.parse(fs.readFileSync(store.path('image/overlay2/repositories.json'), 'utf8'));
    expect(doc.Repositories.nginx['nginx:latest']).toBe(id);
    expect(doc.Repositories['localhost:5000/app']['localhost:5000/app:1']).toBe(id);
    expect(new TagStore(store).referencesTo(id)).toHaveLength(2);
    expect(tags.delete(parseNormalized('nginx:latest'))).toBe(true);
    expect(tags.get(parseNormalized('nginx:latest'))).toBeUndefined();
  });
});
