import { createHash } from 'node:crypto';
import { cpuTimeMs, loadAverages } from './cpu.js';
import { hostMemory } from './memory.js';
import { HOST_NS } from './namespaces.js';
import { type KernelState, TICK_MS } from './state.js';
import { stateLetter, visibleProcs } from './sysview.js';
import type { ProcessRecord } from './types.js';

/** Host-wide /proc files: the same numbers inside every container, as on a real host. */

const kbLine = (key: string, bytes: number): string => {
  const label = `${key}:`;
  return `${label}${String(Math.floor(bytes / 1024)).padStart(Math.max(1, 24 - label.length))} kB`;
};

export function meminfoFile(state: KernelState): string {
  const m = hostMemory(state);
  const cache = m.cached - m.sreclaimable;
  const K = 1024;
  const rows: [string, number][] = [
    ['MemTotal', m.total],
    ['MemFree', m.free],
    ['MemAvailable', m.available],
    ['Buffers', m.buffers],
    ['Cached', cache],
    ['SwapCached', 0],
    ['Active', m.anon + cache / 2],
    ['Inactive', cache / 2],
    ['Active(anon)', m.anon],
    ['Inactive(anon)', 0],
    ['Active(file)', cache / 2],
    ['Inactive(file)', cache / 2],
    ['Unevictable', 0],
    ['Mlocked', 0],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ['Zswap', 0],
    ['Zswapped', 0],
    ['Dirty', 148 * K],
    ['Writeback', 0],
    ['AnonPages', m.anon],
    ['Mapped', m.used - m.anon > 0 ? 187_412 * K : 0],
    ['Shmem', m.shared],
    ['KReclaimable', m.sreclaimable],
    ['Slab', m.sreclaimable + 98_212 * K],
    ['SReclaimable', m.sreclaimable],
    ['SUnreclaim', 98_212 * K],
    ['KernelStack', m.kernelStack],
    ['PageTables', m.pageTables],
    ['SecPageTables', 0],
    ['NFS_Unstable', 0],
    ['Bounce', 0],
    ['WritebackTmp', 0],
    ['CommitLimit', m.total / 2],
    ['Committed_AS', m.used * 2],
    ['VmallocTotal', 34359738367 * K],
    ['VmallocUsed', 28_316 * K],
    ['VmallocChunk', 0],
    ['Percpu', state.host.cpus * 1024 * K],
    ['HardwareCorrupted', 0],
    ['AnonHugePages', 0],
    ['ShmemHugePages', 0],
    ['ShmemPmdMapped', 0],
    ['FileHugePages', 0],
    ['FilePmdMapped', 0],
    ['Unaccepted', 0],
  ];
  const lines = rows.map(([k, v]) => kbLine(k, v));
  lines.push(
    'HugePages_Total:       0',
    'HugePages_Free:        0',
    'HugePages_Rsvd:        0',
    'HugePages_Surp:        0',
    kbLine('Hugepagesize', 2048 * K),
    kbLine('Hugetlb', 0),
    kbLine('DirectMap4k', 210_816 * K),
    kbLine('DirectMap2M', 8_177_664 * K),
    kbLine('DirectMap1G', 0),
  );
  return `${lines.join('\n')}\n`;
}

