import type { BuildCacheRecord } from '../../api/images.js';
import type { ImageId } from '../../images/digest.js';
import type { StateStore } from '../../store/index.js';
import type { Random } from '../../util/random.js';
import { rfc3339Nano } from '../../util/text.js';
import type { ImageServices } from '../images/services.js';

/** Where the build cache keeps its records: the step's cache key (hashed) → what it produced. */
export const CACHE = 'builder/cache.json';

/** One record of the build cache: a step's result, when it was made and how often it was reused. */
export interface CacheEntry {
  /** The image the step produced (its layer is the record's snapshot). */
  image: string;
  /** BuildKit-style record ID (25 lowercase letters and digits). */
  id: string;
  created: number;
  lastUsed: number;
  usage: number;
  /**
   * BuildKit's records hold their image as a snapshot of the cache: it outlives `docker rmi` and
   * goes with the record. The classic builder's results are plain images, kept only as images.
   */
  snapshot?: boolean;
}

export type CacheDoc = Record<string, CacheEntry>;

/** Reads the cache; records of an older layout (a bare image ID) get their fields filled in. */
export function readCache(store: StateStore): CacheDoc {
  const text = store.readText(CACHE);
  const raw = text ? (JSON.parse(text) as Record<string, string | CacheEntry>) : {};
  const doc: CacheDoc = {};
  for (const [key, value] of Object.entries(raw)) {
    doc[key] =
      typeof value === 'string'
        ? { image: value, id: key.slice(0, 25), created: 0, lastUsed: 0, usage: 1 }
        : value;
  }
  return doc;
}

/** A record ID as BuildKit makes them: 25 characters of [a-z0-9]. */
export function recordId(random: Random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 25; i++) id += alphabet[random.int(alphabet.length)];
  return id;
}

/** BuildKit's description of a record: what ran, or what was copied. */
function describe(createdBy: string): string {
  const step = createdBy.replace(/ # buildkit$/, '');
  const run = /^RUN (.*)$/s.exec(step);
  return run ? `mount / from exec ${run[1]}` : step;
}

/** The chain IDs every tagged image stands on: a record whose layer is one of them is shared. */
function taggedLayers(svc: ImageServices): Set<string> {
  const out = new Set<string>();
  for (const id of new Set(svc.tags.all().map((t) => t.id))) {
    const top = svc.images.get(id)?.topLayer;
    if (top) for (const l of svc.layers.stack(top)) out.add(l.chainId);
  }
  return out;
}

/**
 * The build cache as `docker system df` and `docker builder prune` see it: one record per step
 * that produced a layer (metadata-only steps make none), sized by that layer.
 */
export function cacheRecords(svc: ImageServices, doc: CacheDoc): { key: string; record: BuildCacheRecord }[] {
  const shared = taggedLayers(svc);
  const out: { key: string; record: BuildCacheRecord }[] = [];
  for (const [key, e] of Object.entries(doc)) {
    const image = svc.images.get(e.image as ImageId);
    // A metadata step (ENV, CMD, …) made no layer, so no record of its own.
    if (!image?.topLayer || image.config.history?.at(-1)?.empty_layer) continue;
    const layer = svc.layers.stack(image.topLayer).at(-1);
    out.push({
      key,
      record: {
        ID: e.id,
        Parents: null,
        Type: 'regular',
        Description: describe(image.config.history?.at(-1)?.created_by ?? ''),
        InUse: false,
        Shared: shared.has(image.topLayer),
        Size: layer?.size ?? 0,
        CreatedAt: rfc3339Nano(e.created),
        LastUsedAt: rfc3339Nano(e.lastUsed),
        UsageCount: e.usage,
      },
    });
  }
  return out.sort(
    (a, b) => a.record.CreatedAt.localeCompare(b.record.CreatedAt) || a.record.ID.localeCompare(b.record.ID),
  );
}
