import { decodeFiles, encodeFiles, type FileEntry, type StoredFile } from '../fs/files.js';
import { layerToTar } from '../fs/layer-tar.js';
import type { StateStore } from '../store/index.js';
import { type ChainId, chainIds, type DiffId, diffIdOf, hexOf, sha256 } from './digest.js';

export interface LayerInfo {
  chainId: ChainId;
  diffId: DiffId;
  parent?: ChainId;
  /** Bytes the layer accounts for (`docker history` SIZE). */
  size: number;
  cacheId: string;
}

const LAYERDB = 'image/overlay2/layerdb/sha256';

/**
 * Read-only layers, content-addressed by chain ID as in /var/lib/docker/image/overlay2/layerdb.
 * Each layer is referenced by whatever stands on it (an image, a child layer, a container's
 * writable layer); the last release removes it and releases its parent. It knows nothing of
 * images.
 */
export class LayerStore {
  constructor(private readonly store: StateStore) {}

  private dir(chain: ChainId): string {
    return `${LAYERDB}/${hexOf(chain)}`;
  }

  has(chain: ChainId): boolean {
    return this.store.exists(`${this.dir(chain)}/diff`);
  }

  get(chain: ChainId): LayerInfo | undefined {
    const dir = this.dir(chain);
    const diff = this.store.readText(`${dir}/diff`);
    if (diff === undefined) return undefined;
    const parent = this.store.readText(`${dir}/parent`);
    return {
      chainId: chain,
      diffId: diff.trim() as DiffId,
      ...(parent ? { parent: parent.trim() as ChainId } : {}),
      size: Number(this.store.readText(`${dir}/size`) ?? '0'),
      cacheId: (this.store.readText(`${dir}/cache-id`) ?? '').trim(),
    };
  }

  /** The files of one layer (not the union). */
  files(chain: ChainId): FileEntry[] {
    const info = this.get(chain);
    if (!info) return [];
    const text = this.store.readText(`overlay2/${info.cacheId}/files.json`);
    return text ? decodeFiles(JSON.parse(text) as StoredFile[]) : [];
  }

  /** Chain of layers from the bottom up to `chain`. */
  stack(chain: ChainId): LayerInfo[] {
    const out: LayerInfo[] = [];
    for (let at: ChainId | undefined = chain; at; ) {
      const info = this.get(at);
      if (!info) break;
      out.unshift(info);
      at = info.parent;
    }
    return out;
  }

  chainFor(parent: ChainId | undefined, diffId: DiffId): ChainId {
    return parent ? (sha256(`${parent} ${diffId}`) as unknown as ChainId) : chainIds([diffId])[0]!;
  }

  /**
   * Registers a layer on top of `parent` and takes a reference to it. Registering a layer
   * that exists only adds a reference (`Already exists`).
   */
  register(
    parent: ChainId | undefined,
    files: FileEntry[],
    size?: number,
  ): { info: LayerInfo; created: boolean } {
    const tar = layerToTar(files);
    const diffId = diffIdOf(tar);
    const chain = this.chainFor(parent, diffId);
    const existing = this.get(chain);
    if (existing) {
      this.retain(chain);
      return { info: existing, created: false };
    }
    const cacheId = hexOf(sha256(`cache-id ${chain}`));
    const dir = this.dir(chain);
    this.store.writeText(`overlay2/${cacheId}/files.json`, JSON.stringify(encodeFiles(files)));
    this.store.writeText(`overlay2/${cacheId}/link`, cacheId.slice(0, 26).toUpperCase());
    const actual =
      size ?? files.reduce((n, f) => n + (f.type === 'file' ? (f.size ?? f.content?.length ?? 0) : 0), 0);
    if (parent) {
      this.retain(parent);
      this.store.writeText(`${dir}/parent`, parent);
    }
    this.store.writeText(`${dir}/size`, String(actual));
    this.store.writeText(`${dir}/cache-id`, cacheId);
    this.store.writeText(`${dir}/refs`, '1');
    // `diff` last: a layer counts as present once its diff file exists.
    this.store.writeText(`${dir}/diff`, diffId);
    const info: LayerInfo = { chainId: chain, diffId, size: actual, cacheId, ...(parent ? { parent } : {}) };
    return { info, created: true };
  }

  retain(chain: ChainId): void {
    const refs = `${this.dir(chain)}/refs`;
    this.store.writeText(refs, String(Number(this.store.readText(refs) ?? '0') + 1));
  }

  /** Drops one reference; returns the chain IDs of layers that were removed as a result. */
  release(chain: ChainId): ChainId[] {
    const removed: ChainId[] = [];
    for (let at: ChainId | undefined = chain; at; ) {
      const info = this.get(at);
      if (!info) break;
      const refsFile = `${this.dir(at)}/refs`;
      const refs = Number(this.store.readText(refsFile) ?? '1') - 1;
      if (refs > 0) {
        this.store.writeText(refsFile, String(refs));
        break;
      }
      this.store.remove(`${this.dir(at)}/diff`);
      this.store.remove(this.dir(at));
      this.store.remove(`overlay2/${info.cacheId}`);
      removed.push(at);
      at = info.parent;
    }
    return removed;
  }

  list(): LayerInfo[] {
    return this.store
      .list(LAYERDB)
      .map((hex) => this.get(`sha256:${hex}` as ChainId))
      .filter((l): l is LayerInfo => l !== undefined);
  }
}