export function cpuinfoFile(state: KernelState): string {
  const flags =
    'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx ' +
    'pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid tsc_known_freq pni pclmulqdq ssse3 fma ' +
    'cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch ' +
    'invpcid_single fsgsbase bmi1 avx2 smep bmi2 erms invpcid rdseed adx smap clflushopt xsaveopt xsavec xgetbv1 xsaves arat';
  const blocks: string[] = [];
  for (let i = 0; i < state.host.cpus; i++) {
    blocks.push(
      [
        `processor\t: ${i}`,
        'vendor_id\t: GenuineIntel',
        'cpu family\t: 6',
        'model\t\t: 106',
        'model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz',
        'stepping\t: 6',
        'cpu MHz\t\t: 2899.998',
        'cache size\t: 55296 KB',
        'physical id\t: 0',
        `siblings\t: ${state.host.cpus}`,
        `core id\t\t: ${i}`,
        `cpu cores\t: ${state.host.cpus}`,
        `apicid\t\t: ${i}`,
        `initial apicid\t: ${i}`,
        'fpu\t\t: yes',
        'fpu_exception\t: yes',
        'cpuid level\t: 22',
        'wp\t\t: yes',
        `flags\t\t: ${flags}`,
        'bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs mmio_stale_data gds',
        'bogomips\t: 5799.99',
        'clflush size\t: 64',
        'cache_alignment\t: 64',
        'address sizes\t: 46 bits physical, 48 bits virtual',
        'power management:',
        '',
      ].join('\n'),
    );
  }
  return `${blocks.join('\n')}\n`;
}

function busyMs(state: KernelState, at: number): number {
  let ms = state.counters.exitedCpuMs;
  for (const p of state.procs.values()) ms += cpuTimeMs(p, at);
  return ms;
}

export function uptimeFile(state: KernelState): string {
  const at = state.now();
  const up = Math.max(0, at - state.counters.boot) / 1000;
  const idle = Math.max(0, up * state.host.cpus - busyMs(state, at) / 1000) * 0.995;
  return `${up.toFixed(2)} ${idle.toFixed(2)}\n`;
}

/** `/proc/loadavg`: load, running/total threads, and the last PID handed out in the reader's PID namespace. */
export function loadavgFile(state: KernelState, viewer: ProcessRecord): string {
  const [l1, l5, l15] = loadAverages(state, state.now());
  let running = 0;
  let threads = 0;
  for (const p of state.procs.values()) {
    threads += p.threads;
    if (stateLetter(state, p, viewer) === 'R') running++;
  }
  const nextPid = state.namespaces.get(viewer.ns.pid)?.nextPid ?? 2;
  return `${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)} ${running}/${threads} ${nextPid - 1}\n`;
}

export function versionFile(state: KernelState): string {
  const { kernelRelease, kernelVersion } = state.host;
  const tools =
    '(x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42)';
  return `Linux version ${kernelRelease} (buildd@lcy02-amd64-081) ${tools} ${kernelVersion}\n`;
}

/** `/proc/stat`: CPU ticks (what docker stats divides by), boot time and process counts. */
export function statFileHost(state: KernelState, viewer: ProcessRecord): string {
  const at = state.now();
  const cpus = state.host.cpus;
  const totalTicks = Math.floor(Math.max(0, at - state.counters.boot) / TICK_MS);
  const busy = Math.floor(busyMs(state, at) / TICK_MS / cpus) + Math.floor(totalTicks * 0.003);
  const user = Math.floor(busy * 0.72);
  const system = busy - user;
  const iowait = Math.floor(totalTicks * 0.0005);
  const irq = 0;
  const softirq = Math.floor(totalTicks * 0.0002);
  const idle = Math.max(0, totalTicks - busy - iowait - softirq);
  const row = (name: string, n: number) =>
    `${name} ${[user, 0, system, idle, iowait, irq, softirq, 0, 0, 0].map((v) => v * n).join(' ')}`;
  const lines = [row('cpu ', cpus)];
  for (let i = 0; i < cpus; i++) lines.push(row(`cpu${i}`, 1));
  const running = visibleProcs(state, viewer).filter(({ p }) => stateLetter(state, p, viewer) === 'R').length;
  lines.push(
    `intr ${totalTicks * 7} 0 9 0 0 0 0 0 0 0 0 0 0 156 0 0 0`,
    `ctxt ${totalTicks * 23}`,
    `btime ${Math.floor(state.counters.boot / 1000)}`,
    `processes ${state.counters.forks}`,
    `procs_running ${Math.max(1, running)}`,
    'procs_blocked 0',
    `softirq ${softirq * cpus * 40} 0 ${softirq * 12} 3 ${softirq * 2} 0 0 ${softirq} 0 0 ${softirq * 20}`,
  );
  return `${lines.join('\n')}\n`;
}

