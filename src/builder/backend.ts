import type { SourceChecksum } from '../api/explain.js';
import type { FileEntry } from '../fs/files.js';
import type { FsView } from '../fs/view.js';
import type { ContainerConfigSpec, HistoryEntry } from '../images/config.js';

/**
 * What the builder needs from the engine, and nothing more: images to start from, a place to
 * run a step, and a way to record a step's result as an image. The builder stays ignorant of
 * stores, the kernel and containers.
 */
export interface BaseImage {
  /** `sha256:…` */
  id: string;
  config: ContainerConfigSpec;
  history: HistoryEntry[];
  /** Manifest digest when the image came from a registry (for `FROM …@sha256:` in progress lines). */
  digest?: string;
}

export interface StepOutput {
  stream: 'stdout' | 'stderr';
  text: string;
  /** ms after the step started. */
  at: number;
}

export interface RunResult {
  output: StepOutput[];
  exitCode: number;
  /** The step container's writable layer: what the command changed (files, whiteouts). */
  changes: FileEntry[];
  /** Simulated time the command took, ms. */
  duration: number;
}

export interface BuilderBackend {
  /** Finds an image by reference or ID; pulls it when missing (or always, with `pull`). */
  resolveImage(ref: string, opts: { pull: boolean }, onPullLine: (line: string) => void): Promise<BaseImage>;
  /** The files of an image (a read-only union view), for `COPY --from` and `WORKDIR`/`USER` checks. */
  imageFs(imageId: string | undefined): FsView;
  /** Runs a RUN step: argv in a temporary container made from `imageId` with the given config. */
  run(imageId: string | undefined, config: ContainerConfigSpec, argv: string[]): Promise<RunResult>;
  /**
   * Records a step: a new image from `parent` plus an optional layer, with the config and one
   * more history entry. Returns its ID. Metadata-only steps pass `layer: undefined`.
   */
  commit(
    parent: string | undefined,
    layer: FileEntry[] | undefined,
    config: ContainerConfigSpec,
    history: HistoryEntry,
  ): Promise<string>;
  /**
   * The build cache: a previous result of the same step on the same parent, if any. `key` is the
   * step's cache identity (its `created_by`, plus a digest of copied content for COPY/ADD).
   */
  findCached(parent: string | undefined, key: string): Promise<string | undefined>;
  /** Remembers a step's cache identity for its result. */
  remember(parent: string | undefined, key: string, result: string): Promise<void>;
  /** For `--explain`: what the cache decided for a step (the backend knows what earlier builds copied). */
  explainStep?(step: CacheStep): void;
  /** Points a name at the final image; returns the previous holder of the name, if any. */
  tag(imageId: string, ref: string): Promise<void>;
  /** Simulated clock, ms. */
  now(): number;
  /** Lets simulated time pass (steps take time). */
  elapse(ms: number): void;
}

/** One step's cache decision, as the builder saw it. */
export interface CacheStep {
  /** BuildKit's vertex name (`[2/4] COPY app.py /app/`), or the instruction of a metadata step. */
  step: string;
  /** The step's `created_by` (what a previous build of the same instruction recorded). */
  instruction: string;
  parent: string | undefined;
  result: string;
  cached: boolean;
  /** `--no-cache` was given. */
  noCache: boolean;
  /** An earlier step of the stage ran in this build, so this step's parent image is new. */
  parentRebuilt: boolean;
  /** COPY/ADD: the copied files and their checksums. */
  sources?: SourceChecksum[];
}

/** The file types the builder works with, from the one module allowed to name them. */
export type { FileEntry, FsView, SourceChecksum };
