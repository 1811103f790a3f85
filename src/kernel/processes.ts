import { ensureCgroup } from './cgroups.js';
import { advanceLoad, cpuTimeMs, recomputeRates, settleCgroup } from './cpu.js';
import { notePeaks, tasksIn } from './memory.js';
import { allocatePids, pidNsChain, releaseUnused } from './namespaces.js';
import { basename, type KernelState, pageAlign } from './state.js';
import { NAMESPACE_TYPES, type ProcessRecord, type SpawnSpec } from './types.js';

/** A refused system call, with the errno a real kernel returns. */
export class KernelError extends Error {
  constructor(
    readonly code: 'ESRCH' | 'EAGAIN' | 'EPERM' | 'EINVAL',
    message: string,
  ) {
    super(message);
    this.name = 'KernelError';
  }
}

const DEFAULT_RSS = 1024 * 1024;

export function requireProc(state: KernelState, pid: number): ProcessRecord {
  const p = state.procs.get(pid);
  if (!p) throw new KernelError('ESRCH', `no such process: ${pid}`);
  return p;
}

export function defaultComm(args: string[]): string {
  return basename(args[0] ?? '').slice(0, 15);
}

/** fork + exec: the new process gets a PID in its own PID namespace and in every one above it. */
export function spawn(state: KernelState, spec: SpawnSpec): number {
  const parent = requireProc(state, spec.ppid);
  for (const t of NAMESPACE_TYPES) {
    if (!state.namespaces.has(spec.ns[t])) throw new KernelError('EINVAL', `no ${t} namespace ${spec.ns[t]}`);
  }
  const chain = pidNsChain(state, spec.ns.pid);
  const parentChain = pidNsChain(state, parent.ns.pid);
  if (!parentChain.every((ns, i) => chain[i] === ns)) {
    throw new KernelError('EINVAL', 'a process can only enter its parent’s PID namespace or one below it');
  }
  const threads = Math.max(1, Math.floor(spec.threads ?? 1));
  const at = spec.startTime;
  const cg = ensureCgroup(state, spec.cgroup, at);
  if (cg.limits.pidsMax !== undefined && tasksIn(state, spec.cgroup) + threads > cg.limits.pidsMax) {
    throw new KernelError('EAGAIN', `fork: Resource temporarily unavailable (pids.max of ${spec.cgroup})`);
  }
  const nsPids = allocatePids(state, chain, threads);
  const pid = nsPids[0]!;
  const cgns = state.namespaces.get(spec.ns.cgroup)!;
  if (cgns.root === undefined) {
    // runc unshares the cgroup namespace after it has moved into the container's cgroup.
    cgns.root = spec.cgroup;
    state.dirty.namespace(cgns.inode);
  }
  advanceLoad(state, at);
  settleCgroup(state, spec.cgroup, at);
  const newSession = spec.session === true || parentChain.length !== chain.length || parent.pid === 1;
  const memory = spec.memory ?? DEFAULT_RSS;
  const record: ProcessRecord = {
    pid,
    ppid: parent.pid,
    nsPids,
    pgid: newSession ? pid : parent.pgid,
    sid: newSession ? pid : parent.sid,
    args: [...spec.args],
    comm: spec.comm ?? defaultComm(spec.args),
    exe: spec.exe ?? (spec.args[0]?.startsWith('/') ? spec.args[0] : ''),
    uid: spec.uid,
    gid: spec.gid,
    env: { ...(spec.env ?? {}) },
    cwd: spec.cwd ?? '/',
    ns: { ...spec.ns },
    cgroup: spec.cgroup,
    startTime: spec.startTime,
    tty: spec.tty ?? null,
    memory,
    vsz: spec.vsz ?? pageAlign(memory * 1.6 + 1536 * 1024),
    cpuCores: Math.max(0, spec.cpuCores ?? 0),
    cpuRate: 0,
    cpuMs: 0,
    usageAt: at,
    threads,
    kernelThread: false,
    oomScoreAdj: spec.oomScoreAdj ?? 0,
  };
  if (spec.container !== undefined) record.container = spec.container;
  state.procs.set(pid, record);
  state.dirty.proc(pid);
  recomputeRates(state, spec.cgroup);
  notePeaks(state, spec.cgroup);
  state.counters.forks++;
  state.dirty.counters = true;
  return pid;
}

