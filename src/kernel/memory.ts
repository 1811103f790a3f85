import { isWithin, type KernelState, PAGE, pageAlign } from './state.js';
import type { ProcessRecord } from './types.js';
import type { MemInfo } from './view.js';

/**
 * Memory accounting. A process's resident memory splits into anonymous pages and mapped file
 * pages; a cgroup is charged for those plus kernel memory (stacks, page tables, slab). The host's
 * /proc/meminfo adds the kernel and page cache of a freshly booted Ubuntu server.
 */

export interface ProcMemory {
  rss: number;
  anon: number;
  file: number;
  kernelStack: number;
  pageTables: number;
}

export function procMemory(p: ProcessRecord): ProcMemory {
  if (p.kernelThread) return { rss: 0, anon: 0, file: 0, kernelStack: 16384, pageTables: 0 };
  const rss = pageAlign(p.memory);
  const file = Math.min(rss, pageAlign(Math.min(rss * 0.15, 16 * 1024 * 1024)));
  return {
    rss,
    anon: rss - file,
    file,
    kernelStack: p.threads * 16384,
    pageTables: Math.max(4 * PAGE, pageAlign(p.vsz / 1800)),
  };
}

export interface CgroupMemory {
  anon: number;
  file: number;
  kernelStack: number;
  pageTables: number;
  slab: number;
  percpu: number;
  kernel: number;
  current: number;
  inactiveFile: number;
  activeFile: number;
}

/** What a cgroup (with its descendants) is charged for. */
export function cgroupMemory(state: KernelState, path: string): CgroupMemory {
  let anon = 0;
  let file = 0;
  let kernelStack = 0;
  let pageTables = 0;
  let count = 0;
  for (const p of state.procs.values()) {
    if (!isWithin(p.cgroup, path) || p.kernelThread) continue;
    const m = procMemory(p);
    anon += m.anon;
    file += m.file;
    kernelStack += m.kernelStack;
    pageTables += m.pageTables;
    count++;
  }
  const slab = count === 0 ? 0 : pageAlign(131072 + count * 98304);
  const percpu = count === 0 ? 0 : state.host.cpus * 2048;
  const kernel = kernelStack + pageTables + slab + percpu;
  const inactiveFile = pageAlign(file * 0.4);
  return {
    anon,
    file,
    kernelStack,
    pageTables,
    slab,
    percpu,
    kernel,
    current: anon + file + kernel,
    inactiveFile,
    activeFile: file - inactiveFile,
  };
}

/** Raises memory.peak and pids.peak of `path` and its ancestors to what they hold now. */
export function notePeaks(state: KernelState, path: string): void {
  for (const rec of state.cgroups.values()) {
    if (!isWithin(path, rec.path) || rec.path === '/') continue;
    const mem = cgroupMemory(state, rec.path).current;
    const pids = tasksIn(state, rec.path);
    if (mem > rec.memoryPeak || pids > rec.pidsPeak) {
      rec.memoryPeak = Math.max(rec.memoryPeak, mem);
      rec.pidsPeak = Math.max(rec.pidsPeak, pids);
      state.dirty.cgroup(rec.path);
    }
  }
}

/** pids.current: tasks (threads), not processes. */
export function tasksIn(state: KernelState, path: string): number {
  let n = 0;
  for (const p of state.procs.values()) if (isWithin(p.cgroup, path)) n += p.threads;
  return n;
}

const KIB = 1024;
/** Kernel memory of the host beyond what its processes account for (slab, vmalloc, page tables...). */
const KERNEL_BASE = 312_000 * KIB;
const BUFFERS = 120_788 * KIB;
const PAGE_CACHE = 1_987_620 * KIB;
const SRECLAIMABLE = 143_216 * KIB;
const SHMEM = 3_104 * KIB;
/** The kernel keeps this much free before it shrinks the page cache. */
const MIN_FREE = 67_584 * KIB;

export interface HostMemory extends MemInfo {
  used: number;
  anon: number;
  sreclaimable: number;
  pageTables: number;
  kernelStack: number;
}

/**
 * The host's memory in bytes. `cached` is Cached + SReclaimable, the way procps counts the
 * `buff/cache` column together with `buffers`.
 */
export function hostMemory(state: KernelState): HostMemory {
  let rss = 0;
  let anon = 0;
  let pageTables = 0;
  let kernelStack = 0;
  for (const p of state.procs.values()) {
    const m = procMemory(p);
    rss += m.rss;
    anon += m.anon;
    pageTables += m.pageTables;
    kernelStack += m.kernelStack;
  }
  const total = state.host.memTotal;
  const used = Math.min(total, rss + KERNEL_BASE);
  const room = Math.max(0, total - used - MIN_FREE);
  const buffers = Math.min(BUFFERS, room);
  const sreclaimable = Math.min(SRECLAIMABLE, room - buffers);
  const cache = Math.min(PAGE_CACHE, room - buffers - sreclaimable);
  const free = total - used - buffers - sreclaimable - cache;
  return {
    total,
    free,
    available: total - used,
    buffers,
    cached: cache + sreclaimable,
    shared: Math.min(SHMEM, cache),
    swapTotal: 0,
    swapFree: 0,
    used,
    anon,
    sreclaimable,
    pageTables,
    kernelStack,
  };
}
