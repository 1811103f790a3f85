/**
 * What the engine did underneath a command, as facts for `--explain` to narrate: which layers
 * were stacked, which namespaces and cgroups were made, which processes started, which ports
 * were published, what the build cache decided. Facts are data (IDs, paths, inode numbers,
 * PIDs, limits); the narration's words live in the client (learn/explain), in each language.
 */
export type ExplainFact =
  | LayersFact
  | RootfsFact
  | NetworkFact
  | NamespacesFact
  | CgroupFact
  | ProcessFact
  | PortFact
  | SignalFact
  | ExitFact
  | RemovedFact
  | ExecFact
  | MountFact
  | PullFact
  | BuildRunFact
  | BuildStepFact;

export type ExplainKind = ExplainFact['kind'];

/** The namespace types of `/proc/PID/ns`. */
export type NamespaceName = 'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'time' | 'user' | 'uts';

/** Which container a fact is about. */
export interface ContainerRef {
  /** Full container ID. */
  container: string;
  /** Its name, without the leading `/`. */
  name: string;
}

/** `create`: a writable layer laid over the image's read-only layers (GraphDriver.Data). */
export interface LayersFact extends ContainerRef {
  kind: 'layers';
  /** The image as the command named it, and its ID. */
  image: string;
  imageId: string;
  /** The image's own layers (without the container's init layer). */
  imageLayers: number;
  /** Read-only directories, top first, as `LowerDir` lists them (the `-init` layer first). */
  lowerDirs: string[];
  upperDir: string;
  workDir: string;
  mergedDir: string;
}

/** `start`: the overlay mounted as the container's root. */
export interface RootfsFact extends ContainerRef {
  kind: 'rootfs';
  mergedDir: string;
  lowerCount: number;
  upperDir: string;
}

/** `start`: an endpoint on a network (a veth pair into the container's net namespace). */
export interface NetworkFact extends ContainerRef {
  kind: 'network';
  network: string;
  /** `172.17.0.2/16`; empty for `host` and `none`. */
  address: string;
  gateway: string;
  driver: string;
}

export interface NamespaceEntry {
  type: NamespaceName;
  inode: number;
  /** Made for this container (otherwise joined). */
  created: boolean;
  /** Whose namespace was joined: `host`, or a container's name. */
  sharedWith?: string;
}

/** `start`: the namespaces the container's first process was put in. */
export interface NamespacesFact extends ContainerRef {
  kind: 'namespaces';
  hostPid: number;
  namespaces: NamespaceEntry[];
}

/** One cgroup v2 file and the value written to it, as `cat` shows it. */
export interface CgroupWrite {
  file: string;
  value: string;
  /** The docker flag it came from (`--memory`), when there is one. */
  flag?: string;
}

/** `start`: the container's cgroup directory and the limits written into it. */
export interface CgroupFact extends ContainerRef {
  kind: 'cgroup';
  /** `/sys/fs/cgroup/system.slice/docker-<id>.scope` */
  path: string;
  written: CgroupWrite[];
}

/** A process started for a container. */
export interface ProcessFact extends ContainerRef {
  kind: 'process';
  /** `execve`: the process replaced its program (same PID), as an entrypoint script does. */
  role: 'shim' | 'main' | 'child' | 'execve';
  hostPid: number;
  /** Its PID inside its own PID namespace (equal to hostPid in the host's). */
  nsPid: number;
  ppid: number;
  /** `comm`, as `ps -o comm` shows it. */
  command: string;
  /** `execve`: the command it was before. */
  previous?: string;
  /** In the host's PID namespace (the shim; a container with `--pid host`). */
  onHost: boolean;
}

/** `start`: a published port, held on the host by a docker-proxy process. */
export interface PortFact extends ContainerRef {
  kind: 'port';
  proto: string;
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
  proxyPid: number;
}

/** `stop`/`kill`: a signal sent to the container's main process. */
export interface SignalFact extends ContainerRef {
  kind: 'signal';
  signal: string;
  number: number;
  hostPid: number;
  /** What the process did about it. */
  outcome: 'exits' | 'handled' | 'ignored' | 'killed';
  /** SIGKILL after `stop`'s timeout ran out (seconds). */
  afterTimeout?: number;
}

