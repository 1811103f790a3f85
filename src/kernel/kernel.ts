import type { StateStore } from '../store/index.js';
import { BOOT_CGROUPS, bootProcesses, FIRST_DYNAMIC_PID, LOGIN_SHELL_PID } from './boot.js';
import { cgroupDirNode } from './cgroupfs.js';
import * as cg from './cgroups.js';
import { cpuTimeMs, resettleTree } from './cpu.js';
import type { HostSpec } from './host.js';
import * as ns from './namespaces.js';
import { KERNEL_DIR, KERNEL_VERSION, loadTables, readCounters, saveDirty } from './persist.js';
import * as proc from './processes.js';
import { type FsView, overlayPseudoFs } from './procfs.js';
import { procRoot } from './proctree.js';
import { Dirty, isWithin, type KernelState } from './state.js';
import { defaultPasswd, type Passwd, systemView } from './sysview.js';
import type { CgroupLimits, KernelCounters, ProcessRecord, SpawnSpec } from './types.js';
import type { NamespaceType, SystemView } from './view.js';
import { dirNode } from './vnode.js';

/**
 * One simulated Linux host: its process table, namespaces and cgroup v2 tree, persisted under
 * `kernel/` in the state folder. The engine drives it; programs read it through a SystemView
 * and through /proc and /sys/fs/cgroup. Every answer follows from the calls made and `now`.
 */
export class Kernel {
  /** Set when this instance booted the machine: the first save replaces any stale documents. */
  private fresh = false;

  private constructor(
    private readonly store: StateStore,
    private readonly state: KernelState,
  ) {}

  static load(store: StateStore, host: HostSpec, now: () => number): Kernel {
    // The kernel this process saved last, when nobody has written the state since (the
    // playground's commands): reading a hundred-odd documents again would give the same tables.
    const kept = store.memo('kernel') as Kernel | undefined;
    if (kept && kept.state.host === host && kept.state.dirty.empty && !kept.fresh) {
      kept.state.now = now;
      return kept;
    }
    const kernel = Kernel.read(store, host, now);
    store.remember('kernel', kernel);
    return kernel;
  }

  private static read(store: StateStore, host: HostSpec, now: () => number): Kernel {
    const counters = readCounters(store);
    const state: KernelState = {
      host,
      now,
      counters: counters ?? bootCounters(host, now()),
      procs: new Map(),
      namespaces: new Map(),
      cgroups: new Map(),
      dirty: new Dirty(),
    };
    const kernel = new Kernel(store, state);
    if (counters) loadTables(store, state);
    else kernel.boot();
    return kernel;
  }

  private boot(): void {
    const { state } = this;
    const start = state.now();
    for (const rec of ns.hostNamespaceRecords(state.host.hostname, FIRST_DYNAMIC_PID)) {
      state.namespaces.set(rec.inode, rec);
      state.dirty.namespace(rec.inode);
    }
    for (const p of bootProcesses(state.host, state.counters.boot, start)) {
      state.procs.set(p.pid, p);
      state.dirty.proc(p.pid);
    }
    const paths = new Set([...BOOT_CGROUPS, ...[...state.procs.values()].map((p) => p.cgroup)]);
    for (const path of paths) cg.ensureCgroup(state, path, state.counters.boot);
    state.dirty.counters = true;
    this.fresh = true;
  }

  /** Writes what changed since the last save (the whole machine after a boot). */
  save(): void {
    if (this.fresh) {
      this.store.remove(KERNEL_DIR);
      this.fresh = false;
    }
    saveDirty(this.store, this.state);
  }

  bootTime(): number {
    return this.state.counters.boot;
  }

  hostNamespaces(): Record<NamespaceType, number> {
    return { ...ns.HOST_NS };
  }

  /**
   * New namespaces for a container; types in `share` reuse the given inode (`{ pid: host.pid }` for
   * --pid host, `{ net: host.net, uts: host.uts }` for --network host). A new PID namespace is a child
   * of `parentPidNs` (the host's unless a container creates it, as docker-in-docker does).
   */
  createNamespaces(
    share: Partial<Record<NamespaceType, number>>,
    parentPidNs?: number,
  ): Record<NamespaceType, number> {
    return ns.createNamespaces(this.state, share, parentPidNs);
  }

  /** Drops namespaces that were created but that no process has entered (a container that failed to start). */
  releaseNamespaces(set: Partial<Record<NamespaceType, number>>): void {
    ns.releaseUnused(this.state, Object.values(set));
  }

  setHostname(utsInode: number, hostname: string): void {
    this.namespace(utsInode, 'uts').hostname = hostname;
    this.state.dirty.namespace(utsInode);
  }

  /** The mount table (/proc/PID/mounts text) of a mount namespace. */
  setMounts(mntInode: number, mounts: string): void {
    this.namespace(mntInode, 'mnt').mounts = mounts;
    this.state.dirty.namespace(mntInode);
  }

  private namespace(inode: number, type: NamespaceType) {
    const rec = this.state.namespaces.get(inode);
    if (rec?.type !== type) throw new proc.KernelError('EINVAL', `no ${type} namespace ${inode}`);
    return rec;
  }

  createCgroup(path: string, limits: CgroupLimits): void {
    const existing = this.state.cgroups.get(path);
    if (existing) {
      this.updateCgroup(path, limits);
      return;
    }
    const rec = cg.ensureCgroup(this.state, path, this.state.now());
    rec.limits = { ...limits };
  }

