import { decodeFiles, type FileEntry, type StoredFile } from '../../fs/files.js';
import { type ChainId, hexOf, sha256 } from '../../images/digest.js';
import type { LayerInfo } from '../../images/layers.js';
import type { StateStore } from '../../store/index.js';
import { graphDriverData } from '../containers/inspect.js';
import type { ContainerRecord } from '../containers/record.js';
import { ContainerStore } from '../containers/store.js';
import type { ImageServices } from '../images/services.js';

/** What the host's /var/lib/docker is computed from. */
export interface DockerRootDeps {
  store: StateStore;
  images: ImageServices;
  /** Simulated time (ms). */
  now: () => number;
  /** The host's name (a container's /etc/hosts and resolv.conf follow the host's). */
  hostname: string;
}

export interface ContainerLayers {
  rec: ContainerRecord;
  /** The overlay2 directories of its writable layer and init layer. */
  upper: string;
  init: string;
  /** The image's layer directories, top first. */
  image: string[];
}

const LAYERDB = 'image/overlay2/layerdb/sha256';
const MEMO_LIMIT = 64;

export const seconds = (iso: string | undefined): number => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) || ms <= 0 ? 0 : Math.floor(ms / 1000);
};

/** The short name overlay2 gives a layer directory (`l/<link>`) when the state keeps none. */
export function linkIdFor(dirName: string): string {
  return hexOf(sha256(`link ${dirName}`))
    .slice(0, 26)
    .toUpperCase();
}

/**
 * The engine's state as the host's /var/lib/docker needs it, read on demand. Parsed documents
 * are kept while the text they came from is unchanged, so walking a tree (`du`, `ls -R`) parses
 * each layer once, and a later command sees what changed since.
 */
export class DockerState {
  readonly containerStore: ContainerStore;
  private readonly memo = new Map<string, { deps: (string | undefined)[]; value: unknown }>();

  constructor(readonly deps: DockerRootDeps) {
    this.containerStore = new ContainerStore(deps.store);
  }

  get store(): StateStore {
    return this.deps.store;
  }

  /** `build()`, reused while every dependency text is the one it was built from. */
  private cached<T>(key: string, deps: (string | undefined)[], build: () => T): T {
    const hit = this.memo.get(key);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i]))
      return hit.value as T;
    const value = build();
    if (this.memo.size >= MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, { deps, value });
    return value;
  }

  /** A layer's files as the state keeps them (`overlay2/<dir>/files.json`). */
  files(rel: string): FileEntry[] | undefined {
    const text = this.store.readText(rel);
    return this.cached(`files:${rel}`, [text], () =>
      text === undefined ? undefined : decodeFiles(JSON.parse(text) as StoredFile[]),
    );
  }

  /** Something built from a layer's files (its tree), rebuilt when the files change. */
  derived<T>(key: string, rel: string, build: () => T): T {
    return this.cached(`derived:${key}`, [this.store.readText(rel)], build);
  }

  containers(): ContainerRecord[] {
    return this.containerLayers().map((c) => c.rec);
  }

  /**
   * Each container with its overlay2 directories, named as `docker inspect` names them
   * (GraphDriver.Data): the writable layer, its init layer, the image's layers top first.
   */
  containerLayers(): ContainerLayers[] {
    const ids = this.containerStore.ids();
    const texts = ids.flatMap((id) => [
      this.store.readText(`containers/${id}/config.v2.json`),
      this.store.readText(`containers/${id}/hostconfig.json`),
    ]);
    return this.cached('containers', [ids.join(), ...texts], () =>
      this.containerStore.all().map((rec) => {
        const data = graphDriverData(rec, this.deps.images);
        const dirOf = (path: string) => path.split('/').at(-2)!;
        const [init, ...image] = data.LowerDir.split(':').map(dirOf);
        return { rec, upper: dirOf(data.UpperDir), init: init!, image };
      }),
    );
  }

  container(id: string): ContainerRecord | undefined {
    return this.containers().find((c) => c.ID === id);
  }

  /** The container whose writable layer (or its `-init` layer) is the overlay2 directory `dir`. */
  containerOfLayer(dir: string): (ContainerLayers & { isInit: boolean }) | undefined {
    for (const c of this.containerLayers()) {
      if (c.upper === dir) return { ...c, isInit: false };
      if (c.init === dir) return { ...c, isInit: true };
    }
    return undefined;
  }

  /** Image layers by their overlay2 directory (cache-id). */
  imageLayers(): Map<string, LayerInfo> {
    const names = this.store.list(LAYERDB);
    return this.cached('layers', [names.join()], () => {
      const out = new Map<string, LayerInfo>();
      for (const l of this.deps.images.layers.list()) if (l.cacheId) out.set(l.cacheId, l);
      return out;
    });
  }

  /** Layers from the bottom up to `chain`. */
  stack(chain: string | undefined): LayerInfo[] {
    return chain ? this.deps.images.layers.stack(chain as ChainId) : [];
  }

  /** The `link` of an overlay2 directory: the state's file, else the name derived from the dir. */
  linkOf(dir: string): string {
    return this.store.readText(`overlay2/${dir}/link`)?.trim() || linkIdFor(dir);
  }

  /** Whether a layer has another layer (an image's, or a container's init layer) on it. */
  hasChild(chain: ChainId): boolean {
    for (const l of this.imageLayers().values()) if (l.parent === chain) return true;
    return this.containers().some((c) => c.ParentLayer === chain);
  }

  /** When a layer arrived: the first tag time of the images that use it. */
  layerTime(chain: ChainId): number {
    const times = this.cached(
      'layer-times',
      [this.store.list('image/overlay2/imagedb/content/sha256').join()],
      () => {
        const out = new Map<string, number>();
        const { images } = this.deps.images;
        for (const id of images.ids()) {
          const when = seconds(images.lastTagTime(id) ?? images.get(id)?.config.created);
          for (const l of this.stack(images.get(id)?.topLayer)) {
            const prev = out.get(l.chainId);
            if (prev === undefined || when < prev) out.set(l.chainId, when);
          }
        }
        return out;
      },
    );
    return times.get(chain) ?? this.rootTime();
  }

  /** The time of directories docker changes whenever anything comes or goes (the root, overlay2): now. */
  rootTime(): number {
    return Math.floor(this.deps.now() / 1000);
  }
}
