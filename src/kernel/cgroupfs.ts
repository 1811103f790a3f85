import { cgroupMembers, childCgroups, cpuUsageUsec } from './cgroups.js';
import { isFrozen, throttling } from './cpu.js';
import { cgroupMemory, memoryStat, tasksIn } from './memory.js';
import { cpuMask } from './procfiles.js';
import { isWithin, type KernelState } from './state.js';
import { translate } from './sysview.js';
import type { CgroupLimits, CgroupRecord, ProcessRecord } from './types.js';
import { dirNode, fileNode, VfsError, type VNode } from './vnode.js';

/**
 * /sys/fs/cgroup as a reader sees it: the tree from its cgroup namespace's root. The kernel has
 * limit and usage files only in non-root cgroups; the real root has host-wide statistics instead.
 */

/** Writes the simulated host accepts from root; a value the kernel refuses throws. */
export interface CgroupWriter {
  update(path: string, limits: Partial<CgroupLimits>): void;
  freeze(path: string, frozen: boolean): void;
}

const invalid = (): never => {
  throw new VfsError('EINVAL');
};

const max = (v: number | undefined): string => (v === undefined ? 'max' : String(v));
const PRESSURE =
  'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
const CONTROLLERS = 'cpuset cpu io memory pids';

function cpuStat(state: KernelState, path: string, rec: CgroupRecord | undefined): string {
  const usage = cpuUsageUsec(state, path, state.now());
  const user = Math.floor(usage * 0.72);
  const lines = [
    `usage_usec ${usage}`,
    `user_usec ${user}`,
    `system_usec ${usage - user}`,
    'core_sched.force_idle_usec 0',
  ];
  if (rec && path !== '/') {
    const t = throttling(state, rec, state.now());
    lines.push(
      `nr_periods ${Math.floor(t.nrPeriods)}`,
      `nr_throttled ${Math.floor(t.nrThrottled)}`,
      `throttled_usec ${Math.floor(t.throttledUsec)}`,
      'nr_bursts 0',
      'burst_usec 0',
    );
  }
  return `${lines.join('\n')}\n`;
}

function parseMax(text: string): number | undefined {
  const t = text.trim();
  if (t === 'max') return undefined;
  if (!/^\d+$/.test(t)) return invalid();
  return Number(t);
}

type Entry = [mode: number, read: () => string, write?: (data: string) => void];

