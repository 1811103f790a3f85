import { notFound } from '../../api/errors.js';
import type { ExplainFact } from '../../api/explain.js';
import { type ChainId, hexOf, type ImageId } from '../../images/digest.js';
import { type ImageRecord, ImageStore } from '../../images/images.js';
import { LayerStore } from '../../images/layers.js';
import {
  familiarString,
  imageIdPrefix,
  isFullImageId,
  normalizeForLookup,
  parseNormalized,
  type Reference,
  withDefaultTag,
} from '../../images/reference.js';
import { OfflineRegistry } from '../../images/registry.js';
import { TagStore } from '../../images/tags.js';
import type { StateStore } from '../../store/index.js';
import { readCache } from '../build/cache-records.js';

let sharedRegistry: OfflineRegistry | undefined;

/** The image-side stores of one engine call, opened over the state folder. */
export class ImageServices {
  readonly layers: LayerStore;
  readonly images: ImageStore;
  readonly tags: TagStore;

  constructor(
    readonly store: StateStore,
    /** Where `--explain` facts about pulls go, when the engine gives a place. */
    readonly narration?: ExplainFact[],
  ) {
    this.layers = new LayerStore(store);
    this.images = new ImageStore(store, this.layers);
    this.tags = new TagStore(store);
  }

  get registry(): OfflineRegistry {
    sharedRegistry ??= new OfflineRegistry();
    return sharedRegistry;
  }

  /**
   * Finds an image the way the daemon does: by full ID, then by reference (a name without tag
   * means `:latest`), then by a unique ID prefix. Undefined when nothing matches.
   */
  lookup(name: string): ImageRecord | undefined {
    if (isFullImageId(name)) {
      const id = (name.startsWith('sha256:') ? name : `sha256:${name}`) as ImageId;
      const record = this.images.get(id);
      // The build cache's snapshots are BuildKit's, not images the daemon can name.
      return record?.cacheOnly ? undefined : record;
    }
    let ref: Reference | undefined;
    try {
      ref = parseNormalized(name);
    } catch {
      ref = undefined;
    }
    if (ref) {
      const id = this.tags.get(ref.tag || ref.digest ? ref : withDefaultTag(ref));
      if (id) return this.images.get(id);
    }
    const prefix = imageIdPrefix(name);
    if (prefix) {
      const matches = this.images.byPrefix(prefix);
      if (matches.length === 1) return this.images.get(matches[0]!);
    }
    return undefined;
  }

  /** Like lookup, failing with docker's `No such image: …`. */
  find(name: string): ImageRecord {
    const found = this.lookup(name);
    if (!found) throw notFound(`No such image: ${normalizeForLookup(name)}`);
    return found;
  }

  /** Whether a BuildKit cache record holds the image as its step's snapshot. */
  cacheHolds(id: ImageId): boolean {
    return Object.values(readCache(this.store)).some((e) => e.snapshot === true && e.image === id);
  }

  /**
   * Takes an image out of the image store. One the build cache holds stays behind as the cache's
   * snapshot (as BuildKit keeps its records after `docker rmi`), so no layer goes with it.
   */
  removeImage(id: ImageId): ChainId[] {
    if (!this.cacheHolds(id)) return this.images.delete(id);
    this.images.setCacheOnly(id, true);
    return [];
  }

  /** `RepoTags` / `RepoDigests` of an image, as the API lists them. */
  names(id: ImageId): { tags: string[]; digests: string[] } {
    const tags: string[] = [];
    const digests: string[] = [];
    for (const ref of this.tags.referencesTo(id)) {
      if (ref.digest) digests.push(familiarString(ref));
      else tags.push(familiarString(ref));
    }
    return { tags, digests };
  }

  /** Bytes of all layers of an image. */
  size(record: ImageRecord): number {
    return record.topLayer ? this.layers.stack(record.topLayer).reduce((n, l) => n + l.size, 0) : 0;
  }

  shortId(id: ImageId): string {
    return hexOf(id).slice(0, 12);
  }
}
