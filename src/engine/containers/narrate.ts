import type {
  CgroupFact,
  CgroupWrite,
  ContainerRef,
  ExecFact,
  ExplainFact,
  LayersFact,
  MountFact,
  NamespaceEntry,
  NamespaceName,
  NetworkFact,
  PortFact,
  ProcessFact,
} from '../../api/explain.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { CgroupLimits } from '../../kernel/types.js';
import type { NamespaceType } from '../../kernel/view.js';
import type { ImageServices } from '../images/services.js';
import type { ProxySpec } from '../network/allocator.js';
import { graphDriverData } from './inspect.js';
import type { ContainerRecord } from './record.js';

/**
 * `--explain` facts about a container, read from the same places `inspect`, the host's `ps`,
 * `/proc/PID/ns` and `/sys/fs/cgroup` read from, so the narration cannot disagree with them.
 */

/** The order runc unshares namespaces in, then the two docker leaves shared. */
const NS_ORDER: NamespaceType[] = ['mnt', 'uts', 'ipc', 'pid', 'net', 'cgroup', 'user', 'time'];

export function refOf(rec: ContainerRecord): ContainerRef {
  return { container: rec.ID, name: rec.Name.slice(1) };
}

export function layersFact(rec: ContainerRecord, svc: ImageServices): LayersFact {
  const data = graphDriverData(rec, svc);
  const lowerDirs = data.LowerDir.split(':');
  return {
    kind: 'layers',
    ...refOf(rec),
    image: rec.Config.Image,
    imageId: rec.Image,
    imageLayers: lowerDirs.length - 1,
    lowerDirs,
    upperDir: data.UpperDir,
    workDir: data.WorkDir,
    mergedDir: data.MergedDir,
  };
}

/** The container's mounts, and which of its volumes were made for it. */
export function mountFacts(rec: ContainerRecord, made: string[]): MountFact[] {
  return rec.MountPoints.map((m) => ({
    kind: 'mount',
    ...refOf(rec),
    type: m.Type as MountFact['type'],
    ...(m.Name ? { volume: m.Name } : {}),
    created: m.Name !== undefined && made.includes(m.Name),
    anonymous: m.Type === 'volume' && /^[0-9a-f]{64}$/.test(m.Name ?? ''),
    source: m.Source,
    destination: m.Destination,
    readOnly: !m.RW,
  }));
}

/** Which namespaces `pid` is in, and which of them are the host's or were made for it. */
export function namespaceEntries(kernel: Kernel, ns: Record<NamespaceType, number>): NamespaceEntry[] {
  const host = kernel.hostNamespaces();
  return NS_ORDER.map((type) => {
    const inode = ns[type];
    const shared = inode === host[type];
    return { type, inode, created: !shared, ...(shared ? { sharedWith: 'host' } : {}) };
  });
}

const bytes = (v: number | undefined) => (v === undefined ? 'max' : String(v));

/** The cgroup files whose values differ from a fresh cgroup's, as `cat` prints them. */
export function cgroupWrites(rec: ContainerRecord, l: CgroupLimits): CgroupWrite[] {
  const h = rec.HostConfig;
  const out: CgroupWrite[] = [];
  const add = (file: string, value: string, flag?: string) =>
    out.push({ file, value, ...(flag ? { flag } : {}) });
  if (l.memoryMax !== undefined) add('memory.max', bytes(l.memoryMax), '--memory');
  if (l.memorySwapMax !== undefined || (h.Memory && h.MemorySwap === -1))
    add('memory.swap.max', bytes(l.memorySwapMax), h.MemorySwap ? '--memory-swap' : '--memory');
  if (l.memoryLow !== undefined) add('memory.low', String(l.memoryLow), '--memory-reservation');
  if (l.cpuQuotaUsec !== undefined) {
    const flag = h.NanoCpus ? '--cpus' : '--cpu-quota';
    add('cpu.max', `${l.cpuQuotaUsec} ${l.cpuPeriodUsec}`, flag);
  }
  if (l.cpuWeight !== 100) add('cpu.weight', String(l.cpuWeight), '--cpu-shares');
  if (l.pidsMax !== undefined) add('pids.max', String(l.pidsMax), '--pids-limit');
  return out;
}

