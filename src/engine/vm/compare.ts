import type { LogChunk } from '../../api/containers.js';
import { EngineError } from '../../api/errors.js';
import type { CompareOptions, CompareSide, Comparison, VmApi } from '../../api/vm.js';
import type { LocalEngine } from '../local.js';
import { waitUntil } from './index.js';

/**
 * `dockersim compare`: the same service, nginx, started as a container through the engine and
 * as a VM on the hypervisor, then measured the way a learner would measure it: start times from
 * their timelines, sizes from the image store and the disk image, memory from the cgroup and
 * from the hypervisor process, and one host `ps` that shows what the host can see of each.
 */

export const COMPARE_CONTAINER = 'compare-nginx';
export const COMPARE_VM = 'compare-vm';
const IMAGE = 'nginx:latest';

const gone = (e: unknown) => e instanceof EngineError && e.kind === 'not-found';

/** Runs a host command and returns its stdout. */
async function onHost(engine: LocalEngine, argv: string[]): Promise<string> {
  let out = '';
  await engine.hostCommand(argv, null, (c) => {
    if (c.stream === 'stdout') out += c.text;
  });
  return out;
}

async function startContainer(engine: LocalEngine, onStep: (t: string) => void): Promise<number> {
  try {
    await engine.imageInspect(IMAGE);
  } catch (e) {
    if (!gone(e)) throw e;
    onStep(`Pulling ${IMAGE} (once: later containers reuse its layers)`);
    await engine.imagePull(IMAGE, {}, () => {});
  }
  await engine.containerRemove(COMPARE_CONTAINER, { force: true }).catch((e) => {
    if (!gone(e)) throw e;
  });
  onStep(`Starting nginx as a container: docker run -d --name ${COMPARE_CONTAINER} ${IMAGE}`);
  const t0 = await engine.now();
  await engine.containerCreate({ config: { Image: IMAGE }, hostConfig: {}, name: COMPARE_CONTAINER });
  await engine.containerStart(COMPARE_CONTAINER);
  return t0;
}

async function measureContainer(engine: LocalEngine, t0: number, hostKernel: string): Promise<CompareSide> {
  const logs: LogChunk[] = [];
  await engine.containerLogs(COMPARE_CONTAINER, {}, (c) => logs.push(c));
  const info = await engine.containerInspect(COMPARE_CONTAINER, { size: true });
  // nginx serves once its master has started the workers: the last such line of its log.
  const ready = logs.filter((c) => /start worker process \d+/.test(c.text)).at(-1)?.time;
  const image = await engine.imageInspect(IMAGE);
  const stats = await engine.containerStats(COMPARE_CONTAINER);
  let kernel = '';
  await engine.containerExec(COMPARE_CONTAINER, { Cmd: ['uname', '-r'] }, (c) => {
    if (c.stream === 'stdout') kernel += c.text;
  });
  const pid = info.State.Pid;
  const own = await engine.session((svc) => {
    const p = svc.kernel.process(pid);
    const host = svc.kernel.hostNamespaces();
    return p ? (Object.keys(host) as (keyof typeof host)[]).filter((t) => p.ns[t] !== host[t]) : [];
  });
  return {
    Name: COMPARE_CONTAINER,
    StartMs: (ready ?? Date.parse(info.State.StartedAt)) - t0,
    DiskOwn: info.SizeRw ?? 0,
    DiskShared: image.Size,
    MemoryReserved: info.HostConfig.Memory ?? 0,
    MemoryUsed: stats.memoryUsage,
    HostPs: [],
    InsideProcesses: stats.pids,
    HiddenProcesses: 0,
    Kernel: kernel.trim(),
    KernelShared: kernel.trim() === hostKernel,
    OwnNamespaces: own.sort(),
  };
}

