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
  /** A BuildKit step result kept only as a build cache snapshot: not an image a learner sees. */
  cacheOnly?: boolean;
}

const CONTENT = 'image/overlay2/imagedb/content/sha256';
const METADATA = 'image/overlay2/imagedb/metadata/sha256';
/** Marks a BuildKit step result: BuildKit keeps those in its cache, not in the image list. */
const STEP_MARKER = 'buildkit-step';

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

  /**
   * Stores an image config. `cacheOnly` makes it a build cache snapshot (no parent, not listed);
   * an image already in the store keeps what it was.
   */
  create(configJson: string, parent?: ImageId, opts: { cacheOnly?: boolean } = {}): ImageRecord {
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
    if (opts.cacheOnly) this.setCacheOnly(id, true);
    this.store.writeText(`${CONTENT}/${hexOf(id)}`, configJson);
    return {
      id,
      config,
      configJson,
      ...(parent ? { parent } : {}),
      ...(top ? { topLayer: top } : {}),
      ...(opts.cacheOnly ? { cacheOnly: true } : {}),
    };
  }

  /** Whether the image is only a build cache snapshot (hidden from lists, lookups and history). */
  isCacheOnly(id: ImageId): boolean {
    return this.store.exists(`${METADATA}/${hexOf(id)}/${STEP_MARKER}`);
  }

  /** Turns a snapshot into a listed image (the build exported it), or a listed image back into one. */
  setCacheOnly(id: ImageId, on: boolean): void {
    const marker = `${METADATA}/${hexOf(id)}/${STEP_MARKER}`;
    if (on) {
      this.store.writeText(marker, '');
      // A snapshot has no tag, so no time it was last tagged.
      if (this.lastTagTime(id) !== undefined) this.store.remove(`${METADATA}/${hexOf(id)}/lastUpdated`);
    } else if (this.store.exists(marker)) this.store.remove(marker);
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
    const cacheOnly = this.store.exists(`${METADATA}/${hex}/${STEP_MARKER}`);
    return {
      id: `sha256:${hex}` as ImageId,
      config,
      configJson,
      ...(parent ? { parent } : {}),
      ...(top ? { topLayer: top } : {}),
      ...(cacheOnly ? { cacheOnly: true } : {}),
    };
  }

  /** Every image config in the store, build cache snapshots included. */
  ids(): ImageId[] {
    return this.store.list(CONTENT).map((hex) => `sha256:${hex}` as ImageId);
  }

  /** The images the daemon lists: every config but the build cache's snapshots. */
  listedIds(): ImageId[] {
    return this.ids().filter((id) => !this.isCacheOnly(id));
  }

  /** Listed images whose ID starts with a hex prefix (`sha256:` optional). */
  byPrefix(prefix: string): ImageId[] {
    const hex = hexOf(prefix);
    return this.listedIds().filter((id) => hexOf(id).startsWith(hex));
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