export function kernelCmdline(state: KernelState): string {
  return `BOOT_IMAGE=/vmlinuz-${state.host.kernelRelease} root=/dev/mapper/ubuntu--vg-ubuntu--lv ro\n`;
}

const HOST_MOUNTS = `sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
udev /dev devtmpfs rw,nosuid,relatime,size=4021876k,nr_inodes=1005469,mode=755,inode64 0 0
devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000 0 0
tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=813512k,mode=755,inode64 0 0
/dev/mapper/ubuntu--vg-ubuntu--lv / ext4 rw,relatime 0 0
securityfs /sys/kernel/security securityfs rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /dev/shm tmpfs rw,nosuid,nodev,inode64 0 0
tmpfs /run/lock tmpfs rw,nosuid,nodev,noexec,relatime,size=5120k,inode64 0 0
cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
pstore /sys/fs/pstore pstore rw,nosuid,nodev,noexec,relatime 0 0
bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0
mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0
hugetlbfs /dev/hugepages hugetlbfs rw,nosuid,nodev,relatime,pagesize=2M 0 0
debugfs /sys/kernel/debug debugfs rw,nosuid,nodev,noexec,relatime 0 0
tracefs /sys/kernel/tracing tracefs rw,nosuid,nodev,noexec,relatime 0 0
configfs /sys/kernel/config configfs rw,nosuid,nodev,noexec,relatime 0 0
fusectl /sys/fs/fuse/connections fusectl rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 /boot ext4 rw,relatime 0 0
tmpfs /run/user/0 tmpfs rw,nosuid,nodev,relatime,size=813508k,nr_inodes=203377,mode=700,inode64 0 0
`;

/** A container's mount table: the overlay root docker's overlay2 driver builds, then runc's mounts. */
function containerMounts(key: string): string {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const dir = `/var/lib/docker/overlay2/${digest(`${key}:rw`).toString('hex')}`;
  const link = (i: number) =>
    [...digest(`${key}:l${i}`).subarray(0, 26)]
      .map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32])
      .join('');
  const lower = [0, 1, 2].map((i) => `/var/lib/docker/overlay2/l/${link(i)}`).join(':');
  return `overlay / overlay rw,relatime,lowerdir=${lower},upperdir=${dir}/diff,workdir=${dir}/work,nouserxattr 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0
sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0
cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0
shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k,inode64 0 0
/dev/mapper/ubuntu--vg-ubuntu--lv /etc/resolv.conf ext4 rw,relatime 0 0
/dev/mapper/ubuntu--vg-ubuntu--lv /etc/hostname ext4 rw,relatime 0 0
/dev/mapper/ubuntu--vg-ubuntu--lv /etc/hosts ext4 rw,relatime 0 0
proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/fs proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/irq proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/sys proc ro,nosuid,nodev,noexec,relatime 0 0
tmpfs /proc/acpi tmpfs ro,relatime,inode64 0 0
tmpfs /proc/scsi tmpfs ro,relatime,inode64 0 0
tmpfs /sys/firmware tmpfs ro,relatime,inode64 0 0
`;
}

/** /proc/PID/mounts: the text set for the process's mount namespace, else a plausible table. */
export function mountsFile(state: KernelState, p: ProcessRecord): string {
  const ns = state.namespaces.get(p.ns.mnt);
  if (ns?.mounts !== undefined)
    return ns.mounts.endsWith('\n') || ns.mounts === '' ? ns.mounts : `${ns.mounts}\n`;
  if (p.ns.mnt === HOST_NS.mnt) return HOST_MOUNTS;
  return containerMounts(p.container ?? String(p.ns.mnt));
}
