import {
  array,
  bool,
  type Check,
  CorruptStateError,
  nullable,
  num,
  object,
  optional,
  record,
  SchemaError,
  type StateStore,
  str,
} from '../store/index.js';
import type { KernelState } from './state.js';
import {
  type CgroupLimits,
  type CgroupRecord,
  type KernelCounters,
  NAMESPACE_TYPES,
  type NamespaceRecord,
  type ProcessRecord,
} from './types.js';
import type { NamespaceType } from './view.js';

/**
 * The kernel's documents in the state folder, one per object so that a save rewrites only what
 * changed: `kernel/kernel.json` (counters), `kernel/proc/<hostpid>.json`, `kernel/ns/<inode>.json`
 * and `kernel/cgroup/<path, URL-encoded>.json`.
 */
export const KERNEL_DIR = 'kernel';
export const COUNTERS_DOC = `${KERNEL_DIR}/kernel.json`;
export const KERNEL_VERSION = 1;

export const procDoc = (pid: number): string => `${KERNEL_DIR}/proc/${pid}.json`;
export const nsDoc = (inode: number): string => `${KERNEL_DIR}/ns/${inode}.json`;
export const cgroupDoc = (path: string): string =>
  `${KERNEL_DIR}/cgroup/${path === '/' ? '_root' : encodeURIComponent(path.slice(1))}.json`;

const nsType: Check<NamespaceType> = (v, at) => {
  const s = str(v, at);
  if (!(NAMESPACE_TYPES as readonly string[]).includes(s))
    throw new SchemaError(`${at}: unknown namespace type`);
  return s as NamespaceType;
};

const nsSet: Check<Record<NamespaceType, number>> = (v, at) => {
  const r = record(num)(v, at);
  for (const t of NAMESPACE_TYPES) num(r[t], `${at}.${t}`);
  return r as Record<NamespaceType, number>;
};

const checkCounters = object<KernelCounters>({
  version: num,
  boot: num,
  nextInode: num,
  exitedCpuMs: num,
  forks: num,
  load: (v, at) => {
    const a = array(num)(v, at);
    if (a.length !== 3) throw new SchemaError(`${at}: expected three load averages`);
    return a as [number, number, number];
  },
  loadAt: num,
});

const checkProc = object<ProcessRecord>({
  pid: num,
  ppid: num,
  nsPids: array(num),
  pgid: num,
  sid: num,
  args: array(str),
  comm: str,
  exe: str,
  uid: num,
  gid: num,
  env: record(str),
  cwd: str,
  ns: nsSet,
  cgroup: str,
  startTime: num,
  tty: nullable(str),
  memory: num,
  vsz: num,
  cpuCores: num,
  cpuRate: num,
  cpuMs: num,
  usageAt: num,
  threads: num,
  kernelThread: bool,
  idle: optional(bool),
  oomScoreAdj: num,
  container: optional(str),
});

const checkNs = object<NamespaceRecord>({
  inode: num,
  type: nsType,
  parent: optional(num),
  nextPid: optional(num),
  hostname: optional(str),
  mounts: optional(str),
  root: optional(str),
});

const checkLimits = object<CgroupLimits>({
  memoryMax: optional(num),
  memorySwapMax: optional(num),
  memoryLow: optional(num),
  cpuQuotaUsec: optional(num),
  cpuPeriodUsec: num,
  cpuWeight: num,
  pidsMax: optional(num),
});

const checkCgroup = object<CgroupRecord>({
  path: str,
  limits: checkLimits,
  frozen: bool,
  created: num,
  eventsMax: num,
  oom: num,
  oomKill: num,
  memoryPeak: num,
  pidsPeak: num,
  exitedUsec: num,
  nrPeriods: num,
  nrThrottled: num,
  throttledUsec: num,
  settledAt: num,
});

export function readCounters(store: StateStore): KernelCounters | undefined {
  const counters = store.readJson(COUNTERS_DOC, checkCounters);
  if (counters && counters.version !== KERNEL_VERSION) {
    throw new CorruptStateError(
      store.path(COUNTERS_DOC),
      `kernel state version ${counters.version} is not supported`,
    );
  }
  return counters;
}

/** Reads every document of one folder whose name matches, checking that it names itself. */
function readAll<T>(store: StateStore, dir: string, check: Check<T>, docOf: (v: T) => string): T[] {
  const out: T[] = [];
  for (const name of store.list(`${KERNEL_DIR}/${dir}`)) {
    if (!name.endsWith('.json')) continue; // temporary files of an interrupted atomic write
    const rel = `${KERNEL_DIR}/${dir}/${name}`;
    const value = store.readJson(rel, check);
    if (value === undefined) continue;
    if (docOf(value) !== rel)
      throw new CorruptStateError(store.path(rel), 'document does not match its file name');
    out.push(value);
  }
  return out;
}

export function loadTables(store: StateStore, state: KernelState): void {
  for (const p of readAll(store, 'proc', checkProc, (p) => procDoc(p.pid))) state.procs.set(p.pid, p);
  for (const n of readAll(store, 'ns', checkNs, (n) => nsDoc(n.inode))) state.namespaces.set(n.inode, n);
  for (const c of readAll(store, 'cgroup', checkCgroup, (c) => cgroupDoc(c.path)))
    state.cgroups.set(c.path, c);
}

/** Writes the changed documents and removes the ones of objects that are gone. */
export function saveDirty(store: StateStore, state: KernelState): void {
  const d = state.dirty;
  for (const pid of d.procsGone) store.remove(procDoc(pid));
  for (const inode of d.nsGone) store.remove(nsDoc(inode));
  for (const path of d.cgroupsGone) store.remove(cgroupDoc(path));
  for (const pid of d.procs) {
    const p = state.procs.get(pid);
    if (p) store.writeJson(procDoc(pid), p);
  }
  for (const inode of d.ns) {
    const n = state.namespaces.get(inode);
    if (n) store.writeJson(nsDoc(inode), n);
  }
  for (const path of d.cgroups) {
    const c = state.cgroups.get(path);
    if (c) store.writeJson(cgroupDoc(path), c);
  }
  if (d.counters) store.writeJson(COUNTERS_DOC, state.counters);
  d.clear();
}
