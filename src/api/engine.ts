import type {
  ContainerCreateRequest,
  ContainerInspect,
  ContainerListOptions,
  ContainerSummary,
  EndpointConfig,
  EngineEvent,
  ExecRequest,
  LogChunk,
  LogOptions,
  NetworkCreateRequest,
  NetworkResource,
  StatsSample,
  TopResult,
  Volume,
  VolumeCreateRequest,
  VolumePruneReport,
  WaitResult,
} from './containers.js';
import type { EngineError } from './errors.js';
import type {
  BuildEvent,
  BuildOptions,
  BuildResult,
  ContextFile,
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
  /**
   * `POST /build`: builds from a context (files after .dockerignore) and a Dockerfile. A failed
   * step rejects with an EngineError whose detail.exitCode is the step's exit code.
   */
  imageBuild(
    context: ContextFile[],
    opts: BuildOptions,
    onEvent: (e: BuildEvent) => void,
  ): Promise<BuildResult>;
  /**
   * `POST /build/prune`: removes unused build cache records (`until`: keeps those used within that
   * many ms; `keepStorage`: keeps the most recently used up to that many bytes); returns them.
   */
  buildCachePrune(opts: {
    all?: boolean;
    until?: number;
    keepStorage?: number;
  }): Promise<import('./images.js').BuildCacheRecord[]>;
  /** `GET /images/search` */
  imageSearch(term: string, opts: { limit?: number; filters?: Filters }): Promise<SearchResult[]>;
  /** `GET /system/df` */
  systemDf(): Promise<DiskUsage>;
  /** `POST /containers/create` */
  containerCreate(req: ContainerCreateRequest): Promise<{ Id: string; Warnings: string[] }>;
  /** `POST /containers/{id}/start`; `stdin` is what an attached `-i` client sends. */
  containerStart(ref: string, opts?: { stdin?: string | null }): Promise<void>;
  /** `POST /containers/{id}/stop` */
  containerStop(ref: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  /** `POST /containers/{id}/restart` */
  containerRestart(ref: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  /** `POST /containers/{id}/kill` */
  containerKill(ref: string, signal?: string): Promise<void>;
  containerPause(ref: string): Promise<void>;
  containerUnpause(ref: string): Promise<void>;
  /** `DELETE /containers/{id}` */
  containerRemove(ref: string, opts: { force?: boolean; volumes?: boolean }): Promise<void>;
  containerRename(ref: string, name: string): Promise<void>;
  /** `POST /containers/{id}/wait`: blocks until the container is not running. */
  containerWait(ref: string): Promise<WaitResult>;
  /** `GET /containers/json` */
  containerList(opts: ContainerListOptions): Promise<ContainerSummary[]>;
  /** `GET /containers/{id}/json` */
  containerInspect(ref: string, opts?: { size?: boolean }): Promise<ContainerInspect>;
  /** `GET /containers/{id}/logs`; with `follow`, streams until the container stops. */
  containerLogs(
    ref: string,
    opts: LogOptions & { follow?: boolean },
    onChunk: (c: LogChunk) => void,
  ): Promise<void>;
  /**
   * Attaches to a container's output from now (or from its start with `fromStart`) until it
   * stops; resolves with its exit code. What `docker run` and `start -a` show.
   */
  containerAttach(
    ref: string,
    /** `sigProxy`: Ctrl-C (`interrupt()`) sends the container SIGINT instead of leaving; a second one leaves. */
    opts: { fromStart?: boolean; sigProxy?: boolean },
    onChunk: (c: LogChunk) => void,
  ): Promise<number>;
  /** `GET /containers/{id}/top` */
  containerTop(ref: string, psArgs: string): Promise<TopResult>;
  /** `GET /containers/{id}/stats?stream=0` */
  containerStats(ref: string): Promise<StatsSample>;
  /** `POST /containers/prune` */
  containerPrune(): Promise<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>;
  /** Exec create + start: runs a command in a running container; attached unless `Detach`. */
  containerExec(
    ref: string,
    req: ExecRequest,
    onChunk: (c: LogChunk) => void,
    stdin?: string | null,
  ): Promise<number>;
  /** `GET /containers/{id}/changes`: what the container's writable layer changed (A/C/D). */
  containerDiff(ref: string): Promise<{ Kind: 0 | 1 | 2; Path: string }[]>;
  /** `POST /commit`: the container's writable layer becomes a new image layer. */
  containerCommit(
    ref: string,
    opts: { repo?: string; comment?: string; author?: string; changes?: string[]; pause?: boolean },
  ): Promise<{ Id: string }>;
  /**
   * A terminal session with a container's shell (`run -it`, `exec -it`): open it on the
   * container's main process or on a new exec, then send it lines. Returns a session handle.
   */
  shellOpen(ref: string, exec?: ExecRequest): Promise<string>;
  /**
   * Whether a command (or, without `exec`, the container's main process) reads lines at a
   * prompt on a terminal: a shell, or a client such as `mysql -p`, `psql`, `redis-cli`. What
   * decides whether `-it` opens a terminal session or just attaches the output.
   */
  readsLines(ref: string, exec?: Pick<ExecRequest, 'Cmd' | 'Env' | 'WorkingDir'>): Promise<boolean>;
  shellPrompt(session: string): Promise<string>;
  /** Runs one line; resolves when the line is done (`exited` once the shell has left). */
  shellLine(
    session: string,
    line: string,
    onChunk: (c: LogChunk) => void,
  ): Promise<{ exited: boolean; code: number }>;
  /** The terminal is gone: the shell ends with `code` (the container stops when it was its PID 1). */
  shellClose(session: string, code: number): Promise<void>;
  /** `GET /containers/{id}/archive`: a tar of one path in the container (for `docker cp` out). */
  containerArchiveGet(ref: string, path: string, opts: { follow?: boolean }): Promise<Buffer>;
  /** `PUT /containers/{id}/archive`: unpacks a tar into a directory of the container (`docker cp` in). */
  containerArchivePut(ref: string, dir: string, tar: Buffer): Promise<void>;
  /** `GET /containers/{id}/export`: the container's whole filesystem as a tar. */
  containerExport(ref: string): Promise<Buffer>;
  /** `POST /images/create?fromSrc=-`: a filesystem tar becomes a one-layer image. */
  imageImport(tar: Buffer, opts: { ref?: string; message?: string; changes?: string[] }): Promise<string>;
  /** `POST /containers/{id}/update`: new resource limits (written to its cgroup at once) or restart policy. */
  containerUpdate(
    ref: string,
    update: Partial<import('./containers.js').HostConfig>,
  ): Promise<{ Warnings: string[] }>;
  /** `GET /events` up to now, filtered by time. */
  events(opts: { since?: number; until?: number }): Promise<EngineEvent[]>;
  /** dockersim: runs one command on the simulated host (as root), streaming its output; resolves with its exit code. */
  hostCommand(argv: string[], stdin: string | null, onChunk: (c: LogChunk) => void): Promise<number>;
  /**
   * dockersim: a line typed at the simulated host's login shell (the playground). The shell keeps
   * its variables and directory between lines; `docker ...` inside the line is handed to
   * `client`, which runs it as the docker CLI would (a nested engine call).
   */
  hostShellLine(
    line: string,
    onChunk: (c: LogChunk) => void,
    client: HostClient,
  ): Promise<{ exited: boolean; code: number }>;
  /** dockersim: the host login shell's prompt (`learner@docker-host:~$ `). */
  hostShellPrompt(): Promise<string>;
  /** dockersim: facts about what the engine did since the last call (for `--explain`); clears them. */
  narration(): import('./explain.js').ExplainFact[];
  /** dockersim: the last `docker build` and what its cache decided per step. */
  lastBuild(): Promise<import('./explain.js').BuildRecord | undefined>;
  /** dockersim: the simulated hypervisor's virtual machines. */
  vm(): Promise<import('./vm.js').VmApi>;
  /** dockersim: Ctrl-C at the terminal: commands that follow a container stop following. */
  interrupt(): void;
  /** dockersim: the engine's current time (ms), simulated in deterministic mode; clients compute "ago" from it. */
  now(): Promise<number>;
  /** dockersim: the state folder this engine keeps its objects in. */
  stateLocation(): string;
  /** dockersim: removes every object and all simulated state (`dockersim reset`). */
  resetState(): Promise<void>;
  /** Releases what the engine holds (nothing for the in-process engine, a socket for a remote one). */
  close?(): Promise<void>;
  /** `POST /networks/create` */
  networkCreate(req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }>;
  /** `GET /networks` (`Containers` left empty, as the list endpoint does). */
  networkList(opts: { filters?: Filters }): Promise<NetworkResource[]>;
  /** `GET /networks/{id}`: by name, full ID or unique ID prefix. */
  networkInspect(ref: string): Promise<NetworkResource>;
  /** `DELETE /networks/{id}` */
  networkRemove(ref: string): Promise<void>;
  /** `POST /networks/{id}/connect` */
  networkConnect(network: string, container: string, config?: EndpointConfig): Promise<void>;
  /** `POST /networks/{id}/disconnect` */
  networkDisconnect(network: string, container: string, force?: boolean): Promise<void>;
  /** `POST /networks/prune`: names of the removed networks. */
  networkPrune(opts: { filters?: Filters }): Promise<{ NetworksDeleted: string[] | null }>;
  /** `POST /volumes/create` */
  volumeCreate(req: VolumeCreateRequest): Promise<Volume>;
  /** `GET /volumes` */
  volumeList(opts: { filters?: Filters }): Promise<{ Volumes: Volume[]; Warnings: string[] | null }>;
  /** `GET /volumes/{name}` */
  volumeInspect(name: string): Promise<Volume>;
  /** `DELETE /volumes/{name}` */
  volumeRemove(name: string, opts: { force?: boolean }): Promise<void>;
  /** `POST /volumes/prune`: unused anonymous volumes, or every unused one with `all`. */
  volumePrune(opts: { all?: boolean; filters?: Filters }): Promise<VolumePruneReport>;
  /**
   * `docker stop A B C`: the client stops containers in parallel, so they are signalled at
   * once and their timeouts run together. One entry per ref: its error, or null.
   */
  containerStopMany(
    refs: string[],
    opts: { timeout?: number; signal?: string },
  ): Promise<(EngineError | null)[]>;
}

/**
 * Runs a `docker` command typed inside a host shell line, with that command's stdin; returns
 * what it printed and its exit code.
 */
export type HostClient = (
  argv: string[],
  stdin: string | null,
  /** Which client was typed: `docker` or `dockersim`. */
  name?: 'docker' | 'dockersim',
) => Promise<{
  stdout: string;
  stderr: string;
  code: number;
  /** Both streams in the order they were written, when the client kept it. */
  chunks?: { stream: 'stdout' | 'stderr'; text: string }[];
}>;

/** `GET /system/df` (the parts filled so far). */
export interface DiskUsage {
  LayersSize: number;
  Images: (ImageSummary & { Containers: number; SharedSize: number })[];
  Containers: ContainerSummary[];
  Volumes: { Name: string; UsageData?: { Size: number; RefCount: number } | null }[];
  BuildCache: import('./images.js').BuildCacheRecord[];
  /** Bytes the build cache holds on its own (records not shared with an image). */
  BuilderSize: number;
}
