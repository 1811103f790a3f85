import { cpuTimeMs } from './cpu.js';
import { cgroupMemory, tasksIn } from './memory.js';
import { isWithin, type KernelState, parentPath } from './state.js';
import { type CgroupLimits, type CgroupRecord, DEFAULT_LIMITS } from './types.js';

/** The cgroup v2 tree: directories, their limits and the counters their files show. */

export function newCgroup(path: string, limits: CgroupLimits, created: number): CgroupRecord {
  return {
    path,
    limits: { ...limits },
    frozen: false,
    created,
    eventsMax: 0,
    oom: 0,
    oomKill: 0,
    memoryPeak: 0,
    pidsPeak: 0,
    exitedUsec: 0,
    nrPeriods: 0,
    nrThrottled: 0,
    throttledUsec: 0,
    settledAt: created,
  };
}

export function checkCgroupPath(path: string): void {
  if (
    !path.startsWith('/') ||
    (path !== '/' && path.endsWith('/')) ||
    path.includes('//') ||
    /\/\.\.?(\/|$)/.test(path)
  ) {
    throw new Error(`invalid cgroup path '${path}'`);
  }
}

/** Creates `path` (and any missing parent) with default limits when it does not exist yet. */
export function ensureCgroup(state: KernelState, path: string, at: number): CgroupRecord {
  checkCgroupPath(path);
  const existing = state.cgroups.get(path);
  if (existing) return existing;
  const parent = parentPath(path);
  if (parent !== undefined) ensureCgroup(state, parent, at);
  const rec = newCgroup(path, DEFAULT_LIMITS, at);
  state.cgroups.set(path, rec);
  state.dirty.cgroup(path);
  return rec;
}

export function requireCgroup(state: KernelState, path: string): CgroupRecord {
  const rec = state.cgroups.get(path);
  if (!rec) throw new Error(`no such cgroup: ${path}`);
  return rec;
}

export function childCgroups(state: KernelState, path: string): string[] {
  return [...state.cgroups.keys()].filter((c) => c !== path && parentPath(c) === path).sort();
}

/** `rmdir` of a cgroup: refused (EBUSY) while processes or child cgroups remain. */
export function removeCgroup(state: KernelState, path: string): void {
  if (path === '/' || !state.cgroups.has(path)) return;
  const busy =
    [...state.procs.values()].some((p) => p.cgroup === path) || childCgroups(state, path).length > 0;
  if (busy) throw new Error(`cgroup ${path} is busy: it still has processes or children`);
  state.cgroups.delete(path);
  state.dirty.cgroupGone(path);
}

/** cpu.stat usage_usec of a cgroup and its descendants at `at`. */
export function cpuUsageUsec(state: KernelState, path: string, at: number): number {
  let ms = 0;
  for (const p of state.procs.values()) if (isWithin(p.cgroup, path)) ms += cpuTimeMs(p, at);
  let usec = Math.floor(ms * 1000);
  for (const rec of state.cgroups.values()) if (isWithin(rec.path, path)) usec += Math.floor(rec.exitedUsec);
  return usec;
}

/** Processes directly in `path`, by host PID. */
export function cgroupMembers(state: KernelState, path: string): number[] {
  return [...state.procs.values()]
    .filter((p) => p.cgroup === path)
    .map((p) => p.pid)
    .sort((a, b) => a - b);
}

export interface CgroupStats {
  memoryCurrent: number;
  memoryPeak: number;
  /** memory.stat inactive_file: docker stats shows memory.current minus this. */
  inactiveFile: number;
  cpuUsageUsec: number;
  pidsCurrent: number;
  oomKills: number;
  frozen: boolean;
  limits: CgroupLimits;
}

export function cgroupStats(state: KernelState, path: string, at: number): CgroupStats {
  const rec = requireCgroup(state, path);
  const mem = cgroupMemory(state, path);
  return {
    memoryCurrent: mem.current,
    memoryPeak: Math.max(rec.memoryPeak, mem.current),
    inactiveFile: mem.inactiveFile,
    cpuUsageUsec: cpuUsageUsec(state, path, at),
    pidsCurrent: tasksIn(state, path),
    oomKills: rec.oomKill,
    frozen: rec.frozen,
    limits: { ...rec.limits },
  };
}

/** A cgroup path as a reader whose cgroup namespace is rooted at `root` sees it (`/` inside a container). */
export function relativeCgroup(path: string, root: string): string {
  if (root === '/') return path;
  if (isWithin(path, root)) return path === root ? '/' : path.slice(root.length);
  const from = root.split('/').filter(Boolean);
  const to = path.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return `/${[...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')}`;
}
