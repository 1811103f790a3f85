import { EngineError } from '../../api/errors.js';
import type { Kernel } from '../../kernel/kernel.js';
import { bootTimeline } from './boot.js';
import { GUEST_DISK_PARTS } from './guest.js';
import type { VmRecord } from './store.js';

/**
 * The simulated hosted (type-2) hypervisor: QEMU with KVM, an ordinary program on the host OS.
 * A running VM is one host process holding the guest's whole memory; everything the guest runs
 * happens inside that process, out of the host kernel's process table.
 */

export const QEMU = '/usr/bin/qemu-system-x86_64';
/** Where disk images live on the simulated host. */
export const IMAGE_DIR = '/var/lib/dockersim/vms';
/** QEMU's own memory beside the guest's RAM (device models, vCPU stacks, caches). */
export const QEMU_OVERHEAD = 58 * 1024 * 1024;
/** How fast `vm create` copies the installed guest onto a fresh image (bytes per ms). */
const COPY_BYTES_PER_MS = 450_000;

export function diskFor(name: string, virtualSize: number): VmRecord['disk'] {
  const parts = GUEST_DISK_PARTS.map((p) => ({ ...p }));
  return {
    Path: `${IMAGE_DIR}/${name}.qcow2`,
    Format: 'qcow2',
    VirtualSize: virtualSize,
    Allocated: parts.reduce((n, p) => n + p.Bytes, 0),
    Parts: parts,
  };
}

/** Simulated ms `vm create` takes to write the image. */
export function copyTime(disk: VmRecord['disk']): number {
  return Math.round(disk.Allocated / COPY_BYTES_PER_MS);
}

export function hypervisorArgs(rec: VmRecord): string[] {
  return [
    QEMU,
    '-name',
    rec.name,
    '-machine',
    'q35,accel=kvm',
    '-cpu',
    'host',
    '-smp',
    String(rec.cpus),
    '-m',
    String(Math.round(rec.memory / 1024 / 1024)),
    '-mem-prealloc',
    '-drive',
    `file=${rec.disk.Path},if=virtio,format=qcow2`,
    '-nic',
    `user,hostfwd=tcp::${rec.sshPort}-:22`,
    '-serial',
    'mon:stdio',
    '-display',
    'none',
  ];
}

const cgroupOf = (rec: VmRecord) => `/machine.slice/qemu-${rec.name}.scope`;

/**
 * Powers a VM on: QEMU starts on the host with the guest's RAM reserved (and refuses when the
 * host has not that much memory available), and the guest's boot timeline begins.
 */
export function powerOn(kernel: Kernel, rec: VmRecord, now: number): void {
  const need = rec.memory + QEMU_OVERHEAD;
  const available = kernel.hostView().meminfo().available;
  if (need > available) {
    throw new EngineError(
      'system',
      `qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory (the host has ${Math.floor(available / 1024 / 1024)} MiB available)`,
    );
  }
  const args = hypervisorArgs(rec);
  kernel.createCgroup(cgroupOf(rec), { cpuPeriodUsec: 100000, cpuWeight: 100 });
  const pid = kernel.spawn({
    ppid: 1,
    args,
    uid: 0,
    gid: 0,
    ns: kernel.hostNamespaces(),
    cgroup: cgroupOf(rec),
    startTime: now,
    tty: null,
    memory: need,
    vsz: need + rec.memory / 2,
    cpuCores: 0.04 * rec.cpus,
    // A thread per vCPU, the main loop, and QEMU's I/O and RCU threads.
    threads: rec.cpus + 3,
    session: true,
  });
  const boot = bootTimeline({
    name: rec.name,
    memory: rec.memory,
    cpus: rec.cpus,
    diskVirtual: rec.disk.VirtualSize,
  });
  rec.power = { startedAt: now, pid, args, console: boot.lines, times: boot.times };
}

/** The hypervisor process leaves the host; the VM keeps its disk image. */
export function powerOff(kernel: Kernel, rec: VmRecord): void {
  if (!rec.power) return;
  if (kernel.process(rec.power.pid)?.args[0] === QEMU) kernel.exit(rec.power.pid);
  kernel.removeCgroup(cgroupOf(rec));
  rec.lastBoot = { startedAt: rec.power.startedAt, times: rec.power.times };
  rec.power = undefined;
}

/**
 * A VM whose hypervisor process is no longer on the host (the host was reset, or the process
 * was killed) is off: the host's process table decides, not the VM's document.
 */
export function reconcile(kernel: Kernel, rec: VmRecord): boolean {
  if (!rec.power) return false;
  if (kernel.process(rec.power.pid)?.args[0] === QEMU) return false;
  rec.lastBoot = { startedAt: rec.power.startedAt, times: rec.power.times };
  rec.power = undefined;
  return true;
}
