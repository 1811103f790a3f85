import type { NamespaceType } from './view.js';

/** Namespace kinds in the order `ls /proc/PID/ns` lists them (without the `*_for_children` links). */
export const NAMESPACE_TYPES: readonly NamespaceType[] = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'time',
  'user',
  'uts',
];

/**
 * Limits of one cgroup v2 directory, in the units of its files: bytes and microseconds.
 * An absent value is `max` (no limit).
 */
export interface CgroupLimits {
  memoryMax?: number;
  /** `memory.swap.max`: swap on top of memory (docker's --memory-swap minus --memory). */
  memorySwapMax?: number;
  /** `memory.low` (--memory-reservation). */
  memoryLow?: number;
  cpuQuotaUsec?: number;
  cpuPeriodUsec: number;
  /** 1–10000; 100 is the default. */
  cpuWeight: number;
  pidsMax?: number;
}

export const DEFAULT_LIMITS: CgroupLimits = { cpuPeriodUsec: 100000, cpuWeight: 100 };

export interface SpawnSpec {
  /** Host PID of the parent (the shim for a container's first process and for `docker exec`). */
  ppid: number;
  args: string[];
  /** Kernel name; defaults to the basename of args[0], cut to 15 characters. */
  comm?: string;
  /** Executable path (`/proc/PID/exe`); defaults to args[0] when it is absolute. */
  exe?: string;
  uid: number;
  gid: number;
  env?: Record<string, string>;
  cwd?: string;
  ns: Record<NamespaceType, number>;
  cgroup: string;
  /** ms since the epoch. */
  startTime: number;
  tty?: string | null;
  /** Resident memory, bytes. */
  memory?: number;
  /** Virtual size, bytes (derived from memory when absent). */
  vsz?: number;
  cpuCores?: number;
  /** Threads, each of which takes a PID number as a real kernel's TIDs do (Go daemons have ~10). */
  threads?: number;
  /** Starts a new session (setsid). Implied for a process whose parent is in another PID namespace. */
  session?: boolean;
  oomScoreAdj?: number;
  /** Full ID of the container the process belongs to (gives it seccomp and docker's capabilities). */
  container?: string;
}

/** One process of the table, as persisted in `kernel/proc/<hostpid>.json`. */
export interface ProcessRecord {
  /** Host PID. */
  pid: number;
  /** Host PID of the parent (0 for PID 1 and kthreadd). */
  ppid: number;
  /** The PID in every PID namespace from the host's down to the process's own (NSpid). */
  nsPids: number[];
  /** Host PIDs of the process group and session leaders (0 for kernel threads). */
  pgid: number;
  sid: number;
  args: string[];
  comm: string;
  exe: string;
  uid: number;
  gid: number;
  env: Record<string, string>;
  cwd: string;
  ns: Record<NamespaceType, number>;
  cgroup: string;
  startTime: number;
  tty: string | null;
  memory: number;
  vsz: number;
  /** CPU the program asks for, in cores. */
  cpuCores: number;
  /** CPU it gets (after the cgroup's quota, the freezer and the host's CPU count). */
  cpuRate: number;
  /** CPU time used up to `usageAt`, ms. */
  cpuMs: number;
  usageAt: number;
  threads: number;
  kernelThread: boolean;
  /** Kernel threads that are idle workqueues show state I. */
  idle?: boolean;
  oomScoreAdj: number;
  container?: string;
}

/** A namespace, as persisted in `kernel/ns/<inode>.json`. */
export interface NamespaceRecord {
  inode: number;
  type: NamespaceType;
  /** PID namespaces: the parent namespace (absent for the host's) and the next PID to hand out. */
  parent?: number;
  nextPid?: number;
  /** UTS namespaces. */
  hostname?: string;
  /** Mount namespaces: the text of /proc/PID/mounts when the caller gave one. */
  mounts?: string;
  /** Cgroup namespaces: the cgroup that is `/` inside. */
  root?: string;
}

/** A cgroup directory, as persisted in `kernel/cgroup/<path>/cgroup.json`. */
export interface CgroupRecord {
  path: string;
  limits: CgroupLimits;
  frozen: boolean;
  created: number;
  /** memory.events counters. */
  eventsMax: number;
  oom: number;
  oomKill: number;
  memoryPeak: number;
  pidsPeak: number;
  /** CPU of processes that have left the cgroup, µs. */
  exitedUsec: number;
  nrPeriods: number;
  nrThrottled: number;
  throttledUsec: number;
  /** When the throttling counters were last brought up to date. */
  settledAt: number;
}

/** Host-wide counters, persisted in `kernel/kernel.json`. */
export interface KernelCounters {
  version: number;
  /** Boot time, ms since the epoch. */
  boot: number;
  /** Next inode number for a new namespace. */
  nextInode: number;
  /** CPU time of processes that have exited, ms (for /proc/stat). */
  exitedCpuMs: number;
  /** Processes forked since boot (/proc/stat `processes`). */
  forks: number;
  /** Load averages at `loadAt`, moving toward the current run-queue length. */
  load: [number, number, number];
  loadAt: number;
}
