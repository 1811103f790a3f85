import type { NamespaceType, ProcInfo } from '../../../src/kernel/view.js';
import { FakeFs, type FakeSystem } from './helpers.js';

/**
 * The [CONSTRUCTED] baseline host of shared/reference/host-kernel.md: Ubuntu 24.04, kernel
 * 6.8.0-45-generic, 4 CPUs, MemTotal 8135116 kB, pid_max 4194304, containers `web` (nginx, host
 * PID 2233 under shim 2211) and `db` (mysqld as UID 999, host PID 2323 under shim 2301). The
 * clock reads 11:00 so that procps' lifetime %CPU gives the document's values (0.6 for mysqld's
 * 41 s since 09:16).
 */
export const at = (hh: number, mm: number, ss = 0) => Date.UTC(2026, 10, 23, hh, mm, ss);
export const NOW = at(11, 0);
export const BOOT = at(9, 12);
export const WEB_ID = '9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c';
export const DB_ID = '3f4e8c2a9b1d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f';

export const HOST_NS: Record<NamespaceType, number> = {
  time: 4026531834,
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  mnt: 4026531840,
  net: 4026531992,
};
export const WEB_NS = {
  ...HOST_NS,
  mnt: 4026532301,
  uts: 4026532302,
  ipc: 4026532303,
  pid: 4026532304,
  net: 4026532306,
  cgroup: 4026532367,
};
export const DB_NS = {
  ...HOST_NS,
  mnt: 4026532368,
  uts: 4026532369,
  ipc: 4026532370,
  pid: 4026532371,
  net: 4026532373,
  cgroup: 4026532434,
};

const KB = 1024;

type P = Partial<ProcInfo> & Pick<ProcInfo, 'pid' | 'ppid' | 'comm'>;

export function proc(p: P): ProcInfo {
  return {
    hostPid: p.pid,
    uid: 0,
    gid: 0,
    user: 'root',
    args: [],
    state: 'S',
    startTime: BOOT,
    cpuTime: 0,
    cpuCores: 0,
    rss: 0,
    vsz: 0,
    tty: null,
    threads: 1,
    nice: 0,
    ns: HOST_NS,
    cgroup: '/',
    kernelThread: false,
    ...p,
  };
}

const kthread = (pid: number, comm: string, extra: Partial<ProcInfo> = {}) =>
  proc({ pid, ppid: pid === 2 ? 0 : 2, comm, kernelThread: true, ...extra });

const shimArgs = (id: string) => [
  '/usr/bin/containerd-shim-runc-v2',
  '-namespace',
  'moby',
  '-id',
  id,
  '-address',
  '/run/containerd/containerd.sock',
];

const proxyArgs = (ip: string) =>
  `/usr/bin/docker-proxy -proto tcp -host-ip ${ip} -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd`.split(
    ' ',
  );

export const mem = (rssKb: number, vszKb: number) => ({ rss: rssKb * KB, vsz: vszKb * KB });

export interface HostOptions {
  /** argv of the process running the tool (PID 3412 on pts/0, child of the login shell). */
  self?: string[];
  kdevtmpfs?: boolean;
}