  updateCgroup(path: string, limits: Partial<CgroupLimits>): void {
    const rec = cg.requireCgroup(this.state, path);
    resettleTree(this.state, path, this.state.now(), () => {
      rec.limits = { ...rec.limits, ...limits };
    });
    this.state.dirty.cgroup(path);
  }

  removeCgroup(path: string): void {
    cg.removeCgroup(this.state, path);
  }

  /** The cgroup freezer (docker pause/unpause): frozen processes show state T and use no CPU. */
  setFrozen(path: string, frozen: boolean): void {
    const rec = cg.requireCgroup(this.state, path);
    resettleTree(this.state, path, this.state.now(), () => {
      rec.frozen = frozen;
    });
    this.state.dirty.cgroup(path);
  }

  /** An OOM kill in `path`: memory.events `max`, `oom` and `oom_kill` go up here and in every ancestor. */
  recordOomKill(path: string): void {
    const rec = cg.requireCgroup(this.state, path);
    rec.memoryPeak = Math.max(rec.memoryPeak, rec.limits.memoryMax ?? 0);
    for (const c of this.state.cgroups.values()) {
      if (c.path === '/' || !isWithin(path, c.path)) continue;
      c.eventsMax++;
      c.oom++;
      c.oomKill++;
      this.state.dirty.cgroup(c.path);
    }
  }

  cgroupStats(path: string): cg.CgroupStats {
    return cg.cgroupStats(this.state, path, this.state.now());
  }

  /** Host PIDs of the processes directly in a cgroup (cgroup.procs as the host sees it). */
  cgroupProcs(path: string): number[] {
    return cg.cgroupMembers(this.state, path);
  }

  spawn(spec: SpawnSpec): number {
    return proc.spawn(this.state, spec);
  }

  setUsage(pid: number, usage: { memory?: number; cpuCores?: number }, at: number): void {
    proc.setUsage(this.state, pid, usage, at);
  }

  /** execve: same PID, new command line (and `comm`, and `exe` when given or args[0] is absolute). */
  setIdentity(pid: number, args: string[], comm?: string, exe?: string): void {
    proc.setIdentity(this.state, pid, args, comm, exe);
  }

  /** Changes a process's user and group (setuid/setgid). */
  setCredentials(pid: number, uid: number, gid: number): void {
    proc.setCredentials(this.state, pid, uid, gid);
  }

  /** The process and its descendants (all of its PID namespace when it is that namespace's init) leave. */
  exit(pid: number): number[] {
    return proc.exit(this.state, pid, this.state.now());
  }

  /** A copy of the record, with `cpuMs` brought up to now. */
  process(pid: number): ProcessRecord | undefined {
    const p = this.state.procs.get(pid);
    return p ? this.snapshot(p) : undefined;
  }

  processes(): ProcessRecord[] {
    return [...this.state.procs.values()].sort((a, b) => a.pid - b.pid).map((p) => this.snapshot(p));
  }

  private snapshot(p: ProcessRecord): ProcessRecord {
    const now = this.state.now();
    return { ...structuredClone(p), cpuMs: cpuTimeMs(p, now), usageAt: Math.max(now, p.usageAt) };
  }

  /** The learner's host shell (`-bash` on pts/0): the parent of commands typed on the host. */
  hostShellPid(): number {
    return this.state.procs.has(LOGIN_SHELL_PID) ? LOGIN_SHELL_PID : 1;
  }

  /** What `pid` sees: its PID namespace, UTS names, cgroup; `passwd` names users for that viewer. */
  view(pid: number, passwd?: Passwd): SystemView {
    const p = proc.requireProc(this.state, pid);
    return systemView(this.state, { proc: p, passwd: passwd ?? defaultPasswd(p) });
  }

  hostView(): SystemView {
    return this.view(this.hostShellPid());
  }

  /** `base` with /proc and /sys/fs/cgroup mounted as `viewerPid` sees them. */
  procFs(base: FsView, viewerPid: number): FsView {
    const { state } = this;
    const viewer = proc.requireProc(state, viewerPid);
    const cgroupRoot = state.namespaces.get(viewer.ns.cgroup)?.root ?? '/';
    const onHost = viewer.ns.mnt === ns.HOST_NS.mnt;
    const writer =
      onHost && viewer.uid === 0
        ? {
            update: (p: string, l: Partial<CgroupLimits>) => this.updateCgroup(p, l),
            freeze: (p: string, f: boolean) => this.setFrozen(p, f),
          }
        : undefined;
    const empty = () => dirNode({ mode: 0o555, uid: 0, gid: 0, mtime: 0 }, () => ({}));
    return overlayPseudoFs(base, [
      { at: '/proc', root: () => procRoot(state, viewer), denied: 'EACCES' },
      {
        at: '/sys/fs/cgroup',
        root: () => cgroupDirNode(state, cgroupRoot, viewer, writer) ?? empty(),
        denied: onHost ? 'EACCES' : 'EROFS',
      },
    ]);
  }
}

function bootCounters(host: HostSpec, now: number): KernelCounters {
  const boot = Math.floor((now - host.uptimeAtStart * 1000) / 1000) * 1000;
  return {
    version: KERNEL_VERSION,
    boot,
    nextInode: ns.FIRST_DYNAMIC_INODE,
    exitedCpuMs: 0,
    forks: FIRST_DYNAMIC_PID - 1,
    load: [0.08, 0.03, 0.01],
    loadAt: now,
  };
}
