import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DiskUsage, Engine } from '../api/engine.js';
import { systemError } from '../api/errors.js';
import type {
  Filters,
  HistoryItem,
  ImageDeleteItem,
  ImageInspect,
  ImageListOptions,
  ImagePruneReport,
  ImageRemoveOptions,
  ImageSummary,
  JsonMessage,
  PullOptions,
  SearchResult,
} from '../api/images.js';
import type { ImageId } from '../images/digest.js';
import { loadImages, saveImages } from './images/archive.js';
import { imageDiskUsage } from './images/df.js';
import { imageHistory } from './images/history.js';
import { inspectImage } from './images/inspect.js';
import { listImages } from './images/list.js';
import { pruneImages } from './images/prune.js';
import { pullAllTags, pullImage } from './images/pull.js';
import { type ImageUsers, removeImage } from './images/remove.js';
import { searchImages } from './images/search.js';
import { ImageServices } from './images/services.js';
import { tagImage } from './images/tag.js';
import type { SystemInfo, SystemVersion } from '../api/system.js';
import { DEFAULT_HOST, type HostSpec } from '../kernel/host.js';
import { type StateStore, withStateLock } from '../store/index.js';
import { rfc3339Nano } from '../util/text.js';
import { Runtime } from './runtime.js';
import { buildInfo, buildVersion } from './system.js';

export interface EngineOptions {
  store: StateStore;
  env: NodeJS.ProcessEnv;
  host?: HostSpec;
}

/**
 * The simulated daemon, in the CLI's own process. Each API call reads the state folder,
 * and each mutating call holds the state lock from its first read to its last write.
 */
export class LocalEngine implements Engine {
  readonly store: StateStore;
  readonly host: HostSpec;
  private readonly env: NodeJS.ProcessEnv;

  constructor(opts: EngineOptions) {
    this.store = opts.store;
    this.env = opts.env;
    this.host = opts.host ?? DEFAULT_HOST;
  }

  /** Clock and randomness for a read-only call. */
  runtime(): Runtime {
    return Runtime.load(this.store, this.env);
  }

  /** Runs `fn` under the state lock with a freshly loaded runtime, then saves the runtime. */
  async mutate<T>(fn: (rt: Runtime) => Promise<T> | T): Promise<T> {
    return withStateLock(this.store.root, async () => {
      const rt = Runtime.load(this.store, this.env);
      try {
        return await fn(rt);
      } finally {
        rt.save();
      }
    });
  }

  async version(): Promise<SystemVersion> {
    return buildVersion(this.host);
  }

  async info(): Promise<SystemInfo> {
    const rt = this.runtime();
    return buildInfo(this.host, {
      containers: { running: 0, paused: 0, stopped: 0 },
      images: this.imageServices().images.ids().length,
      systemTime: rfc3339Nano(rt.clock.now()),
      id: this.engineId(),
    });
  }

  imageServices(): ImageServices {
    return new ImageServices(this.store);
  }

  /** Which containers stand on an image (none until containers exist). */
  imageUsers(): ImageUsers {
    return { containersUsing: (_id: ImageId) => [] };
  }

  async imagePull(ref: string, opts: PullOptions, onMessage: (m: JsonMessage) => void): Promise<void> {
    await this.mutate((rt) => {
      const svc = this.imageServices();
      if (opts.allTags) pullAllTags(svc, rt, ref, onMessage);
      else pullImage(svc, rt, ref, onMessage);
    });
  }

  async imageList(opts: ImageListOptions): Promise<ImageSummary[]> {
    return listImages(this.imageServices(), opts);
  }

  async imageInspect(name: string): Promise<ImageInspect> {
    return inspectImage(this.imageServices(), name);
  }

  async imageHistory(name: string): Promise<HistoryItem[]> {
    return imageHistory(this.imageServices(), name);
  }

  async imageTag(source: string, target: string): Promise<void> {
    await this.mutate((rt) => tagImage(this.imageServices(), rt, source, target));
  }

  async imageRemove(name: string, opts: ImageRemoveOptions): Promise<ImageDeleteItem[]> {
    return this.mutate(() => removeImage(this.imageServices(), this.imageUsers(), name, opts));
  }

  async imagePrune(opts: { all?: boolean; filters?: Filters }): Promise<ImagePruneReport> {
    return this.mutate(() => pruneImages(this.imageServices(), this.imageUsers(), opts.all ?? false));
  }

  async imageSave(names: string[]): Promise<Buffer> {
    return saveImages(this.imageServices(), names);
  }

  async imageLoad(archive: Buffer, onMessage: (m: JsonMessage) => void): Promise<void> {
    await this.mutate(() => loadImages(this.imageServices(), archive, onMessage));
  }

  async imageSearch(term: string, opts: { limit?: number; filters?: Filters }): Promise<SearchResult[]> {
    return searchImages(this.imageServices(), term, opts.limit ?? 25, opts.filters ?? {});
  }

  async systemDf(): Promise<DiskUsage> {
    const users = this.imageUsers();
    const images = imageDiskUsage(this.imageServices(), (id) => users.containersUsing(id as ImageId).length);
    return { ...images, Containers: [], Volumes: [], BuildCache: [] };
  }

  async now(): Promise<number> {
    return this.runtime().clock.now();
  }

  stateLocation(): string {
    return this.store.root;
  }

  async resetState(): Promise<void> {
    const root = this.store.root;
    // Only a folder dockersim laid out is ever wiped; the marker says so.
    if (!fs.existsSync(path.join(root, 'dockersim', 'home.json'))) {
      throw systemError(`refusing to reset ${root}: it is not a dockersim state folder`);
    }
    await withStateLock(root, async () => {
      for (const entry of fs.readdirSync(root)) {
        if (entry !== 'engine.lock') fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      }
    });
  }

  /** The daemon's ID, made once per state folder. */
  private engineId(): string {
    return this.store.readText('engine-id')?.trim() ?? '';
  }
}