export function hostProcs(o: HostOptions = {}): ProcInfo[] {
  const self = o.self ?? ['ps', '-ef'];
  const systemd = { cgroup: '/system.slice/containerd.service' };
  const list = [
    proc({
      pid: 1,
      ppid: 0,
      comm: 'systemd',
      args: ['/sbin/init'],
      cpuTime: 4000,
      ...mem(13312, 22364),
      cgroup: '/init.scope',
    }),
    kthread(2, 'kthreadd'),
    kthread(3, 'rcu_gp', { state: 'I', nice: -20 }),
    kthread(4, 'rcu_par_gp', { state: 'I', nice: -20 }),
    ...(o.kdevtmpfs ? [kthread(80, 'kdevtmpfs', { ns: { ...HOST_NS, mnt: 4026531860 } })] : []),
    proc({
      pid: 412,
      ppid: 1,
      comm: 'systemd-journal',
      args: ['/usr/lib/systemd/systemd-journald'],
      cpuTime: 1000,
      ...mem(15616, 48372),
    }),
    proc({
      pid: 845,
      ppid: 1,
      comm: 'containerd',
      args: ['/usr/bin/containerd'],
      cpuTime: 12000,
      threads: 10,
      ...mem(48212, 1875468),
      ...systemd,
    }),
    proc({
      pid: 1032,
      ppid: 1,
      comm: 'dockerd',
      args: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
      cpuTime: 7000,
      threads: 12,
      ...mem(84560, 2290472),
    }),
    proc({
      pid: 1187,
      ppid: 1,
      comm: 'sshd',
      args: ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
      ...mem(8192, 12020),
    }),
    proc({
      pid: 2188,
      ppid: 1032,
      comm: 'docker-proxy',
      args: proxyArgs('0.0.0.0'),
      startTime: at(9, 15),
      threads: 7,
      ...mem(4096, 1745824),
    }),
    proc({
      pid: 2195,
      ppid: 1032,
      comm: 'docker-proxy',
      args: proxyArgs('::'),
      startTime: at(9, 15),
      threads: 7,
      ...mem(4096, 1745824),
    }),
    proc({
      pid: 2211,
      ppid: 1,
      comm: 'containerd-shim',
      args: shimArgs(WEB_ID),
      startTime: at(9, 15),
      threads: 11,
      ...mem(13120, 1238336),
      ...systemd,
    }),
    proc({
      pid: 2233,
      ppid: 2211,
      comm: 'nginx',
      args: ['nginx: master process nginx -g daemon off;'],
      startTime: at(9, 15),
      ns: WEB_NS,
      ...mem(7424, 11400),
    }),
    ...[2290, 2291].map((pid) =>
      proc({
        pid,
        ppid: 2233,
        uid: 101,
        gid: 101,
        user: '101',
        comm: 'nginx',
        args: ['nginx: worker process'],
        startTime: at(9, 15),
        ns: WEB_NS,
        ...mem(2932, 11864),
      }),
    ),
    proc({
      pid: 2301,
      ppid: 1,
      comm: 'containerd-shim',
      args: shimArgs(DB_ID),
      startTime: at(9, 16),
      threads: 11,
      ...mem(12928, 1238336),
      ...systemd,
    }),
    proc({
      pid: 2323,
      ppid: 2301,
      uid: 999,
      gid: 999,
      user: '999',
      comm: 'mysqld',
      args: ['mysqld'],
      startTime: at(9, 16),
      cpuTime: 41000,
      threads: 38,
      ns: DB_NS,
      ...mem(452736, 2456964),
    }),
    proc({
      pid: 3050,
      ppid: 1187,
      comm: 'sshd',
      args: ['sshd: root@pts/0'],
      startTime: at(9, 20),
      ...mem(10496, 14640),
    }),
    proc({
      pid: 3071,
      ppid: 3050,
      comm: 'bash',
      args: ['-bash'],
      tty: 'pts/0',
      startTime: at(9, 20),
      ...mem(5504, 8764),
    }),
    proc({
      pid: 3412,
      ppid: 3071,
      comm: self[0]!,
      args: self,
      tty: 'pts/0',
      state: 'R',
      startTime: at(9, 31),
      ...mem(4480, 11200),
    }),
  ];
  return list;
}

export const UTS_HOST = {
  sysname: 'Linux',
  nodename: 'docker-host',
  release: '6.8.0-45-generic',
  version: '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024',
  machine: 'x86_64',
  domainname: '(none)',
};

export const MEMINFO = {
  total: 8135116 * KB,
  free: 5210344 * KB,
  available: 7105460 * KB,
  buffers: 120788 * KB,
  cached: (1987620 + 143216) * KB,
  shared: 3104 * KB,
  swapTotal: 0,
  swapFree: 0,
};

export function hostSystem(o: HostOptions = {}): FakeSystem {
  return {
    now: NOW,
    boot: BOOT,
    uts: UTS_HOST,
    cpus: 4,
    mem: MEMINFO,
    load: [0.08, 0.03, 0.01],
    procs: hostProcs(o),
    self: 3412,
    host: true,
  };
}

export function hostFs(): FakeFs {
  return new FakeFs({
    '/proc/sys/kernel/pid_max': '4194304\n',
    '/etc/os-release':
      'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n',
    '/etc/passwd': [
      'root:x:0:0:root:/root:/bin/bash',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
      'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
      'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
      'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
      'systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin',
      'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash',
      '',
    ].join('\n'),
    '/etc/group': [
      'root:x:0:',
      'adm:x:4:syslog,ubuntu',
      'sudo:x:27:ubuntu',
      'docker:x:988:ubuntu',
      'ubuntu:x:1000:',
      '',
    ].join('\n'),
    '/etc/hosts': '127.0.0.1 localhost\n127.0.1.1 docker-host\n\n::1     ip6-localhost ip6-loopback\n',
    '/lib/x86_64-linux-gnu/libc.so.6': '',
  });
}

/** nsfs bind mounts of the containers' network namespaces, as /proc/self/mountinfo lists them. */
export const MOUNTINFO = [
  '25 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
  '612 29 0:4 net:[4026532306] /run/docker/netns/5e2b0c9d41a7 rw shared:288 - nsfs nsfs rw',
  '640 29 0:4 net:[4026532373] /run/docker/netns/a81f3d6c2e90 rw shared:301 - nsfs nsfs rw',
  '',
].join('\n');
