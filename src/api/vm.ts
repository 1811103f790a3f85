/**
 * dockersim's virtual machines: a simulated type-2 (hosted) hypervisor on the same simulated host,
 * so a learner can compare a VM (its own guest kernel, a disk image, reserved memory) with a
 * container (a few processes on the host's kernel). Shapes of the VM engine in engine/vm/.
 */

/** `created` (never started), `booting` (powered on, guest not up yet), `running`, `stopped`. */
export type VmState = 'created' | 'booting' | 'running' | 'stopped';

export interface VmCreateRequest {
  Name: string;
  /** Guest RAM in bytes, reserved on the host while the VM runs (`--memory`, default 2 GiB). */
  Memory?: number;
  /** Virtual CPUs (`--cpus`, default 2). */
  Cpus?: number;
  /** Virtual size of the disk image in bytes (`--disk`, default 20 GB). */
  DiskSize?: number;
}

/** One part of what the disk image holds (the guest OS is installed on it, file by file). */
export interface VmDiskPart {
  What: string;
  Bytes: number;
}

export interface VmDisk {
  /** Where the image file lives on the host. */
  Path: string;
  Format: 'qcow2';
  /** What the guest sees as its disk size. */
  VirtualSize: number;
  /** What the image file takes on the host: the sum of its parts. */
  Allocated: number;
  Parts: VmDiskPart[];
}

export interface VmSummary {
  Name: string;
  State: VmState;
  Memory: number;
  Cpus: number;
  GuestOs: string;
  GuestKernel: string;
  Disk: VmDisk;
  IPAddress: string;
  /** ms since the epoch. */
  Created: number;
  /** Power-on time of the current (or last) run. */
  StartedAt?: number;
  /** ms from power-on to the login prompt, from the boot timeline. */
  BootMs?: number;
  /** ms from power-on until the guest's nginx was serving. */
  ServiceMs?: number;
  /** The hypervisor process on the host while the VM is powered on. */
  HostPid?: number;
  HostArgs?: string[];
}

/** A line of the guest's serial console; `at` is ms after power-on. */
export interface ConsoleLine {
  at: number;
  text: string;
}

export interface GuestOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface CompareOptions {
  /** Memory of the VM compare creates (bytes); ignored with `vm`. */
  vmMemory?: number;
  /** Measure this existing VM instead of creating one (it is started if it is not running). */
  vm?: string;
  /** Leave the container and the VM running afterwards, for a look around. */
  keep?: boolean;
}

/** One column of `dockersim compare`: every figure measured from the simulation just now. */
export interface CompareSide {
  /** The container's or the VM's name. */
  Name: string;
  /** ms from the start command to nginx serving (its workers started; nginx.service started). */
  StartMs: number;
  /** For a VM: ms from power-on to the login prompt. */
  BootMs?: number;
  /** Bytes on the host's disk that are this one's alone (a writable layer; a VM's whole image). */
  DiskOwn: number;
  /** Bytes it stands on that others share (an image's read-only layers; nothing for a VM). */
  DiskShared: number;
  /** A VM's disk as its guest sees it. */
  DiskVirtual?: number;
  /** Memory set aside on the host from the start (a VM's RAM; 0 for a container without `-m`). */
  MemoryReserved: number;
  /** Memory it takes on the host now (the container's cgroup memory.current; the hypervisor's RSS). */
  MemoryUsed: number;
  /** Lines of the host's `ps -eo pid,args` that belong to it. */
  HostPs: string[];
  /** Processes running inside it, as its own `ps -e` lists them. */
  InsideProcesses: number;
  /** How many of those the host's `ps` cannot see. */
  HiddenProcesses: number;
  /** `uname -r` inside it, and whether that is the host's own kernel. */
  Kernel: string;
  KernelShared: boolean;
  /** Namespace types it does not share with the host (a VM's process shares all of them). */
  OwnNamespaces: string[];
  /** Virtual CPUs of a VM. */
  Cpus?: number;
}

export interface Comparison {
  HostKernel: string;
  Container: CompareSide;
  Vm: CompareSide;
  /** Both were left running (`--keep`, or a VM of the learner's own). */
  Kept: { container: boolean; vm: boolean };
}

export interface VmApi {
  /** Makes the disk image (the guest OS installed on it); takes the simulated time of the copy. */
  create(req: VmCreateRequest): Promise<VmSummary>;
  /**
   * Powers the VM on: the hypervisor process appears on the host with the guest's memory reserved.
   * Unless `detach`, follows the serial console until the login prompt (simulated tens of seconds).
   */
  start(name: string, opts: { detach?: boolean }, onConsole: (l: ConsoleLine) => void): Promise<VmSummary>;
  list(): Promise<VmSummary[]>;
  inspect(name: string): Promise<VmSummary>;
  /** Runs one command in the guest over ssh; resolves with its exit code (255: ssh failed). */
  ssh(name: string, argv: string[], onOutput: (o: GuestOutput) => void): Promise<number>;
  /** Shuts the guest down (ACPI power button); the hypervisor process leaves the host. */
  stop(name: string): Promise<VmSummary>;
  remove(name: string, opts: { force?: boolean }): Promise<void>;
  /** Runs nginx as a container and as a VM and measures both. */
  compare(opts: CompareOptions, onStep: (text: string) => void): Promise<Comparison>;
}
