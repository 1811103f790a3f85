/** Image objects as the Engine API shapes them (v1.47 names). */

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  /** Unix seconds. */
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

export interface ImageConfigView {
  Hostname?: string;
  Domainname?: string;
  User: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: unknown;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  Shell?: string[];
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created: string;
  DockerVersion: string;
  Author: string;
  Config: ImageConfigView;
  Architecture: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string>; Name: string };
  RootFS: { Type: string; Layers: string[] };
  Metadata: { LastTagTime: string };
}

/** One row of `GET /images/{name}/history`, newest first. */
export interface HistoryItem {
  Id: string;
  /** Unix seconds. */
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface ImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

export interface ImagePruneReport {
  ImagesDeleted: ImageDeleteItem[] | null;
  SpaceReclaimed: number;
}

/** One message of a JSON progress stream (pull, load, build). */
export interface JsonMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  aux?: Record<string, unknown>;
  errorDetail?: { code?: number; message: string };
}

export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

/** `docker images` filters: name → values, as the API's `filters` parameter. */
export type Filters = Record<string, string[]>;

export interface ImageListOptions {
  all?: boolean;
  filters?: Filters;
  digests?: boolean;
}

export interface ImageRemoveOptions {
  force?: boolean;
  noprune?: boolean;
}

export interface PullOptions {
  allTags?: boolean;
  /** Simulated transfer pacing: stream progress with real delays (a terminal is watching). */
  live?: boolean;
}

/** One file of a build context as the client sends it (after .dockerignore). */
export interface ContextFile {
  /** Path relative to the context root, `/`-separated. */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  content?: Uint8Array;
  target?: string;
}

export interface BuildOptions {
  /** The Dockerfile's text (read by the client from `-f`, the context, or stdin). */
  dockerfile: string;
  /** Its name as given, for messages (`Dockerfile`, `app.Dockerfile`). */
  dockerfileName: string;
  tags: string[];
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  target?: string;
  noCache: boolean;
  pull: boolean;
  /** `legacy` prints docker's classic builder output; `buildkit` BuildKit's plain progress. */
  builder: 'buildkit' | 'legacy';
}

/**
 * Progress of a build, as the builder reports it; the CLI renders BuildKit's plain or TTY view,
 * or the legacy builder's lines, from these.
 */
export type BuildEvent =
  | { kind: 'vertex'; id: number; name: string; cached?: boolean; at: number }
  | { kind: 'status'; id: number; text: string; at: number; done?: boolean; seconds?: number }
  | { kind: 'log'; id: number; stream: 'stdout' | 'stderr'; text: string; at: number }
  | { kind: 'vertex-done'; id: number; at: number; seconds: number; cached?: boolean }
  | { kind: 'vertex-error'; id: number; at: number; message: string }
  /** Legacy builder lines (`Step 1/3 : FROM alpine`, ` ---> Running in …`), already worded. */
  | { kind: 'legacy'; text: string };

export interface BuildResult {
  imageId: string;
}

/** A build cache record, as `GET /system/df` lists it (BuildCache). */
export interface BuildCacheRecord {
  ID: string;
  Parents: string[] | null;
  /** `regular`, `source.local`, `internal`, `frontend`. */
  Type: string;
  Description: string;
  InUse: boolean;
  /** Its layer is also one of an image's. */
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string | null;
  UsageCount: number;
}
