import type { ConsoleLine } from '../../api/vm.js';
import { GUEST, type GuestServiceTimes } from './guest.js';

/** What a boot depends on. */
export interface BootConfig {
  name: string;
  memory: number;
  cpus: number;
  diskVirtual: number;
}

export interface BootTimeline {
  lines: ConsoleLine[];
  times: GuestServiceTimes;
}

const GiB = 1024 ** 3;

/**
 * Time QEMU spends touching every page of guest RAM before the firmware runs (`-mem-prealloc`),
 * per GiB: the first cost of a VM that grows with its memory.
 */
export const PREALLOC_MS_PER_GIB = 310;
/** GRUB's menu waits this long for a key (Debian's GRUB_TIMEOUT=5). */
const GRUB_TIMEOUT_MS = 5000;

/** `[    1.234567] ` as the kernel stamps its messages, seconds since the kernel started. */
function kstamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const us = Math.round((ms - s * 1000) * 1000);
  return `[${String(s).padStart(5, ' ')}.${String(us).padStart(6, '0')}] `;
}

/** systemd units in start order: [ms after systemd starts, unit, description]. */
const UNITS: [number, string, string][] = [
  [180, 'systemd-journald.service', 'Journal Service'],
  [420, 'systemd-udevd.service', 'Rule-based Manager for Device Events and Files'],
  [1350, 'systemd-fsck-root.service', 'File System Check on Root Device'],
  [1900, 'systemd-remount-fs.service', 'Remount Root and Kernel File Systems'],
  [2600, 'systemd-timesyncd.service', 'Network Time Synchronization'],
  [3100, 'cron.service', 'Regular background program processing daemon'],
  [3150, 'dbus.service', 'D-Bus System Message Bus'],
  [3300, 'systemd-logind.service', 'User Login Management'],
  [5900, 'networking.service', 'Raise network interfaces'],
  [6400, 'ssh.service', 'OpenBSD Secure Shell server'],
  [7300, 'nginx.service', 'A high performance web server and a reverse proxy server'],
  [7450, 'serial-getty@ttyS0.service', 'Serial Getty on ttyS0'],
];

/**
 * The serial console of one boot, from power-on to the login prompt: QEMU reserving the guest's
 * memory, the firmware, GRUB's menu, the guest kernel booting (its own kernel, with timestamps
 * from its own start) and systemd starting the guest's services. Tens of simulated seconds,
 * where a container's process starts in milliseconds on a kernel that is already running.
 */
export function bootTimeline(c: BootConfig): BootTimeline {
  const lines: ConsoleLine[] = [];
  const at = (ms: number, text: string) => lines.push({ at: Math.round(ms), text });
  const prealloc = Math.round((c.memory / GiB) * PREALLOC_MS_PER_GIB);
  at(prealloc, GUEST.bios);
  at(prealloc + 350, 'Booting from Hard Disk...');
  const grub = prealloc + 1200;
  at(grub, 'GNU GRUB  version 2.06-13+deb12u1');
  at(grub + 40, `The highlighted entry will be executed automatically in ${GRUB_TIMEOUT_MS / 1000}s.`);
  const loading = grub + GRUB_TIMEOUT_MS;
  at(loading, `Loading Linux ${GUEST.kernelRelease} ...`);
  at(loading + 900, 'Loading initial ramdisk ...');
  const kernelAt = loading + 1600;
  const k = (ms: number, text: string) => at(kernelAt + ms, kstamp(ms) + text);
  k(0, `Linux version ${GUEST.kernelRelease} ${GUEST.kernelBuild} ${GUEST.kernelVersion}`);
  k(0, `Command line: BOOT_IMAGE=/boot/vmlinuz-${GUEST.kernelRelease} root=/dev/vda1 ro console=ttyS0`);
  const kib = Math.floor(c.memory / 1024);
  // Memory set-up takes longer the more there is to map.
  const memInit = 12 + Math.round((c.memory / GiB) * 18);
  k(memInit, `Memory: ${kib - 84_412 - Math.round(kib / 64)}K/${kib - 1_024}K available`);
  k(memInit + 40, `smpboot: Allowing ${c.cpus} CPUs, 0 hotplug CPUs`);
  k(memInit + 180, `smp: Brought up 1 node, ${c.cpus} CPUs`);
  k(memInit + 910, `virtio_blk virtio1: [vda] ${Math.floor(c.diskVirtual / 512)} 512-byte logical blocks`);
  k(memInit + 1180, 'Freeing unused kernel image (initmem) memory: 2768K');
  k(memInit + 1190, 'Run /init as init process');
  k(memInit + 2050, 'EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.');
  const systemdAt = kernelAt + memInit + 2400;
  at(systemdAt, `${kstamp(systemdAt - kernelAt)}systemd[1]: systemd ${GUEST.systemd} running in system mode`);
  at(systemdAt + 60, '');
  at(systemdAt + 60, `Welcome to ${GUEST.prettyName}!`);
  at(systemdAt + 60, '');
  for (const [ms, unit, what] of UNITS) at(systemdAt + ms, `[  OK  ] Started ${unit} - ${what}.`);
  const loginAt = systemdAt + 7600;
  at(loginAt - 20, '[  OK  ] Reached target multi-user.target - Multi-User System.');
  at(loginAt, '');
  at(loginAt, `Debian GNU/Linux 12 ${c.name} ttyS0`);
  at(loginAt, '');
  at(loginAt, `${c.name} login: `);
  const unitAt = (name: string) => systemdAt + (UNITS.find((u) => u[1] === name)?.[0] ?? 0);
  return {
    lines,
    times: {
      kernelAt,
      systemdAt,
      sshAt: unitAt('ssh.service'),
      nginxAt: unitAt('nginx.service'),
      loginAt,
    },
  };
}