/** The main process ended: every process of the container went, the cgroup was removed. */
export interface ExitFact extends ContainerRef {
  kind: 'exit';
  hostPid: number;
  code: number;
  oomKilled: boolean;
  /** memory.max when the kernel's OOM killer ended it. */
  memoryMax?: number;
  /** Host PIDs that ended (container processes, shim, docker-proxy). */
  ended: number[];
  cgroup: string;
  /** The program could not be started (runc's exec failed): why. */
  execFailed?: string;
  /** Restart policy that brings it back, and after how long. */
  restart?: { policy: string; delayMs: number };
}

/** `rm`: the container's writable layer (and perhaps its anonymous volumes) deleted. */
export interface RemovedFact extends ContainerRef {
  kind: 'removed';
  upperDir: string;
  bytes: number;
  /** The image layers stay: the image (and other containers) still use them. */
  imageLayers: number;
}

/** `exec`: a new process that joined a running container's namespaces and cgroup. */
export interface ExecFact extends ContainerRef {
  kind: 'exec';
  hostPid: number;
  nsPid: number;
  ppid: number;
  command: string;
  namespaces: { type: NamespaceName; inode: number }[];
  cgroup: string;
}

/** `create`: a mount of the container: a volume (perhaps made now), a host folder or a tmpfs. */
export interface MountFact extends ContainerRef {
  kind: 'mount';
  type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name (64 hex digits for an anonymous one). */
  volume?: string;
  /** The volume was made for this container (otherwise an existing one is reused). */
  created: boolean;
  anonymous: boolean;
  source: string;
  destination: string;
  readOnly: boolean;
}

export interface PulledLayer {
  /** Compressed blob digest, as the registry names it. */
  digest: string;
  diffId: string;
  chainId: string;
  size: number;
  /** Its chain was already in the layer store (`Already exists`). */
  present: boolean;
}

/** `pull`: which layers were downloaded and which were already present. */
export interface PullFact {
  kind: 'pull';
  ref: string;
  imageId: string;
  manifestDigest: string;
  upToDate: boolean;
  layers: PulledLayer[];
}

/** `build`: a RUN step ran in a short-lived container. */
export interface BuildRunFact {
  kind: 'build-run';
  step: string;
  hostPid: number;
  cgroup: string;
  exitCode: number;
  /** Inode numbers of the namespaces made for it. */
  namespaces: { type: NamespaceName; inode: number }[];
}

/** A file copied by COPY/ADD and its content checksum. */
export interface SourceChecksum {
  path: string;
  checksum: string;
}

/**
 * Why the build cache decided as it did. Hits: the same instruction on the same parent image
 * (`same-instruction`), and for COPY/ADD the same file checksums (`same-files`). Misses: the
 * cache was switched off, the step before was rebuilt (so the parent is new), a copied file
 * changed, or nothing like it was built on this parent before.
 */
export type CacheReason =
  | 'same-instruction'
  | 'same-files'
  | 'no-cache'
  | 'parent-rebuilt'
  | 'files-changed'
  | 'new-step';

/** `build`: the cache's decision for one step. */
export interface BuildStepFact {
  kind: 'build-step';
  /** The step as BuildKit names it (`[2/4] COPY app.py /app/`), or its instruction. */
  step: string;
  parent: string;
  result: string;
  cached: boolean;
  reason: CacheReason;
  /** COPY/ADD: the files and their checksums. */
  files?: SourceChecksum[];
  /** `files-changed`: which files differ from the previous build (checksum before and after). */
  changed?: { path: string; before?: string; after?: string }[];
}

/** One step of the last `docker build`, as the cache decided it. */
export interface BuildStepRecord {
  /** The vertex name BuildKit prints (`[2/4] RUN apk add curl`). */
  name: string;
  cached: boolean;
}

/** The last build this engine ran (for lessons that check the build cache). */
export interface BuildRecord {
  time: number;
  tags: string[];
  imageId: string;
  steps: BuildStepRecord[];
}
