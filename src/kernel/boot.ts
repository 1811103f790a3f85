import type { HostSpec } from './host.js';
import { kernelThreads } from './kthreads.js';
import { HOST_NS } from './namespaces.js';
import type { ProcessRecord } from './types.js';

/**
 * The machine as it is before the learner's first command: systemd and its services, the
 * kernel threads, containerd and dockerd, and a root login over ssh (the learner's shell).
 * PIDs, users, cgroups and sizes follow a freshly booted Ubuntu 24.04 Docker host.
 */

/** Host PID the first process started after boot gets (a no-port container: shim 2211, PID 1 2233). */
export const FIRST_DYNAMIC_PID = 2211;

/** PID of the learner's login shell (`-bash` on pts/0). */
export const LOGIN_SHELL_PID = 1363;

/** Users of the host's /etc/passwd that show up in `ps` (others print as numbers). */
export const HOST_USERS: Readonly<Record<number, string>> = {
  0: 'root',
  1: 'daemon',
  2: 'bin',
  3: 'sys',
  102: 'messagebus',
  103: 'syslog',
  991: 'systemd-resolve',
  996: 'systemd-timesync',
  998: 'systemd-network',
  1000: 'learner',
  65534: 'nobody',
};

const SYS = '/system.slice';
const SESSION = '/user.slice/user-0.slice/session-1.scope';
const USER_MANAGER = '/user.slice/user-0.slice/user@0.service/init.scope';

interface Service {
  pid: number;
  ppid: number;
  uid: number;
  args: string[];
  comm: string;
  cgroup: string;
  /** KiB, as ps prints them. */
  rss: number;
  vsz: number;
  cpuSec: number;
  threads?: number;
  tty?: string;
  oom?: number;
  /** Seconds after boot; the login session starts ten minutes before the simulation does. */
  at?: number;
  login?: boolean;
}

const SERVICES: Service[] = [
  {
    pid: 1,
    ppid: 0,
    uid: 0,
    args: ['/sbin/init'],
    comm: 'systemd',
    cgroup: '/init.scope',
    rss: 13312,
    vsz: 22364,
    cpuSec: 4,
  },
  svc(412, 'systemd-journald', 0, '/usr/lib/systemd/systemd-journald', 23808, 50424, 1),
  svc(468, 'systemd-udevd', 0, '/usr/lib/systemd/systemd-udevd', 6656, 25968),
  svc(598, 'systemd-networkd', 998, '/usr/lib/systemd/systemd-networkd', 8832, 19380),
  svc(611, 'systemd-resolved', 991, '/usr/lib/systemd/systemd-resolved', 12800, 21688),
  { ...svc(612, 'systemd-timesyncd', 996, '/usr/lib/systemd/systemd-timesyncd', 7296, 91020), threads: 2 },
  svc(700, 'cron', 0, '/usr/sbin/cron -f -P', 2816, 7200),
  {
    ...svc(
      701,
      'dbus',
      102,
      '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only',
      5248,
      9708,
    ),
    comm: 'dbus-daemon',
  },
  svc(715, 'systemd-logind', 0, '/usr/lib/systemd/systemd-logind', 7680, 17960),
  { ...svc(742, 'rsyslog', 103, '/usr/sbin/rsyslogd -n -iNONE', 5504, 222508), comm: 'rsyslogd', threads: 4 },
  { ...svc(845, 'containerd', 0, '/usr/bin/containerd', 48212, 1875468, 12), threads: 10, oom: -999 },
  {
    ...svc(
      1032,
      'docker',
      0,
      '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
      84560,
      2290472,
      7,
    ),
    comm: 'dockerd',
    threads: 12,
    oom: -500,
  },
  {
    ...svc(1187, 'ssh', 0, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 8960, 12020),
    comm: 'sshd',
  },
  {
    ...svc(
      1191,
      'system-getty.slice/getty@tty1',
      0,
      '/sbin/agetty -o -p -- \\u --noclear - linux',
      2048,
      6176,
    ),
    comm: 'agetty',
    tty: 'tty1',
  },
  login(1342, 1187, ['sshd: root@pts/0'], 'sshd', SESSION, 10880, 14740),
  login(1348, 1, ['/usr/lib/systemd/systemd', '--user'], 'systemd', USER_MANAGER, 10496, 20172),
  login(1349, 1348, ['(sd-pam)'], '(sd-pam)', USER_MANAGER, 3712, 21392),
  { ...login(1363, 1342, ['-bash'], 'bash', SESSION, 5504, 8764), tty: 'pts/0' },
];