function files(
  state: KernelState,
  rec: CgroupRecord,
  viewer: ProcessRecord,
  w: CgroupWriter | undefined,
): Record<string, Entry> {
  const path = rec.path;
  const l = rec.limits;
  const procs = () =>
    cgroupMembers(state, path)
      .map((pid) => translate(state, pid, viewer))
      .filter((pid) => pid > 0);
  const threads = () =>
    cgroupMembers(state, path).flatMap((pid) => {
      const own = translate(state, pid, viewer);
      const n = state.procs.get(pid)?.threads ?? 1;
      return own > 0 ? Array.from({ length: n }, (_, i) => own + i) : [];
    });
  const populated = () => [...state.procs.values()].some((p) => isWithin(p.cgroup, path));
  const descendants = () => [...state.cgroups.keys()].filter((c) => c !== path && isWithin(c, path)).length;
  const common: Record<string, Entry> = {
    'cgroup.procs': [
      0o644,
      () =>
        procs()
          .map((p) => `${p}\n`)
          .join(''),
    ],
    'cgroup.threads': [
      0o644,
      () =>
        threads()
          .map((p) => `${p}\n`)
          .join(''),
    ],
    'cgroup.stat': [0o444, () => `nr_descendants ${descendants()}\nnr_dying_descendants 0\n`],
    'cgroup.max.depth': [0o644, () => 'max\n'],
    'cgroup.max.descendants': [0o644, () => 'max\n'],
    'cgroup.pressure': [0o644, () => '1\n'],
    'cgroup.subtree_control': [
      0o644,
      () => (childCgroups(state, path).length > 0 ? `${CONTROLLERS}\n` : '\n'),
    ],
    'cpu.pressure': [0o644, () => PRESSURE],
    'cpu.stat': [0o444, () => cpuStat(state, path, rec)],
    'io.pressure': [0o644, () => PRESSURE],
    'io.stat': [0o444, () => ''],
    'memory.pressure': [0o644, () => PRESSURE],
    'memory.stat': [0o444, () => memoryStat(state, path)],
    'cpuset.cpus.effective': [0o444, () => `${cpuMask(state.host.cpus).list}\n`],
    'cpuset.mems.effective': [0o444, () => '0\n'],
  };
  if (path === '/') {
    return {
      ...common,
      'cgroup.controllers': [0o444, () => 'cpuset cpu io memory hugetlb pids rdma misc\n'],
    };
  }
  const set = (patch: (data: string) => Partial<CgroupLimits>) =>
    w ? (data: string) => w.update(path, patch(data)) : undefined;
  const events = () =>
    `low 0\nhigh 0\nmax ${rec.eventsMax}\noom ${rec.oom}\noom_kill ${rec.oomKill}\noom_group_kill 0\n`;
  return {
    ...common,
    'cgroup.controllers': [0o444, () => `${CONTROLLERS}\n`],
    'cgroup.type': [0o644, () => 'domain\n'],
    'cgroup.events': [
      0o444,
      () => `populated ${populated() ? 1 : 0}\nfrozen ${isFrozen(state, path) ? 1 : 0}\n`,
    ],
    'cgroup.freeze': [
      0o644,
      () => `${rec.frozen ? 1 : 0}\n`,
      w ? (d) => (/^[01]$/.test(d.trim()) ? w.freeze(path, d.trim() === '1') : invalid()) : undefined,
    ],
    'cgroup.kill': [0o200, () => ''],
    'cpu.idle': [0o644, () => '0\n'],
    'cpu.max': [
      0o644,
      () => `${max(l.cpuQuotaUsec)} ${l.cpuPeriodUsec}\n`,
      set((d) => {
        const [quota = '', period] = d.trim().split(/\s+/);
        const p = period === undefined ? l.cpuPeriodUsec : parseMax(period);
        if (p === undefined || p < 1000) return invalid();
        return { cpuQuotaUsec: parseMax(quota), cpuPeriodUsec: p };
      }),
    ],
    'cpu.max.burst': [0o644, () => '0\n'],
    'cpu.weight': [
      0o644,
      () => `${l.cpuWeight}\n`,
      set((d) => {
        const v = parseMax(d);
        return v !== undefined && v >= 1 && v <= 10000 ? { cpuWeight: v } : invalid();
      }),
    ],
    'cpu.weight.nice': [
      0o644,
      () => `${Math.max(-20, Math.min(19, Math.round(-Math.log(l.cpuWeight / 100) / Math.log(1.25))))}\n`,
    ],
    'cpuset.cpus': [0o644, () => '\n'],
    'cpuset.mems': [0o644, () => '\n'],
    'io.max': [0o644, () => ''],
    'io.weight': [0o644, () => 'default 100\n'],
    'memory.current': [0o444, () => `${cgroupMemory(state, path).current}\n`],
    'memory.events': [0o444, events],
    'memory.events.local': [0o444, events],
    'memory.high': [0o644, () => 'max\n'],
    'memory.low': [0o644, () => `${l.memoryLow ?? 0}\n`],
    'memory.max': [0o644, () => `${max(l.memoryMax)}\n`, set((d) => ({ memoryMax: parseMax(d) }))],
    'memory.min': [0o644, () => '0\n'],
    'memory.oom.group': [0o644, () => '0\n'],
    'memory.peak': [0o444, () => `${Math.max(rec.memoryPeak, cgroupMemory(state, path).current)}\n`],
    'memory.swap.current': [0o444, () => '0\n'],
    'memory.swap.events': [0o444, () => 'high 0\nmax 0\nfail 0\n'],
    'memory.swap.high': [0o644, () => 'max\n'],
    'memory.swap.max': [
      0o644,
      () => `${max(l.memorySwapMax)}\n`,
      set((d) => ({ memorySwapMax: parseMax(d) })),
    ],
    'memory.swap.peak': [0o444, () => '0\n'],
    'pids.current': [0o444, () => `${tasksIn(state, path)}\n`],
    'pids.events': [0o444, () => 'max 0\n'],
    'pids.max': [0o644, () => `${max(l.pidsMax)}\n`, set((d) => ({ pidsMax: parseMax(d) }))],
    'pids.peak': [0o444, () => `${Math.max(rec.pidsPeak, tasksIn(state, path))}\n`],
  };
}

/** The directory of cgroup `path`; `w` is given when the reader may write (root on the host). */
export function cgroupDirNode(
  state: KernelState,
  path: string,
  viewer: ProcessRecord,
  w: CgroupWriter | undefined,
): VNode | undefined {
  const rec = state.cgroups.get(path);
  if (!rec) return undefined;
  const mtime = Math.floor(rec.created / 1000);
  return dirNode({ mode: 0o755, uid: 0, gid: 0, mtime }, () => {
    const table: Record<string, () => VNode | undefined> = {};
    for (const [name, [mode, read, write]] of Object.entries(files(state, rec, viewer, w))) {
      table[name] = () => fileNode({ mode, uid: 0, gid: 0, mtime }, read, write);
    }
    for (const child of childCgroups(state, path)) {
      table[child.slice(child.lastIndexOf('/') + 1)] = () => cgroupDirNode(state, child, viewer, w);
    }
    return table;
  });
}
