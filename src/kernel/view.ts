/**
 * The kernel as one process sees it: the processes of its PID namespace (numbered as that
 * namespace numbers them), its UTS names, the machine's CPUs and memory, its cgroup. Programs
 * such as `ps`, `hostname`, `free` and `nproc` print from this and nothing else, so the same
 * program gives the host's answer on the host and the container's answer in a container.
 */

export type NamespaceType = 'pid' | 'net' | 'mnt' | 'uts' | 'ipc' | 'user' | 'cgroup' | 'time';

export interface ProcInfo {
  /** PID as seen from the viewer's PID namespace. */
  pid: number;
  /** PID in the host's (initial) PID namespace. */
  hostPid: number;
  /** Parent PID as seen from the viewer; 0 when the parent is outside the viewer's namespace. */
  ppid: number;
  uid: number;
  gid: number;
  /** User name as the viewer's /etc/passwd names it (the number when it has no name). */
  user: string;
  /** Name in /proc/PID/comm (at most 15 characters). */
  comm: string;
  /** argv as in /proc/PID/cmdline (a rewritten title is one element, e.g. `nginx: worker process`). */
  args: string[];
  /** R running, S sleeping, D disk sleep, Z zombie, T stopped (frozen by the cgroup freezer), I idle kernel thread. */
  state: 'R' | 'S' | 'D' | 'Z' | 'T' | 'I';
  /** Start time, ms since the epoch. */
  startTime: number;
  /** CPU time used so far, ms. */
  cpuTime: number;
  /** Current CPU use in cores (for %CPU). */
  cpuCores: number;
  /** Resident memory, bytes (ps prints KiB). */
  rss: number;
  /** Virtual size, bytes. */
  vsz: number;
  /** Controlling terminal (`pts/0`), or null (`?`). */
  tty: string | null;
  threads: number;
  nice: number;
  /** Inode numbers of the process's namespaces. */
  ns: Record<NamespaceType, number>;
  /**
   * The process's cgroup path as /proc/PID/cgroup shows it to the viewer: from the root of the tree
   * on the host (`/system.slice/docker-<id>.scope`), `/` inside a container's own cgroup namespace.
   */
  cgroup: string;
  /** Kernel threads have no cmdline and show as `[kthreadd]`. */
  kernelThread: boolean;
  /** Process group, session and the controlling terminal's foreground group, in the viewer's PID namespace (0 outside it, tpgid -1 without a terminal). */
  pgid?: number;
  sid?: number;
  tpgid?: number;
}

/** Bytes. `cached` is Cached + SReclaimable, as procps counts it in `buff/cache` (with buffers). */
export interface MemInfo {
  total: number;
  free: number;
  available: number;
  buffers: number;
  cached: number;
  shared: number;
  swapTotal: number;
  swapFree: number;
}

export interface UtsInfo {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export interface SystemView {
  /** Simulated now, ms since the epoch. */
  now(): number;
  /** Boot time of the simulated host, ms since the epoch. */
  bootTime(): number;
  uts(): UtsInfo;
  cpus(): number;
  /** As `free` and /proc/meminfo report it to this viewer (the host's memory, as in a real container). */
  meminfo(): MemInfo;
  /** Load averages (1, 5, 15 minutes). */
  loadavg(): [number, number, number];
  /** Processes visible in the viewer's PID namespace, by PID. */
  processes(): ProcInfo[];
  /** The viewer itself (the process running the program), as seen from its own namespace. */
  selfPid(): number;
  /** True when the viewer is the host (initial namespaces). */
  isHost(): boolean;
}