/**
 * The process leaves the table. Its children are orphans the kernel gives to a new parent: the
 * init of their PID namespace (a container's PID 1; the host's systemd), as Linux does for a
 * shell's background job after the shell exits. When it is itself the init of a PID namespace,
 * every process of that namespace goes too (the kernel kills them). Returns the host PIDs gone.
 */
/** Who adopts an orphan: the init of its own PID namespace, else the host's PID 1. */
function reaperFor(state: KernelState, orphan: ProcessRecord): number {
  if (orphan.nsPids.length > 1) {
    for (const p of state.procs.values())
      if (p.ns.pid === orphan.ns.pid && p.nsPids[p.nsPids.length - 1] === 1 && p.pid !== orphan.pid)
        return p.pid;
  }
  return 1;
}

export function exit(state: KernelState, pid: number, at: number): number[] {
  const victim = state.procs.get(pid);
  if (!victim) return [];
  if (pid === 1 || victim.kernelThread) throw new KernelError('EPERM', `process ${pid} cannot exit`);
  const gone = new Set([pid]);
  if (victim.nsPids.length > 1 && victim.nsPids[victim.nsPids.length - 1] === 1) {
    for (const p of state.procs.values())
      if (pidNsChain(state, p.ns.pid).includes(victim.ns.pid)) gone.add(p.pid);
  }
  for (const p of state.procs.values()) {
    if (gone.has(p.pid) || !gone.has(p.ppid)) continue;
    p.ppid = reaperFor(state, p);
    state.dirty.proc(p.pid);
  }
  const leaving = [...gone].map((g) => state.procs.get(g)!);
  const touched = new Set(leaving.map((p) => p.cgroup));
  advanceLoad(state, at);
  for (const c of touched) settleCgroup(state, c, at);
  for (const p of leaving) {
    const used = cpuTimeMs(p, at);
    const cg = state.cgroups.get(p.cgroup);
    if (cg) {
      cg.exitedUsec += used * 1000;
      state.dirty.cgroup(cg.path);
    }
    state.counters.exitedCpuMs += used;
    state.procs.delete(p.pid);
    state.dirty.procGone(p.pid);
  }
  state.dirty.counters = true;
  for (const c of touched) recomputeRates(state, c);
  releaseUnused(
    state,
    leaving.flatMap((p) => Object.values(p.ns)),
  );
  return [...gone].sort((a, b) => a - b);
}

export function setUsage(
  state: KernelState,
  pid: number,
  usage: { memory?: number; cpuCores?: number },
  at: number,
): void {
  const p = requireProc(state, pid);
  advanceLoad(state, at);
  settleCgroup(state, p.cgroup, at);
  if (usage.memory !== undefined) {
    p.memory = Math.max(0, usage.memory);
    p.vsz = Math.max(p.vsz, pageAlign(p.memory * 1.2));
  }
  if (usage.cpuCores !== undefined) p.cpuCores = Math.max(0, usage.cpuCores);
  state.dirty.proc(pid);
  recomputeRates(state, p.cgroup);
  notePeaks(state, p.cgroup);
}

/** execve: same PID, new program. */
/** setuid/setgid: what `gosu mysql` does before it execs the server. */
export function setCredentials(state: KernelState, pid: number, uid: number, gid: number): void {
  const p = requireProc(state, pid);
  p.uid = uid;
  p.gid = gid;
  state.dirty.proc(pid);
}

export function setIdentity(
  state: KernelState,
  pid: number,
  args: string[],
  comm?: string,
  exe?: string,
): void {
  const p = requireProc(state, pid);
  p.args = [...args];
  p.comm = comm ?? defaultComm(args);
  if (exe !== undefined) p.exe = exe;
  else if (args[0]?.startsWith('/')) p.exe = args[0];
  state.dirty.proc(pid);
}
