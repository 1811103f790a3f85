import { type CgroupLimits, DEFAULT_LIMITS } from './types.js';

/** The resource flags of `docker run` / `docker update`, as HostConfig carries them (0 = not set). */
export interface ResourceFlags {
  memory?: number;
  /** Memory plus swap; -1 for unlimited swap. */
  memorySwap?: number;
  memoryReservation?: number;
  nanoCpus?: number;
  cpuQuota?: number;
  cpuPeriod?: number;
  cpuShares?: number;
  pidsLimit?: number;
}

/** Docker's --cpu-shares → cgroup v2 cpu.weight (the classic runc formula: 512 → 20, 1024 → 39). */
export function sharesToWeight(shares: number): number {
  if (shares <= 0) return 100;
  const s = Math.max(2, Math.min(262144, shares));
  return Math.floor(1 + ((s - 2) * 9999) / 262142);
}

/**
 * The cgroup v2 values runc writes for docker's flags: --cpus 1.5 → cpu.max `150000 100000`;
 * -m 512m alone → memory.swap.max 512m too (docker's memory+swap default is twice the memory,
 * and v2 keeps swap apart); --memory-swap equal to -m → 0; --memory-swap -1 → max.
 */
export function limitsFromFlags(f: ResourceFlags): CgroupLimits {
  const limits: CgroupLimits = { ...DEFAULT_LIMITS };
  if (f.memory && f.memory > 0) {
    limits.memoryMax = f.memory;
    const swap = f.memorySwap ?? 0;
    if (swap === 0) limits.memorySwapMax = f.memory;
    else if (swap > 0) limits.memorySwapMax = Math.max(0, swap - f.memory);
  }
  if (f.memoryReservation && f.memoryReservation > 0) limits.memoryLow = f.memoryReservation;
  if (f.nanoCpus && f.nanoCpus > 0) {
    limits.cpuPeriodUsec = 100000;
    limits.cpuQuotaUsec = Math.round((f.nanoCpus * 100000) / 1e9);
  } else if (f.cpuQuota && f.cpuQuota > 0) {
    limits.cpuPeriodUsec = f.cpuPeriod && f.cpuPeriod > 0 ? f.cpuPeriod : 100000;
    limits.cpuQuotaUsec = f.cpuQuota;
  }
  if (f.cpuShares && f.cpuShares > 0) limits.cpuWeight = sharesToWeight(f.cpuShares);
  if (f.pidsLimit && f.pidsLimit > 0) limits.pidsMax = f.pidsLimit;
  return limits;
}
