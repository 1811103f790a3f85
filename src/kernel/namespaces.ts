import type { KernelState } from './state.js';
import type { NamespaceRecord, ProcessRecord } from './types.js';
import type { NamespaceType } from './view.js';

/**
 * Inode numbers of the initial namespaces. The kernel fixes time…ipc (0xEFFFFFFF counting down);
 * mnt and net are allocated early at boot and on a 6.8 kernel usually land on these numbers.
 */
export const HOST_NS: Readonly<Record<NamespaceType, number>> = {
  time: 4026531834,
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  mnt: 4026531840,
  net: 4026531992,
};

/** The first number a container's namespace gets on a freshly booted host (services took the ones before). */
export const FIRST_DYNAMIC_INODE = 4026532301;

/**
 * Registering a network namespace creates its /proc/net entries, which take numbers from the
 * same allocator; that is why a container's cgroup namespace is about 60 numbers above its net.
 */
const NET_PROC_ENTRIES = 60;

/**
 * runc's `init` process (Go, several threads) is the new PID namespace's PID 1 before it execs
 * the container's command; its threads take PIDs 2–6, so the next process there gets 7.
 */
const RUNC_INIT_THREADS = 5;
/** Host PIDs used up by `runc create` and `runc init` (with their threads) before a container's PID 1. */
const RUNC_HOST_PIDS = 11;

export function hostNamespaceRecords(hostname: string, firstPid: number): NamespaceRecord[] {
  return (Object.entries(HOST_NS) as [NamespaceType, number][]).map(([type, inode]) => {
    const rec: NamespaceRecord = { inode, type };
    if (type === 'pid') rec.nextPid = firstPid;
    if (type === 'uts') rec.hostname = hostname;
    if (type === 'cgroup') rec.root = '/';
    return rec;
  });
}

/** New namespaces in the order runc unshares them: mnt, uts, ipc, pid, net, then cgroup. */
export function createNamespaces(
  state: KernelState,
  share: Partial<Record<NamespaceType, number>>,
  parentPidNs: number = HOST_NS.pid,
): Record<NamespaceType, number> {
  if (state.namespaces.get(parentPidNs)?.type !== 'pid') throw new Error(`no pid namespace ${parentPidNs}`);
  const out = { ...HOST_NS };
  const take = (type: NamespaceType, extra: Partial<NamespaceRecord> = {}): void => {
    const shared = share[type];
    if (shared !== undefined) {
      if (!state.namespaces.has(shared)) throw new Error(`no ${type} namespace ${shared}`);
      out[type] = shared;
      return;
    }
    const inode = state.counters.nextInode++;
    state.namespaces.set(inode, { inode, type, ...extra });
    state.dirty.namespace(inode);
    out[type] = inode;
  };
  take('mnt');
  take('uts', { hostname: state.host.hostname });
  take('ipc');
  take('pid', { parent: parentPidNs, nextPid: 1 });
  if (share.net === undefined) state.counters.nextInode++;
  take('net');
  if (share.net === undefined) state.counters.nextInode += NET_PROC_ENTRIES;
  take('cgroup');
  for (const type of ['user', 'time'] as const) {
    const shared = share[type];
    if (shared !== undefined) out[type] = shared;
  }
  state.dirty.counters = true;
  return out;
}

/** PID namespaces from the host's down to `inode`. */
export function pidNsChain(state: KernelState, inode: number): number[] {
  const chain: number[] = [];
  for (let cur: number | undefined = inode; cur !== undefined; ) {
    const rec = state.namespaces.get(cur);
    if (rec?.type !== 'pid') throw new Error(`no pid namespace ${cur}`);
    chain.unshift(cur);
    cur = rec.parent;
    if (chain.length > 32) throw new Error('pid namespaces nested too deep');
  }
  return chain;
}

/** The PID `p` has in the PID namespace `ns`, or undefined when `p` is not visible there. */
export function pidIn(state: KernelState, p: ProcessRecord, ns: number): number | undefined {
  const chain = pidNsChain(state, p.ns.pid);
  const level = chain.indexOf(ns);
  return level < 0 ? undefined : p.nsPids[level];
}

/** Hands out PIDs for a new process in each namespace of `chain` (threads take the numbers after it). */
export function allocatePids(state: KernelState, chain: number[], threads: number): number[] {
  const own = state.namespaces.get(chain[chain.length - 1]!)!;
  const firstInNs = chain.length > 1 && own.nextPid === 1;
  const pids: number[] = [];
  chain.forEach((inode, level) => {
    const rec = state.namespaces.get(inode)!;
    if (firstInNs && level === 0) rec.nextPid = (rec.nextPid ?? 1) + RUNC_HOST_PIDS;
    const used = new Set<number>();
    for (const p of state.procs.values()) {
      if (p.nsPids.length > level && pidNsChain(state, p.ns.pid)[level] === inode) used.add(p.nsPids[level]!);
    }
    let pid = rec.nextPid ?? 1;
    const floor = level === 0 ? 300 : 2;
    while (used.has(pid) || pid >= state.host.pidMax) pid = pid >= state.host.pidMax ? floor : pid + 1;
    pids.push(pid);
    rec.nextPid =
      pid + threads + (firstInNs && pid === 1 && level === chain.length - 1 ? RUNC_INIT_THREADS : 0);
    state.dirty.namespace(inode);
  });
  return pids;
}

/** Drops the namespaces among `candidates` that no process uses any more (the host's stay). */
export function releaseUnused(state: KernelState, candidates: Iterable<number>): void {
  const hostInodes = new Set(Object.values(HOST_NS));
  const inUse = new Set<number>();
  for (const p of state.procs.values()) for (const inode of Object.values(p.ns)) inUse.add(inode);
  for (const rec of state.namespaces.values()) if (rec.parent !== undefined) inUse.add(rec.parent);
  for (const inode of candidates) {
    if (hostInodes.has(inode) || inUse.has(inode) || !state.namespaces.has(inode)) continue;
    state.namespaces.delete(inode);
    state.dirty.namespaceGone(inode);
  }
}
