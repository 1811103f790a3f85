import type { VmDiskPart } from '../../api/vm.js';

/**
 * The guest operating system every simulated VM gets: Debian 12 with nginx, installed on the VM's
 * disk image. Its kernel is its own (6.1, Debian's), not the host's (6.8, Ubuntu's): the point a
 * learner checks with `uname -r` on both sides.
 */
export const GUEST = {
  os: 'Debian GNU/Linux 12 (bookworm)',
  prettyName: 'Debian GNU/Linux 12 (bookworm)',
  versionId: '12',
  kernelRelease: '6.1.0-28-amd64',
  kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)',
  kernelBuild:
    '(debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40)',
  systemd: '252.31-1~deb12u1',
  nginx: '1.22.1',
  /** The firmware QEMU's q35 machine runs before the boot loader. */
  bios: 'SeaBIOS (version 1.16.3-debian-1.16.3-2)',
} as const;

/**
 * What the disk image holds once the guest is installed: a whole operating system, where an
 * image for a container holds only the service's user space. Sizes are those of a Debian 12
 * cloud install with nginx.
 */
export const GUEST_DISK_PARTS: readonly VmDiskPart[] = [
  { What: 'boot loader, partition table and ext4 metadata', Bytes: 137_363_456 },
  { What: `kernel ${GUEST.kernelRelease} with its modules and initramfs`, Bytes: 431_718_400 },
  { What: 'base system (systemd, coreutils, apt, openssh-server, …)', Bytes: 812_646_400 },
  { What: `nginx ${GUEST.nginx} and its libraries`, Bytes: 6_291_456 },
  { What: 'apt package lists and caches', Bytes: 211_812_352 },
  { What: 'journal and logs', Bytes: 25_165_824 },
];

/** A process of the guest, numbered in the guest's own kernel (the host never sees these). */
export interface GuestProcess {
  pid: number;
  ppid: number;
  user: string;
  tty: string;
  /** ms after power-on. */
  at: number;
  /** Kernel threads print their name in brackets in `ps -ef`. */
  kernelThread?: boolean;
  comm: string;
  args: string;
}

/** When systemd starts each service, ms after power-on, once the boot timeline is known. */
export interface GuestServiceTimes {
  kernelAt: number;
  systemdAt: number;
  sshAt: number;
  nginxAt: number;
  loginAt: number;
}

/** The guest's processes once booted: systemd, its services, sshd and nginx (a worker per vCPU). */
export function guestProcesses(cpus: number, t: GuestServiceTimes): GuestProcess[] {
  const k = (pid: number, comm: string): GuestProcess => ({
    pid,
    ppid: pid === 2 ? 0 : 2,
    user: 'root',
    tty: '?',
    at: t.kernelAt,
    kernelThread: true,
    comm,
    args: `[${comm}]`,
  });
  const svc = (pid: number, user: string, comm: string, args: string, at = t.systemdAt + 400) => ({
    pid,
    ppid: 1,
    user,
    tty: '?',
    at,
    comm,
    args,
  });
  const procs: GuestProcess[] = [
    { ...svc(1, 'root', 'systemd', '/sbin/init', t.systemdAt), ppid: 0 },
    k(2, 'kthreadd'),
    k(3, 'rcu_gp'),
    k(4, 'rcu_par_gp'),
    k(5, 'slub_flushwq'),
    k(6, 'netns'),
    k(10, 'mm_percpu_wq'),
    k(11, 'rcu_tasks_kthread'),
    k(12, 'ksoftirqd/0'),
    k(13, 'rcu_preempt'),
    k(14, 'migration/0'),
    k(16, 'cpuhp/0'),
  ];
  for (let c = 1; c < cpus; c++) procs.push(k(16 + c * 5, `cpuhp/${c}`), k(18 + c * 5, `ksoftirqd/${c}`));
  procs.push(
    k(60, 'kworker/u4:1-events_unbound'),
    k(72, 'kcompactd0'),
    k(74, 'khugepaged'),
    k(150, 'jbd2/vda1-8'),
    k(151, 'ext4-rsv-conver'),
    svc(189, 'root', 'systemd-journal', '/lib/systemd/systemd-journald', t.systemdAt + 200),
    svc(212, 'root', 'systemd-udevd', '/lib/systemd/systemd-udevd', t.systemdAt + 300),
    svc(318, 'systemd-timesync', 'systemd-timesyn', '/lib/systemd/systemd-timesyncd'),
    svc(402, 'root', 'cron', '/usr/sbin/cron -f'),
    svc(
      403,
      'messagebus',
      'dbus-daemon',
      '/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only',
    ),
    svc(406, 'root', 'systemd-logind', '/lib/systemd/systemd-logind'),
    svc(412, 'root', 'dhclient', '/sbin/dhclient -4 -v -i -pf /run/dhclient.enp0s2.pid enp0s2'),
    svc(497, 'root', 'sshd', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', t.sshAt),
    svc(
      512,
      'root',
      'nginx',
      'nginx: master process /usr/sbin/nginx -g daemon on; master_process on;',
      t.nginxAt,
    ),
  );
  for (let w = 0; w < cpus; w++) {
    procs.push({ ...svc(513 + w, 'www-data', 'nginx', 'nginx: worker process', t.nginxAt), ppid: 512 });
  }
  procs.push({
    ...svc(
      530 + cpus,
      'root',
      'agetty',
      '/sbin/agetty -o -p -- \\u --keep-baud 115200,57600,38400,9600 - vt220',
      t.loginAt,
    ),
    tty: 'ttyS0',
  });
  return procs;
}
