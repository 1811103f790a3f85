import { relativeCgroup } from './cgroups.js';
import { cpuTimeMs } from './cpu.js';
import { procMemory } from './memory.js';
import { pidNsChain } from './namespaces.js';
import { type KernelState, PAGE, TICK_MS } from './state.js';
import { stateLetter, translate } from './sysview.js';
import type { ProcessRecord } from './types.js';

/** The files of /proc/PID, rendered for a reader (`viewer`) in its PID and cgroup namespaces. */

const STATE_WORDS: Record<string, string> = {
  R: 'R (running)',
  S: 'S (sleeping)',
  D: 'D (disk sleep)',
  T: 'T (stopped)',
  Z: 'Z (zombie)',
  I: 'I (idle)',
};

/** Docker's default capability set; a host root process has all 41 of a 6.8 kernel. */
const DOCKER_CAPS = '00000000a80425fb';
const ALL_CAPS = '000001ffffffffff';
const NO_CAPS = '0000000000000000';

const kb = (bytes: number): number => Math.floor(bytes / 1024);
const vm = (key: string, bytes: number): string => `${key}:\t${String(kb(bytes)).padStart(8)} kB`;

/** PIDs of `hostPid` in each namespace from the viewer's level down to `p`'s own (NSpid and friends). */
function nsChainPids(state: KernelState, p: ProcessRecord, hostPid: number, viewer: ProcessRecord): string {
  const level = pidNsChain(state, viewer.ns.pid).length - 1;
  const target = state.procs.get(hostPid);
  const out: number[] = [];
  for (let l = level; l < p.nsPids.length; l++) out.push(target?.nsPids[l] ?? (l === 0 ? hostPid : 0));
  return out.join('\t');
}

export function cpuMask(cpus: number): { mask: string; list: string } {
  const mask = (2n ** BigInt(cpus) - 1n).toString(16);
  return { mask, list: cpus === 1 ? '0' : `0-${cpus - 1}` };
}

