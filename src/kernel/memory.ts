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

/** memory.stat: a 6.8 kernel's keys, in its order; event counters we do not model stay 0. */
export function memoryStat(state: KernelState, path: string): string {
  const m = cgroupMemory(state, path);
  const rows: [string, number][] = [
    ['anon', m.anon],
    ['file', m.file],
    ['kernel', m.kernel],
    ['kernel_stack', m.kernelStack],
    ['pagetables', m.pageTables],
    ['sec_pagetables', 0],
    ['percpu', m.percpu],
    ['sock', 0],
    ['vmalloc', 0],
    ['shmem', 0],
    ['zswap', 0],
    ['zswapped', 0],
    ['file_mapped', m.file],
    ['file_dirty', 0],
    ['file_writeback', 0],
    ['swapcached', 0],
    ['anon_thp', 0],
    ['file_thp', 0],
    ['shmem_thp', 0],
    ['inactive_anon', 0],
    ['active_anon', m.anon],
    ['inactive_file', m.inactiveFile],
    ['active_file', m.activeFile],
    ['unevictable', 0],
    ['slab_reclaimable', pageAlign(m.slab / 3)],
    ['slab_unreclaimable', m.slab - pageAlign(m.slab / 3)],
    ['slab', m.slab],
    ['workingset_refault_anon', 0],
    ['workingset_refault_file', 0],
    ['workingset_activate_anon', 0],
    ['workingset_activate_file', 0],
    ['workingset_restore_anon', 0],
    ['workingset_restore_file', 0],
    ['workingset_nodereclaim', 0],
    ['pgscan', 0],
    ['pgsteal', 0],
    ['pgfault', Math.floor((m.anon + m.file) / 4096) * 2],
    ['pgmajfault', Math.floor(m.file / 4096 / 8)],
    ['pgrefill', 0],
    ['pgactivate', 0],
    ['pgdeactivate', 0],
    ['pglazyfree', 0],
    ['pglazyfreed', 0],
    ['thp_fault_alloc', 0],
    ['thp_collapse_alloc', 0],
  ];
  return rows.map(([k, v]) => `${k} ${v}\n`).join('');
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
