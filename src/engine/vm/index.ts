import { conflict, EngineError } from '../../api/errors.js';
import type { ConsoleLine, GuestOutput, VmApi, VmCreateRequest, VmSummary } from '../../api/vm.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { LocalEngine } from '../local.js';
import { passTime } from '../time.js';
import { runGuestCommand } from './guest-shell.js';
import { copyTime, diskFor, powerOff, powerOn, reconcile } from './hypervisor.js';
import { summarize, type VmRecord, VmStore, vmState } from './store.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** What an ACPI shutdown takes: systemd stops nginx, sshd and the rest, then unmounts. */
export const SHUTDOWN_MS = 2300;
/** An ssh login: key exchange and authentication before the command runs. */
const SSH_LOGIN_MS = 180;
/** The guest's first ssh session gets PIDs from here (after the boot's processes). */
const FIRST_SESSION_PID = 601;

/** The simulated hypervisor's VMs, kept in the engine's state folder (`dockersim/vms/`). */
export function openVms(engine: LocalEngine): VmApi {
  if (engine.host.desktop) {
    // Under Docker Desktop the Linux machine is Desktop's own VM; the hypervisor here is a Linux host's.
    throw new EngineError(
      'invalid-parameter',
      'VMs run on the simulated Linux host: leave out --desktop for dockersim vm and compare',
    );
  }
  const vms = new VmStore(engine.store);

  /** Runs `fn` with the host kernel loaded and every VM's power state checked against it. */
  const withHost = <T>(
    fn: (kernel: Kernel, now: number, rt: import('../runtime.js').Runtime) => Promise<T> | T,
  ) => engine.session((svc) => fn(svc.kernel, svc.now(), svc.rt));

  const current = (kernel: Kernel, name: string): VmRecord => {
    const rec = vms.find(name);
    if (reconcile(kernel, rec)) vms.save(rec);
    return rec;
  };

  const api: VmApi = {
    async create(req: VmCreateRequest): Promise<VmSummary> {
      VmStore.checkName(req.Name);
      const memory = req.Memory ?? 2 * GiB;
      const cpus = req.Cpus ?? 2;
      if (memory < 128 * MiB)
        throw new EngineError('invalid-parameter', 'a VM needs at least 128MiB of memory');
      if (!Number.isInteger(cpus) || cpus < 1 || cpus > engine.host.cpus)
        throw new EngineError(
          'invalid-parameter',
          `--cpus must be between 1 and ${engine.host.cpus} (the host's CPUs)`,
        );
      const disk = diskFor(req.Name, req.DiskSize ?? 20e9);
      if (disk.VirtualSize < disk.Allocated + GiB)
        throw new EngineError(
          'invalid-parameter',
          `the disk must be at least ${Math.ceil((disk.Allocated + GiB) / 1e9)}GB: the guest OS alone takes ${(disk.Allocated / 1e9).toFixed(2)}GB`,
        );
      return engine.mutate(async (rt) => {
        if (vms.get(req.Name)) throw conflict(`a VM named "${req.Name}" already exists`);
        const taken = vms.all();
        let n = 0;
        while (taken.some((v) => v.sshPort === 2222 + n)) n++;
        const rec: VmRecord = {
          name: req.Name,
          memory,
          cpus,
          disk,
          ip: '10.0.2.15',
          sshPort: 2222 + n,
          created: rt.clock.now(),
        };
        // Writing gigabytes takes its time.
        await passTime(rt, copyTime(disk));
        vms.save(rec);
        return summarize(rec, rt.clock.now());
      });
    },

    async start(name, opts, onConsole: (l: ConsoleLine) => void) {
      const rec = await withHost((kernel, now) => {
        const rec = current(kernel, name);
        if (rec.power) throw conflict(`VM ${name} is already running`);
        powerOn(kernel, rec, now);
        vms.save(rec);
        return rec;
      });
      if (!opts.detach && rec.power) {
        for (const line of rec.power.console) {
          await waitUntil(engine, rec.power.startedAt + line.at);
          onConsole(line);
        }
      }
      return api.inspect(name);
    },

    async list() {
      return withHost((kernel, now) => vms.all().map((v) => summarize(current(kernel, v.name), now)));
    },

    async inspect(name) {
      return withHost((kernel, now) => summarize(current(kernel, name), now));
    },

    async ssh(name, argv, onOutput: (o: GuestOutput) => void) {
      const result = await withHost(async (kernel, now, rt) => {
        const rec = current(kernel, name);
        const refused = (why: string) => ({
          code: 255,
          out: [{ stream: 'stderr' as const, text: `ssh: connect to host ${rec.ip} port 22: ${why}\n` }],
        });
        if (!rec.power) return refused('No route to host');
        // Until the guest's sshd has started, nothing listens on port 22.
        if (now < rec.power.startedAt + rec.power.times.sshAt) return refused('Connection refused');
        await passTime(rt, SSH_LOGIN_MS);
        const sessionPid = rec.power.nextPid ?? FIRST_SESSION_PID;
        rec.power.nextPid = sessionPid + 3;
        vms.save(rec);
        const vm = rec as VmRecord & { power: NonNullable<VmRecord['power']> };
        return runGuestCommand({ vm, argv, now: rt.clock.now(), sessionPid });
      });
      for (const o of result.out) onOutput(o);
      return result.code;
    },

    async stop(name) {
      return withHost(async (kernel, _now, rt) => {
        const rec = current(kernel, name);
        if (!rec.power) throw conflict(`VM ${name} is not running`);
        await passTime(rt, SHUTDOWN_MS);
        powerOff(kernel, rec);
        vms.save(rec);
        return summarize(rec, rt.clock.now());
      });
    },

    async remove(name, opts) {
      await withHost((kernel, now) => {
        const rec = current(kernel, name);
        if (rec.power && !opts.force) {
          throw conflict(
            `cannot remove VM ${name}: it is ${vmState(rec, now)} (stop it first, or use --force)`,
          );
        }
        powerOff(kernel, rec);
        vms.remove(name);
      });
    },

    async compare(opts, onStep) {
      const { compare } = await import('./compare.js');
      return compare(engine, api, opts, onStep);
    },
  };
  return api;
}

/** Lets simulated time reach `t`: the clock jumps in deterministic mode, the wall clock is waited for. */
export async function waitUntil(engine: LocalEngine, t: number): Promise<void> {
  const rt = engine.runtime();
  if (rt.clock.deterministic) {
    if (t > rt.clock.now()) await engine.mutate((r) => passTime(r, t - r.clock.now()));
  } else {
    await passTime(rt, t - rt.clock.now());
  }
}
