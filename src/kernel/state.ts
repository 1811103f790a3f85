import type { HostSpec } from './host.js';
import type { CgroupRecord, KernelCounters, NamespaceRecord, ProcessRecord } from './types.js';

/** What changed since the last save, so that `save()` rewrites only those documents. */
export class Dirty {
  readonly procs = new Set<number>();
  readonly procsGone = new Set<number>();
  readonly ns = new Set<number>();
  readonly nsGone = new Set<number>();
  readonly cgroups = new Set<string>();
  readonly cgroupsGone = new Set<string>();
  counters = false;

  proc(pid: number): void {
    this.procs.add(pid);
    this.procsGone.delete(pid);
  }
  procGone(pid: number): void {
    this.procs.delete(pid);
    this.procsGone.add(pid);
  }
  namespace(inode: number): void {
    this.ns.add(inode);
    this.nsGone.delete(inode);
  }
  namespaceGone(inode: number): void {
    this.ns.delete(inode);
    this.nsGone.add(inode);
  }
  cgroup(path: string): void {
    this.cgroups.add(path);
    this.cgroupsGone.delete(path);
  }
  cgroupGone(path: string): void {
    this.cgroups.delete(path);
    this.cgroupsGone.add(path);
  }
  /** Nothing changed since the last save. */
  get empty(): boolean {
    return (
      !this.counters &&
      [this.procs, this.procsGone, this.ns, this.nsGone, this.cgroups, this.cgroupsGone].every(
        (x) => x.size === 0,
      )
    );
  }
  clear(): void {
    for (const s of [this.procs, this.procsGone, this.ns, this.nsGone, this.cgroups, this.cgroupsGone])
      s.clear();
    this.counters = false;
  }
}

/** The whole simulated machine in memory; the Kernel class and its helpers work on this. */
export interface KernelState {
  readonly host: HostSpec;
  /** The engine call's clock (a kernel kept between calls is handed each call's clock). */
  now: () => number;
  counters: KernelCounters;
  readonly procs: Map<number, ProcessRecord>;
  readonly namespaces: Map<number, NamespaceRecord>;
  readonly cgroups: Map<string, CgroupRecord>;
  readonly dirty: Dirty;
}

export const PAGE = 4096;
/** USER_HZ: /proc counts CPU time and start times in ticks of 10 ms. */
export const TICK_MS = 10;

export function pageAlign(bytes: number): number {
  return Math.ceil(bytes / PAGE) * PAGE;
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/** The processes of the table in host PID order. */
export function sortedProcs(state: KernelState): ProcessRecord[] {
  return [...state.procs.values()].sort((a, b) => a.pid - b.pid);
}

export function parentPath(path: string): string | undefined {
  if (path === '/') return undefined;
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** True when `path` is `root` or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}
