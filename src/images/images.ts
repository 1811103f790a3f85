import type { StateStore } from '../store/index.js';
import type { ImageConfig } from './config.js';
import { type ChainId, chainIds, hexOf, type ImageId, imageIdOf } from './digest.js';

/** What the image store needs of the layer store: references to top layers. */
export interface LayerReferences {
  has(chain: ChainId): boolean;
  retain(chain: ChainId): void;
  release(chain: ChainId): ChainId[];
}

export interface ImageRecord {
  id: ImageId;
  config: ImageConfig;
  /** The exact bytes the ID is the digest of. */
  configJson: string;
  parent?: ImageId;
  /** Chain ID of the top layer (undefined for an image with no layers). */
  topLayer?: ChainId;
}

const CONTENT = 'image/overlay2/imagedb/content/sha256';
const METADATA = 'image/overlay2/imagedb/metadata/sha256';

export class ImageNotFound extends Error {}

/**
 * Image configs, content-addressed by ID as in /var/lib/docker/image/overlay2/imagedb. An image
 * holds one reference to its top layer; deleting the image drops it.
 */
export class ImageStore {
  constructor(
    private readonly store: StateStore,
    private readonly layers: LayerReferences,
  ) {}

  create(configJson: string, parent?: ImageId): ImageRecord {
    const id = imageIdOf(configJson);
    const existing = this.get(id);
    if (existing) return existing;
    const config = JSON.parse(configJson) as ImageConfig;
    const top = chainIds(config.rootfs.diff_ids).at(-1);
    if (top) {
      if (!this.layers.has(top)) throw new Error(`layer ${top} of image ${id} is not registered`);
      this.layers.retain(top);
    }
    if (parent) this.store.writeText(`${METADATA}/${hexOf(id)}/parent`, parent);
    this.store.writeText(`${CONTENT}/${hexOf(id)}`, configJson);
    return { id, config, configJson, ...(parent ? { parent } : {}), ...(top ? { topLayer: top } : {}) };
  }

  /** Whether an image with this ID is in the store (without reading it). */
  exists(id: ImageId): boolean {
    return this.store.exists(`${CONTENT}/${hexOf(id)}`);
  }

  get(id: ImageId): ImageRecord | undefined {
    const hex = hexOf(id);
    const configJson = this.store.readText(`${CONTENT}/${hex}`);
    if (configJson === undefined) return undefined;
    let config: ImageConfig;
    try {
      config = JSON.parse(configJson) as ImageConfig;
    } catch {
      throw new Error(`corrupt image config ${this.store.path(`${CONTENT}/${hex}`)}`);
    }
    const parent = this.store.readText(`${METADATA}/${hex}/parent`)?.trim() as ImageId | undefined;
    const top = chainIds(config.rootfs?.diff_ids ?? []).at(-1);
    return {
      id: `sha256:${hex}` as ImageId,
      config,
      configJson,
      ...(parent ? { parent } : {}),
      ...(top ? { topLayer: top } : {}),
    };
  }

  ids(): ImageId[] {
    return this.store.list(CONTENT).map((hex) => `sha256:${hex}` as ImageId);
  }

  /** IDs starting with a hex prefix (`sha256:` optional). */
  byPrefix(prefix: string): ImageId[] {
    const hex = hexOf(prefix);
    return this.ids().filter((id) => hexOf(id).startsWith(hex));
  }

  children(id: ImageId): ImageId[] {
    return this.ids().filter(
      (other) => this.store.readText(`${METADATA}/${hexOf(other)}/parent`)?.trim() === id,
    );
  }

  setLastTagTime(id: ImageId, when: string): void {
    this.store.writeText(`${METADATA}/${hexOf(id)}/lastUpdated`, when);
  }

  lastTagTime(id: ImageId): string | undefined {
    return this.store.readText(`${METADATA}/${hexOf(id)}/lastUpdated`)?.trim();
  }

  /** Removes the image; returns the layers that went with it. */
  delete(id: ImageId): ChainId[] {
    const record = this.get(id);
    if (!record) throw new ImageNotFound(id);
    this.store.remove(`${CONTENT}/${hexOf(id)}`);
    this.store.remove(`${METADATA}/${hexOf(id)}`);
    return record.topLayer ? this.layers.release(record.topLayer) : [];
  }
}