async function startVm(vms: VmApi, opts: CompareOptions, onStep: (t: string) => void): Promise<string> {
  if (opts.vm) {
    const vm = await vms.inspect(opts.vm);
    if (vm.State === 'created' || vm.State === 'stopped') {
      onStep(`Starting your VM: dockersim vm start ${vm.Name} (its guest kernel boots)`);
      await vms.start(vm.Name, {}, () => {});
    }
    return vm.Name;
  }
  await vms.remove(COMPARE_VM, { force: true }).catch((e) => {
    if (!gone(e)) throw e;
  });
  const mem = opts.vmMemory ? ` --memory ${Math.round(opts.vmMemory / 1024 / 1024)}m` : '';
  onStep(`Creating a VM: dockersim vm create${mem} ${COMPARE_VM} (a disk image with Debian 12 and nginx)`);
  await vms.create({ Name: COMPARE_VM, ...(opts.vmMemory ? { Memory: opts.vmMemory } : {}) });
  onStep(`Starting it: dockersim vm start ${COMPARE_VM} (firmware, boot loader, its own kernel, systemd)`);
  await vms.start(COMPARE_VM, {}, () => {});
  return COMPARE_VM;
}

async function measureVm(
  engine: LocalEngine,
  vms: VmApi,
  name: string,
  hostKernel: string,
): Promise<CompareSide> {
  let vm = await vms.inspect(name);
  // A VM still booting is measured once its boot is over.
  if (vm.State === 'booting' && vm.StartedAt !== undefined && vm.BootMs !== undefined)
    await waitUntil(engine, vm.StartedAt + vm.BootMs);
  vm = await vms.inspect(name);
  const run = async (argv: string[]) => {
    let out = '';
    await vms.ssh(name, argv, (o) => {
      if (o.stream === 'stdout') out += o.text;
    });
    return out;
  };
  const kernel = (await run(['uname', '-r'])).trim();
  const inside = (await run(['ps', '-e'])).trim().split('\n').length - 1;
  const pid = vm.HostPid ?? 0;
  const rss = await engine.session((svc) => svc.kernel.process(pid)?.memory ?? 0);
  return {
    Name: vm.Name,
    StartMs: vm.ServiceMs ?? 0,
    BootMs: vm.BootMs ?? 0,
    DiskOwn: vm.Disk.Allocated,
    DiskShared: 0,
    DiskVirtual: vm.Disk.VirtualSize,
    MemoryReserved: vm.Memory,
    MemoryUsed: rss,
    HostPs: [],
    InsideProcesses: inside,
    HiddenProcesses: inside,
    Kernel: kernel,
    KernelShared: kernel === hostKernel,
    OwnNamespaces: [],
    Cpus: vm.Cpus,
  };
}

export async function compare(
  engine: LocalEngine,
  vms: VmApi,
  opts: CompareOptions,
  onStep: (text: string) => void,
): Promise<Comparison> {
  const hostKernel = (await onHost(engine, ['uname', '-r'])).trim();
  const t0 = await startContainer(engine, onStep);
  const container = await measureContainer(engine, t0, hostKernel);
  const vmName = await startVm(vms, opts, onStep);
  const vm = await measureVm(engine, vms, vmName, hostKernel);
  // One look at the host's process table while both run.
  onStep('Looking at the host: dockersim host ps -eo pid,args');
  const ps = (await onHost(engine, ['ps', '-eo', 'pid,args'])).split('\n');
  const top = await engine.containerTop(COMPARE_CONTAINER, '-eo pid');
  const pids = new Set(top.Processes.map((row) => row[0]));
  const pidOf = (line: string) => line.trim().split(/\s+/)[0] ?? '';
  container.HostPs = ps.filter((l) => pids.has(pidOf(l)));
  const qemu = String((await vms.inspect(vmName)).HostPid ?? '');
  vm.HostPs = ps.filter((l) => pidOf(l) === qemu);
  if (!opts.keep) {
    onStep('Cleaning up (--keep leaves both running)');
    await engine.containerRemove(COMPARE_CONTAINER, { force: true });
    if (!opts.vm) await vms.remove(COMPARE_VM, { force: true });
  }
  return {
    HostKernel: hostKernel,
    Container: container,
    Vm: vm,
    Kept: { container: !!opts.keep, vm: !!opts.keep || !!opts.vm },
  };
}
