import { EngineError } from '../../api/errors.js';
import type { ConsoleLine, VmDisk, VmState, VmSummary } from '../../api/vm.js';
import { array, num, object, optional, type StateStore, str } from '../../store/index.js';
import { GUEST, type GuestServiceTimes } from './guest.js';

/** Where VM documents live in the state folder: one per VM. */
export const VM_DIR = 'dockersim/vms';

/** A VM as the simulated hypervisor keeps it. */
export interface VmRecord {
  name: string;
  memory: number;
  cpus: number;
  disk: VmDisk;
  /** The guest's address on the hypervisor's user-mode network. */
  ip: string;
  /** Host port forwarded to the guest's sshd. */
  sshPort: number;
  created: number;
  /** Set while powered on: the hypervisor process and the boot's timeline. */
  power?: {
    startedAt: number;
    pid: number;
    args: string[];
    console: ConsoleLine[];
    times: GuestServiceTimes;
    /** PID the guest gives the next ssh session's first process. */
    nextPid?: number;
  };
  /** The last run's boot, kept after a stop for `vm ls` and `compare --vm`. */
  lastBoot?: { startedAt: number; times: GuestServiceTimes };
}

const checkVm = object<VmRecord>({
  name: str,
  memory: num,
  cpus: num,
  disk: object<VmDisk>({
    Path: str,
    Format: str as never,
    VirtualSize: num,
    Allocated: num,
    Parts: array(object({ What: str, Bytes: num })),
  }),
  ip: str,
  sshPort: num,
  created: num,
  power: optional(
    object({
      startedAt: num,
      pid: num,
      args: array(str),
      console: array(object({ at: num, text: str })),
      times: object({}),
    }),
  ) as never,
  lastBoot: optional(object({ startedAt: num, times: object({}) })) as never,
});

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export class VmStore {
  constructor(private readonly store: StateStore) {}

  private file(name: string): string {
    return `${VM_DIR}/${name}.json`;
  }

  static checkName(name: string): void {
    if (!NAME.test(name) || name.length > 63) {
      throw new EngineError(
        'invalid-parameter',
        `invalid VM name "${name}": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
      );
    }
  }

  get(name: string): VmRecord | undefined {
    if (!NAME.test(name)) return undefined;
    return this.store.readJson(this.file(name), checkVm);
  }

  find(name: string): VmRecord {
    const rec = this.get(name);
    if (!rec) throw new EngineError('not-found', `no such VM: ${name}`);
    return rec;
  }

  all(): VmRecord[] {
    return this.store
      .list(VM_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.get(f.slice(0, -'.json'.length)))
      .filter((r): r is VmRecord => r !== undefined);
  }

  save(rec: VmRecord): void {
    this.store.writeJson(this.file(rec.name), rec);
  }

  remove(name: string): void {
    this.store.remove(this.file(name));
  }
}

/** Where a VM is in its life at `now`: the boot timeline decides when booting becomes running. */
export function vmState(rec: VmRecord, now: number): VmState {
  if (rec.power) return now >= rec.power.startedAt + rec.power.times.loginAt ? 'running' : 'booting';
  return rec.lastBoot ? 'stopped' : 'created';
}

export function summarize(rec: VmRecord, now: number): VmSummary {
  const boot = rec.power ?? rec.lastBoot;
  return {
    Name: rec.name,
    State: vmState(rec, now),
    Memory: rec.memory,
    Cpus: rec.cpus,
    GuestOs: GUEST.os,
    GuestKernel: GUEST.kernelRelease,
    Disk: rec.disk,
    IPAddress: rec.ip,
    Created: rec.created,
    ...(boot ? { StartedAt: boot.startedAt, BootMs: boot.times.loginAt, ServiceMs: boot.times.nginxAt } : {}),
    ...(rec.power ? { HostPid: rec.power.pid, HostArgs: rec.power.args } : {}),
  };
}