function svc(
  pid: number,
  unit: string,
  uid: number,
  cmd: string,
  rss: number,
  vsz: number,
  cpuSec = 0,
): Service {
  // sshd rewrites its title into one argument; the others keep their argv.
  const args = cmd.startsWith('sshd:') ? [cmd] : cmd.split(' ');
  const comm = (args[0] ?? '').slice((args[0] ?? '').lastIndexOf('/') + 1).slice(0, 15);
  return {
    pid,
    ppid: 1,
    uid,
    args,
    comm,
    cgroup: `${SYS}/${unit}.service`,
    rss,
    vsz,
    cpuSec,
    at: 2 + pid / 200,
  };
}

function login(
  pid: number,
  ppid: number,
  args: string[],
  comm: string,
  cgroup: string,
  rss: number,
  vsz: number,
): Service {
  return { pid, ppid, uid: 0, args, comm, cgroup, rss, vsz, cpuSec: 0, login: true };
}

/** The boot process table. `boot` is the boot time and `start` the simulation's start, both ms. */
export function bootProcesses(host: HostSpec, boot: number, start: number): ProcessRecord[] {
  const base = (pid: number, ppid: number): ProcessRecord => ({
    pid,
    ppid,
    nsPids: [pid],
    pgid: pid,
    sid: pid,
    args: [],
    comm: '',
    exe: '',
    uid: 0,
    gid: 0,
    env: {},
    cwd: '/',
    ns: { ...HOST_NS },
    cgroup: '/',
    startTime: boot,
    tty: null,
    memory: 0,
    vsz: 0,
    cpuCores: 0,
    cpuRate: 0,
    cpuMs: 0,
    usageAt: start,
    threads: 1,
    kernelThread: false,
    oomScoreAdj: 0,
  });
  const procs: ProcessRecord[] = kernelThreads(host.cpus).map(({ pid, comm, idle }) => ({
    ...base(pid, pid === 2 ? 0 : 2),
    pgid: 0,
    sid: 0,
    comm,
    kernelThread: true,
    ...(idle ? { idle: true } : {}),
    startTime: boot + (pid === 2 ? 0 : 10 + pid * 3),
  }));
  const loginAt = start - 600_000;
  for (const s of SERVICES) {
    const parent = SERVICES.find((p) => p.pid === s.ppid);
    const sessionLeader = s.ppid <= 1 || s.pid === 1342 || s.pid === 1363;
    procs.push({
      ...base(s.pid, s.ppid),
      pgid: sessionLeader ? s.pid : (parent?.pid ?? s.pid),
      sid: sessionLeader ? s.pid : (parent?.pid ?? s.pid),
      args: s.args,
      comm: s.comm,
      exe: s.args[0]!.startsWith('/')
        ? s.args[0]!
        : s.comm === 'sshd'
          ? '/usr/sbin/sshd'
          : `/usr/bin/${s.comm}`,
      uid: s.uid,
      gid: s.uid,
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' },
      cwd: s.login ? '/root' : '/',
      cgroup: s.cgroup,
      startTime: s.login ? loginAt + (s.pid - 1342) * 150 : boot + Math.round((s.at ?? 0.8) * 1000),
      tty: s.tty ?? null,
      memory: s.rss * 1024,
      vsz: s.vsz * 1024,
      cpuMs: s.cpuSec * 1000,
      threads: s.threads ?? 1,
      oomScoreAdj: s.oom ?? 0,
    });
  }
  return procs.sort((a, b) => a.pid - b.pid);
}

/** Cgroups of a systemd host besides the ones its processes live in. */
export const BOOT_CGROUPS: readonly string[] = [
  '/',
  '/init.scope',
  '/system.slice',
  `${SYS}/docker.socket`,
  '/user.slice',
  '/user.slice/user-0.slice',
  '/dev-hugepages.mount',
  '/dev-mqueue.mount',
  '/sys-kernel-debug.mount',
  '/sys-kernel-tracing.mount',
];