export function statusFile(state: KernelState, p: ProcessRecord, pid: number, viewer: ProcessRecord): string {
  const letter = stateLetter(state, p, viewer);
  const ids = (n: number) => `${n}\t${n}\t${n}\t${n}`;
  const inContainer = p.container !== undefined;
  const root = p.uid === 0;
  const capEff = inContainer ? (root ? DOCKER_CAPS : NO_CAPS) : root ? ALL_CAPS : NO_CAPS;
  const mem = procMemory(p);
  const { mask, list } = cpuMask(state.host.cpus);
  const ageS = Math.max(0, state.now() - p.startTime) / 1000;
  const lines = [
    `Name:\t${p.comm}`,
    `Umask:\t${p.kernelThread || p.pid === 1 ? '0000' : '0022'}`,
    `State:\t${STATE_WORDS[letter]}`,
    `Tgid:\t${pid}`,
    'Ngid:\t0',
    `Pid:\t${pid}`,
    `PPid:\t${translate(state, p.ppid, viewer)}`,
    'TracerPid:\t0',
    `Uid:\t${ids(p.uid)}`,
    `Gid:\t${ids(p.gid)}`,
    `FDSize:\t${p.threads > 1 ? 256 : 64}`,
    `Groups:\t${p.kernelThread ? '' : p.gid} `,
    `NStgid:\t${nsChainPids(state, p, p.pid, viewer)}`,
    `NSpid:\t${nsChainPids(state, p, p.pid, viewer)}`,
    `NSpgid:\t${nsChainPids(state, p, p.pgid, viewer)}`,
    `NSsid:\t${nsChainPids(state, p, p.sid, viewer)}`,
  ];
  if (!p.kernelThread) {
    const stack = 132 * 1024;
    lines.push(
      vm('VmPeak', p.vsz),
      vm('VmSize', p.vsz),
      vm('VmLck', 0),
      vm('VmPin', 0),
      vm('VmHWM', mem.rss),
      vm('VmRSS', mem.rss),
      vm('RssAnon', mem.anon),
      vm('RssFile', mem.file),
      vm('RssShmem', 0),
      vm('VmData', Math.max(mem.anon, p.vsz - mem.file - stack) - stack),
      vm('VmStk', stack),
      vm('VmExe', Math.min(mem.file, 1024 * 1024)),
      vm('VmLib', Math.max(0, mem.file - 1024 * 1024)),
      vm('VmPTE', mem.pageTables),
      vm('VmSwap', 0),
    );
  }
  lines.push(
    vm('HugetlbPages', 0),
    'CoreDumping:\t0',
    `THP_enabled:\t${p.kernelThread ? 0 : 1}`,
    'untag_mask:\t0xffffffffffffffff',
    `Threads:\t${p.threads}`,
    `SigQ:\t0/${Math.floor(state.host.memTotal / PAGE / 64)}`,
    ...['SigPnd', 'ShdPnd', 'SigBlk', 'SigIgn', 'SigCgt'].map((k) => `${k}:\t${NO_CAPS}`),
    `CapInh:\t${NO_CAPS}`,
    `CapPrm:\t${capEff}`,
    `CapEff:\t${capEff}`,
    `CapBnd:\t${inContainer ? DOCKER_CAPS : ALL_CAPS}`,
    `CapAmb:\t${NO_CAPS}`,
    'NoNewPrivs:\t0',
    `Seccomp:\t${inContainer ? 2 : 0}`,
    `Seccomp_filters:\t${inContainer ? 1 : 0}`,
    `Speculation_Store_Bypass:\t${inContainer ? 'thread force mitigated' : 'thread vulnerable'}`,
    'SpeculationIndirectBranch:\tconditional enabled',
    `Cpus_allowed:\t${mask}`,
    `Cpus_allowed_list:\t${list}`,
    `Mems_allowed:\t${[...Array(31).fill('00000000'), '00000001'].join(',')}`,
    'Mems_allowed_list:\t0',
    `voluntary_ctxt_switches:\t${Math.floor(ageS * 0.4 + cpuTimeMs(p, state.now()) / 4)}`,
    `nonvoluntary_ctxt_switches:\t${Math.floor(cpuTimeMs(p, state.now()) / 40)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** tty_nr as the kernel encodes a device number: pts/N is major 136, ttyN major 4. */
function ttyNr(tty: string | null): number {
  const m = /^(pts\/|tty)(\d+)$/.exec(tty ?? '');
  if (!m) return 0;
  const minor = Number(m[2]);
  const major = m[1] === 'pts/' ? 136 + Math.floor(minor / 256) : 4;
  return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
}

/** /proc/PID/stat: the 52 fields procps reads (times in ticks since boot, sizes in bytes and pages). */
export function statFile(
  state: KernelState,
  p: ProcessRecord,
  pid: number,
  viewer: ProcessRecord,
  tpgid: number | undefined,
): string {
  const cpuTicks = Math.floor(cpuTimeMs(p, state.now()) / TICK_MS);
  const utime = Math.floor(cpuTicks * 0.72);
  const start = Math.max(0, Math.floor((p.startTime - state.counters.boot) / TICK_MS));
  const rssPages = Math.floor(procMemory(p).rss / PAGE);
  const user = !p.kernelThread;
  const code = user ? [94371840, 94371840 + 1048576, 140733000000000] : [0, 0, 0];
  const fields: (string | number)[] = [
    pid,
    `(${p.comm})`,
    stateLetter(state, p, viewer),
    translate(state, p.ppid, viewer),
    translate(state, p.pgid, viewer),
    translate(state, p.sid, viewer),
    ttyNr(p.tty),
    tpgid === undefined ? -1 : translate(state, tpgid, viewer),
    user ? 4194560 : 2129984,
    Math.floor(rssPages * 1.5),
    0,
    Math.floor(rssPages / 40),
    0,
    utime,
    cpuTicks - utime,
    0,
    0,
    20,
    0,
    p.threads,
    0,
    start,
    user ? p.vsz : 0,
    rssPages,
    '18446744073709551615',
    ...code,
    0,
    0,
    0,
    0,
    0,
    0,
    1,
    0,
    0,
    17,
    p.pid % state.host.cpus,
    0,
    0,
    0,
    0,
    0,
    ...(user ? [94371840 + 2097152, 94371840 + 2162688, 94371840 + 4194304] : [0, 0, 0]),
    ...(user ? [140733000004096, 140733000004352, 140733000004352, 140733000008192] : [0, 0, 0, 0]),
    0,
  ];
  return `${fields.join(' ')}\n`;
}

export function statmFile(p: ProcessRecord): string {
  const m = procMemory(p);
  const pages = (b: number) => Math.floor(b / PAGE);
  return `${[pages(p.vsz), pages(m.rss), pages(m.file), pages(Math.min(m.file, 1048576)), 0, pages(m.anon), 0].join(' ')}\n`;
}

export function cmdlineFile(p: ProcessRecord): Buffer {
  return Buffer.from(p.args.map((a) => `${a}\0`).join(''));
}

export function environFile(p: ProcessRecord): Buffer {
  return Buffer.from(
    Object.entries(p.env)
      .map(([k, v]) => `${k}=${v}\0`)
      .join(''),
  );
}

export function cgroupFile(state: KernelState, p: ProcessRecord, viewer: ProcessRecord): string {
  const root = state.namespaces.get(viewer.ns.cgroup)?.root ?? '/';
  return `0::${relativeCgroup(p.cgroup, root)}\n`;
}

/** oom_score: 1000 + the thousandths of memory held + oom_score_adj, scaled by 2/3 as the kernel prints it. */
export function oomScore(state: KernelState, p: ProcessRecord): number {
  if (p.kernelThread) return 0;
  const share = Math.floor((procMemory(p).rss * 1000) / state.host.memTotal);
  return Math.floor((Math.max(0, 1000 + share + p.oomScoreAdj) * 2) / 3);
}
