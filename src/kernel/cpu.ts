import { isWithin, type KernelState } from './state.js';
import type { CgroupRecord, ProcessRecord } from './types.js';

/**
 * CPU accounting. Each process has the CPU it asks for (`cpuCores`) and the CPU it gets
 * (`cpuRate`, after its cgroup's `cpu.max` quota, the freezer and the host's CPU count). CPU time
 * is the integral of the rate over time, kept exact by settling a cgroup's processes up to the
 * moment before anything that changes their rates.
 */

/** Load the host's own services put on the run queue. */
const BACKGROUND_LOAD = 0.02;
const LOAD_PERIODS_S = [60, 300, 900] as const;

export function cpuTimeMs(p: ProcessRecord, at: number): number {
  return p.cpuMs + p.cpuRate * Math.max(0, at - p.usageAt);
}

export function isFrozen(state: KernelState, path: string): boolean {
  for (const rec of state.cgroups.values()) if (rec.frozen && isWithin(path, rec.path)) return true;
  return false;
}

/** Brings the CPU time of every process in `path` (only) and its throttling counters up to `at`. */
export function settleCgroup(state: KernelState, path: string, at: number): void {
  const rec = state.cgroups.get(path);
  const members = [...state.procs.values()].filter((p) => p.cgroup === path);
  for (const p of members) {
    if (at <= p.usageAt) continue;
    if (p.cpuRate > 0) {
      p.cpuMs = cpuTimeMs(p, at);
      state.dirty.proc(p.pid);
    }
    p.usageAt = at;
  }
  if (rec) settleThrottling(state, rec, at);
}

export interface Throttling {
  nrPeriods: number;
  nrThrottled: number;
  throttledUsec: number;
}

/** cpu.stat's bandwidth counters at `at`: the stored ones plus what accrued since they were settled. */
export function throttling(state: KernelState, rec: CgroupRecord, at: number): Throttling {
  const out = { nrPeriods: rec.nrPeriods, nrThrottled: rec.nrThrottled, throttledUsec: rec.throttledUsec };
  const elapsedUsec = Math.max(0, at - rec.settledAt) * 1000;
  const { cpuQuotaUsec: quota, cpuPeriodUsec: period } = rec.limits;
  let asked = 0;
  for (const p of state.procs.values()) if (p.cgroup === rec.path) asked += p.cpuCores;
  if (elapsedUsec === 0 || quota === undefined || asked === 0 || isFrozen(state, rec.path)) return out;
  const periods = elapsedUsec / period;
  out.nrPeriods += periods;
  const cap = quota / period;
  if (asked > cap) {
    out.nrThrottled += periods;
    out.throttledUsec += elapsedUsec * (1 - cap / asked);
  }
  return out;
}

function settleThrottling(state: KernelState, rec: CgroupRecord, at: number): void {
  if (at <= rec.settledAt) return;
  Object.assign(rec, throttling(state, rec, at));
  rec.settledAt = at;
  state.dirty.cgroup(rec.path);
}

/** Shares the CPU a cgroup may use among its processes. */
export function recomputeRates(state: KernelState, path: string): void {
  const rec = state.cgroups.get(path);
  const members = [...state.procs.values()].filter((p) => p.cgroup === path);
  const quota = rec?.limits.cpuQuotaUsec;
  const cap = Math.min(state.host.cpus, quota === undefined ? Infinity : quota / rec!.limits.cpuPeriodUsec);
  const asked = members.reduce((sum, p) => sum + p.cpuCores, 0);
  const factor = asked > cap ? cap / asked : 1;
  const frozen = isFrozen(state, path);
  for (const p of members) {
    const rate = frozen ? 0 : p.cpuCores * factor;
    if (rate !== p.cpuRate) {
      p.cpuRate = rate;
      state.dirty.proc(p.pid);
    }
  }
}

/** Settles and re-shares every cgroup at or below `path` (the freezer and limits act on subtrees). */
export function resettleTree(state: KernelState, path: string, at: number, change?: () => void): void {
  const paths = [...state.cgroups.keys()].filter((c) => isWithin(c, path));
  advanceLoad(state, at);
  for (const c of paths) settleCgroup(state, c, at);
  change?.();
  for (const c of paths) recomputeRates(state, c);
}

function runQueue(state: KernelState): number {
  let load = BACKGROUND_LOAD;
  for (const p of state.procs.values()) load += p.cpuRate;
  return load;
}

function decayed(state: KernelState, at: number): [number, number, number] {
  const dt = Math.max(0, at - state.counters.loadAt) / 1000;
  const target = runQueue(state);
  const [l1, l5, l15] = state.counters.load.map(
    (l, i) => target + (l - target) * Math.exp(-dt / LOAD_PERIODS_S[i]!),
  );
  return [l1!, l5!, l15!];
}

/** Call before anything that changes CPU rates: the averages move toward the old run queue until `at`. */
export function advanceLoad(state: KernelState, at: number): void {
  if (at <= state.counters.loadAt) return;
  state.counters.load = decayed(state, at);
  state.counters.loadAt = at;
  state.dirty.counters = true;
}

export function loadAverages(state: KernelState, at: number): [number, number, number] {
  return decayed(state, at);
}
