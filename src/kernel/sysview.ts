import { HOST_USERS } from './boot.js';
import { relativeCgroup } from './cgroups.js';
import { cpuTimeMs, isFrozen, loadAverages } from './cpu.js';
import { hostMemory } from './memory.js';
import { HOST_NS, pidIn } from './namespaces.js';
import type { KernelState } from './state.js';
import type { ProcessRecord } from './types.js';
import type { MemInfo, ProcInfo, SystemView, UtsInfo } from './view.js';

export type Passwd = (uid: number) => string | undefined;

/** A reader of the kernel: one process, seen with its namespaces. */
export interface Viewer {
  proc: ProcessRecord;
  passwd: Passwd;
}

export function isHostViewer(v: ProcessRecord): boolean {
  return v.ns.pid === HOST_NS.pid && v.ns.mnt === HOST_NS.mnt;
}

export function defaultPasswd(viewer: ProcessRecord): Passwd {
  if (isHostViewer(viewer)) return (uid) => HOST_USERS[uid];
  return (uid) => (uid === 0 ? 'root' : undefined);
}

export function stateLetter(state: KernelState, p: ProcessRecord, viewer?: ProcessRecord): ProcInfo['state'] {
  if (p.kernelThread) return p.idle ? 'I' : 'S';
  if (isFrozen(state, p.cgroup)) return 'T';
  // The reader is running: it is on a CPU reading /proc.
  if (p.cpuRate > 0 || p.pid === viewer?.pid) return 'R';
  return 'S';
}

export function utsOf(state: KernelState, viewer: ProcessRecord): UtsInfo {
  const host = state.host;
  return {
    sysname: 'Linux',
    nodename: state.namespaces.get(viewer.ns.uts)?.hostname ?? host.hostname,
    release: host.kernelRelease,
    version: host.kernelVersion,
    machine: host.machine,
    domainname: '(none)',
  };
}

/** The processes `viewer` can see, each numbered in the viewer's PID namespace, by that PID. */
export function visibleProcs(state: KernelState, viewer: ProcessRecord): { p: ProcessRecord; pid: number }[] {
  const out: { p: ProcessRecord; pid: number }[] = [];
  for (const p of state.procs.values()) {
    const pid = pidIn(state, p, viewer.ns.pid);
    if (pid !== undefined) out.push({ p, pid });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** A host PID translated into the viewer's PID namespace; 0 when it is outside (or none). */
export function translate(state: KernelState, hostPid: number, viewer: ProcessRecord): number {
  const p = state.procs.get(hostPid);
  return p ? (pidIn(state, p, viewer.ns.pid) ?? 0) : 0;
}

/** The foreground process group of each terminal: the one of the newest process on it. */
export function foregroundGroups(state: KernelState): Map<string, number> {
  const newest = new Map<string, ProcessRecord>();
  for (const p of state.procs.values()) {
    if (p.tty === null) continue;
    const cur = newest.get(p.tty);
    if (!cur || p.startTime > cur.startTime || (p.startTime === cur.startTime && p.pid > cur.pid))
      newest.set(p.tty, p);
  }
  return new Map([...newest].map(([tty, p]) => [tty, p.pgid]));
}

export function procInfo(
  state: KernelState,
  p: ProcessRecord,
  pid: number,
  v: Viewer,
  fg: Map<string, number>,
): ProcInfo {
  const cgroupRoot = state.namespaces.get(v.proc.ns.cgroup)?.root ?? '/';
  const tpgid = p.tty === null ? undefined : fg.get(p.tty);
  const at = state.now();
  return {
    pid,
    hostPid: p.pid,
    ppid: translate(state, p.ppid, v.proc),
    uid: p.uid,
    gid: p.gid,
    user: v.passwd(p.uid) ?? String(p.uid),
    comm: p.comm,
    args: [...p.args],
    state: stateLetter(state, p, v.proc),
    startTime: p.startTime,
    cpuTime: cpuTimeMs(p, at),
    cpuCores: p.cpuRate,
    rss: p.kernelThread ? 0 : p.memory,
    vsz: p.vsz,
    tty: p.tty,
    threads: p.threads,
    nice: 0,
    ns: { ...p.ns },
    cgroup: relativeCgroup(p.cgroup, cgroupRoot),
    kernelThread: p.kernelThread,
    pgid: translate(state, p.pgid, v.proc),
    sid: translate(state, p.sid, v.proc),
    tpgid: tpgid === undefined ? -1 : translate(state, tpgid, v.proc),
  };
}

export function memInfo(state: KernelState): MemInfo {
  const m = hostMemory(state);
  return {
    total: m.total,
    free: m.free,
    available: m.available,
    buffers: m.buffers,
    cached: m.cached,
    shared: m.shared,
    swapTotal: m.swapTotal,
    swapFree: m.swapFree,
  };
}

/** The kernel as `v` sees it; every call reads the current state, so a long-running program sees changes. */
export function systemView(state: KernelState, v: Viewer): SystemView {
  return {
    now: () => state.now(),
    bootTime: () => state.counters.boot,
    uts: () => utsOf(state, v.proc),
    cpus: () => state.host.cpus,
    meminfo: () => memInfo(state),
    loadavg: () => loadAverages(state, state.now()),
    processes: () => {
      const fg = foregroundGroups(state);
      return visibleProcs(state, v.proc).map(({ p, pid }) => procInfo(state, p, pid, v, fg));
    },
    selfPid: () => v.proc.nsPids[v.proc.nsPids.length - 1]!,
    isHost: () => isHostViewer(v.proc),
  };
}
