import {
  cgroupFile,
  cmdlineFile,
  environFile,
  oomScore,
  statFile,
  statmFile,
  statusFile,
} from './procfiles.js';
import {
  cpuinfoFile,
  kernelCmdline,
  loadavgFile,
  meminfoFile,
  mountsFile,
  statFileHost,
  uptimeFile,
  versionFile,
} from './procsys.js';
import type { KernelState } from './state.js';
import { foregroundGroups, utsOf, visibleProcs } from './sysview.js';
import type { ProcessRecord } from './types.js';
import { dirNode, fileNode, linkNode, VfsError, type VNode } from './vnode.js';

/** /proc as `viewer` sees it: its PID namespace's processes, host-wide files, /proc/sys/kernel. */

const NS_LINKS: [string, keyof ProcessRecord['ns']][] = [
  ['cgroup', 'cgroup'],
  ['ipc', 'ipc'],
  ['mnt', 'mnt'],
  ['net', 'net'],
  ['pid', 'pid'],
  ['pid_for_children', 'pid'],
  ['time', 'time'],
  ['time_for_children', 'time'],
  ['user', 'user'],
  ['uts', 'uts'],
];

type Table = Record<string, () => VNode | undefined>;

/** ptrace access mode: root, or the same user, may look at a process's environ, links and ns. */
function mayInspect(viewer: ProcessRecord, p: ProcessRecord): boolean {
  return viewer.uid === 0 || viewer.uid === p.uid;
}

function guarded<T>(viewer: ProcessRecord, p: ProcessRecord, value: () => T): () => T {
  return () => {
    if (!mayInspect(viewer, p)) throw new VfsError('EACCES');
    return value();
  };
}

function pidDir(state: KernelState, p: ProcessRecord, pid: number, viewer: ProcessRecord): VNode {
  const owner = { uid: p.kernelThread ? 0 : p.uid, gid: p.kernelThread ? 0 : p.gid };
  const now = Math.floor(state.now() / 1000);
  const file = (mode: number, read: () => Buffer | string) => () =>
    fileNode({ mode, ...owner, mtime: now }, read);
  const link =
    (target: () => string, magic = false) =>
    () =>
      linkNode({ mode: 0o777, ...owner, mtime: now }, guarded(viewer, p, target), magic);
  const nsTable: Table = {};
  for (const [name, type] of NS_LINKS) nsTable[name] = link(() => `${type}:[${p.ns[type]}]`, true);
  const table: Table = {
    cgroup: file(0o444, () => cgroupFile(state, p, viewer)),
    cmdline: file(0o444, () => cmdlineFile(p)),
    comm: file(0o644, () => `${p.comm}\n`),
    cwd: link(() => (p.kernelThread ? '/' : p.cwd)),
    environ: file(
      0o400,
      guarded(viewer, p, () => environFile(p)),
    ),
    exe: link(() => {
      if (!p.exe) throw new VfsError('ENOENT');
      return p.exe;
    }),
    mounts: file(0o444, () => mountsFile(state, p)),
    ns: () => dirNode({ mode: 0o511, ...owner, mtime: now }, () => nsTable),
    oom_score: file(0o444, () => `${oomScore(state, p)}\n`),
    oom_score_adj: file(0o644, () => `${p.oomScoreAdj}\n`),
    root: link(() => '/'),
    stat: file(0o444, () => {
      const tpgid = p.tty === null ? undefined : foregroundGroups(state).get(p.tty);
      return statFile(state, p, pid, viewer, tpgid);
    }),
    statm: file(0o444, () => statmFile(p)),
    status: file(0o444, () => statusFile(state, p, pid, viewer)),
  };
  return dirNode({ mode: 0o555, ...owner, mtime: Math.floor(p.startTime / 1000) }, () => table);
}

function sysTree(state: KernelState, viewer: ProcessRecord, mtime: number): VNode {
  const meta = { mode: 0o555, uid: 0, gid: 0, mtime };
  const value = (text: () => string) => () => fileNode({ ...meta, mode: 0o644 }, () => `${text()}\n`);
  const dir = (table: Table) => () => dirNode(meta, () => table);
  const uts = () => utsOf(state, viewer);
  const root = dir({
    kernel: dir({
      domainname: value(() => uts().domainname),
      hostname: value(() => uts().nodename),
      osrelease: value(() => state.host.kernelRelease),
      ostype: value(() => 'Linux'),
      pid_max: value(() => String(state.host.pidMax)),
      version: value(() => state.host.kernelVersion),
    }),
    net: dir({ ipv4: dir({ ip_forward: value(() => '1') }) }),
    vm: dir({ overcommit_memory: value(() => '0'), swappiness: value(() => '60') }),
  });
  return root()!;
}

export function procRoot(state: KernelState, viewer: ProcessRecord): VNode {
  const mtime = Math.floor(state.counters.boot / 1000);
  const meta = { mode: 0o444, uid: 0, gid: 0, mtime };
  const file = (read: () => string) => () => fileNode(meta, read);
  return dirNode({ mode: 0o555, uid: 0, gid: 0, mtime }, () => {
    const table: Table = {};
    for (const { p, pid } of visibleProcs(state, viewer))
      table[String(pid)] = () => pidDir(state, p, pid, viewer);
    const self = String(viewer.nsPids[viewer.nsPids.length - 1]);
    Object.assign(table, {
      cmdline: file(() => kernelCmdline(state)),
      cpuinfo: file(() => cpuinfoFile(state)),
      loadavg: file(() => loadavgFile(state, viewer)),
      meminfo: file(() => meminfoFile(state)),
      mounts: () => linkNode({ ...meta, mode: 0o777 }, () => 'self/mounts'),
      self: () => (state.procs.has(viewer.pid) ? linkNode({ ...meta, mode: 0o777 }, () => self) : undefined),
      stat: file(() => statFileHost(state, viewer)),
      swaps: file(() => 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n'),
      sys: () => sysTree(state, viewer, mtime),
      uptime: file(() => uptimeFile(state)),
      version: file(() => versionFile(state)),
    } satisfies Table);
    return table;
  });
}
