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
} from './images.js';
import type { SystemInfo, SystemVersion } from './system.js';

/**
 * The contract between the docker-like CLI and the simulated daemon. It mirrors the Engine
 * API: each method is one endpoint, taking and returning objects of the API's shape.
 */
export interface Engine {
  /** `GET /version` */
  version(): Promise<SystemVersion>;
  /** `GET /info` */
  info(): Promise<SystemInfo>;
  /** `POST /images/create`: pulls from the offline registry, reporting progress as it goes. */
  imagePull(ref: string, opts: PullOptions, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** `GET /images/json` */
  imageList(opts: ImageListOptions): Promise<ImageSummary[]>;
  /** `GET /images/{name}/json` */
  imageInspect(name: string): Promise<ImageInspect>;
  /** `GET /images/{name}/history` */
  imageHistory(name: string): Promise<HistoryItem[]>;
  /** `POST /images/{name}/tag` */
  imageTag(source: string, target: string): Promise<void>;
  /** `DELETE /images/{name}` */
  imageRemove(name: string, opts: ImageRemoveOptions): Promise<ImageDeleteItem[]>;
  /** `POST /images/prune` */
  imagePrune(opts: { all?: boolean; filters?: Filters }): Promise<ImagePruneReport>;
  /** `GET /images/get`: a docker-archive tar of the named images. */
  imageSave(names: string[]): Promise<Buffer>;
  /** `POST /images/load` */
  imageLoad(archive: Buffer, onMessage: (m: JsonMessage) => void): Promise<void>;
  /** `GET /images/search` */
  imageSearch(term: string, opts: { limit?: number; filters?: Filters }): Promise<SearchResult[]>;
  /** `GET /system/df` */
  systemDf(): Promise<DiskUsage>;
  /** dockersim: the engine's current time (ms), simulated in deterministic mode; clients compute "ago" from it. */
  now(): Promise<number>;
  /** dockersim: the state folder this engine keeps its objects in. */
  stateLocation(): string;
  /** dockersim: removes every object and all simulated state (`dockersim reset`). */
  resetState(): Promise<void>;
  /** Releases what the engine holds (nothing for the in-process engine, a socket for a remote one). */
  close?(): Promise<void>;
}

/** `GET /system/df` (the parts filled so far). */
export interface DiskUsage {
  LayersSize: number;
  Images: (ImageSummary & { Containers: number; SharedSize: number })[];
  Containers: unknown[];
  Volumes: unknown[];
  BuildCache: unknown[];
}