export function cgroupFact(rec: ContainerRecord, path: string, limits: CgroupLimits): CgroupFact {
  return { kind: 'cgroup', ...refOf(rec), path: `/sys/fs/cgroup${path}`, written: cgroupWrites(rec, limits) };
}

export function processFact(
  kernel: Kernel,
  rec: ContainerRecord,
  pid: number,
  role: ProcessFact['role'],
): ProcessFact | undefined {
  const p = kernel.process(pid);
  if (!p) return undefined;
  return {
    kind: 'process',
    ...refOf(rec),
    role,
    hostPid: p.pid,
    nsPid: p.nsPids[p.nsPids.length - 1] ?? p.pid,
    ppid: p.ppid,
    command: p.comm,
    onHost: p.ns.pid === kernel.hostNamespaces().pid,
  };
}

/** The endpoints a starting container got, as inspect's NetworkSettings shows them. */
export function networkFacts(rec: ContainerRecord): NetworkFact[] {
  return Object.entries(rec.NetworkSettings.Networks).map(([network, s]) => ({
    kind: 'network',
    ...refOf(rec),
    network,
    address: s.IPAddress ? `${s.IPAddress}/${s.IPPrefixLen}` : '',
    gateway: s.Gateway ?? '',
    driver: network === 'host' || network === 'none' ? network : 'bridge',
  }));
}

export function portFacts(rec: ContainerRecord, proxies: ProxySpec[], pids: number[]): PortFact[] {
  return proxies.map((p, i) => ({
    kind: 'port',
    ...refOf(rec),
    proto: p.proto,
    hostIp: p.hostIp,
    hostPort: p.hostPort,
    containerIp: p.containerIp,
    containerPort: p.containerPort,
    proxyPid: pids[i] ?? 0,
  }));
}

export function execFact(kernel: Kernel, rec: ContainerRecord, pid: number): ExecFact | undefined {
  const p = kernel.process(pid);
  if (!p) return undefined;
  return {
    kind: 'exec',
    ...refOf(rec),
    hostPid: p.pid,
    nsPid: p.nsPids[p.nsPids.length - 1] ?? p.pid,
    ppid: p.ppid,
    command: p.comm,
    namespaces: NS_ORDER.map((type) => ({ type: type as NamespaceName, inode: p.ns[type] })),
    cgroup: `/sys/fs/cgroup${p.cgroup}`,
  };
}

/** What `start` did, in order: the rootfs mounted, endpoints, namespaces, cgroup, shim and PID 1, ports. */
export function startFacts(
  kernel: Kernel,
  svc: ImageServices | undefined,
  rec: ContainerRecord,
  s: {
    ns: Record<NamespaceType, number>;
    cgroup: string;
    limits: CgroupLimits;
    shim: number;
    main: number;
    proxies?: ProxySpec[];
    proxyPids?: number[];
    /** The program could not be started: its process is narrated by the exit. */
    unstarted?: boolean;
  },
): ExplainFact[] {
  const out: (ExplainFact | undefined)[] = [];
  if (svc) {
    const data = graphDriverData(rec, svc);
    out.push({
      kind: 'rootfs',
      ...refOf(rec),
      mergedDir: data.MergedDir,
      lowerCount: data.LowerDir.split(':').length,
      upperDir: data.UpperDir,
    });
  }
  out.push(...networkFacts(rec));
  out.push({
    kind: 'namespaces',
    ...refOf(rec),
    hostPid: s.main,
    namespaces: namespaceEntries(kernel, s.ns),
  });
  out.push(cgroupFact(rec, s.cgroup, s.limits));
  out.push(processFact(kernel, rec, s.shim, 'shim'));
  if (!s.unstarted) out.push(processFact(kernel, rec, s.main, 'main'));
  out.push(...portFacts(rec, s.proxies ?? [], s.proxyPids ?? []));
  return out.filter((f): f is ExplainFact => f !== undefined);
}
