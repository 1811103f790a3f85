import { describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../src/engine/open.js';
import { Kernel } from '../../../src/kernel/kernel.js';
import { deterministicEnv, tempHome } from '../../helpers/cli.js';

const GiB = 1024 ** 3;

async function setup() {
  const engine = await openLocalEngine({ env: deterministicEnv(tempHome()), cwd: '/' });
  return { engine, vms: await engine.vm() };
}

const hostProcs = (engine: Awaited<ReturnType<typeof setup>>['engine']) =>
  engine.session((svc) => svc.kernel.processes());

describe('the simulated hypervisor', () => {
  it('creates a disk image of gigabytes made of the guest OS it holds', async () => {
    const { engine, vms } = await setup();
    const t0 = await engine.now();
    const vm = await vms.create({ Name: 'web', Memory: 3 * GiB });
    expect(vm.State).toBe('created');
    expect(vm.Disk.Allocated).toBe(vm.Disk.Parts.reduce((n, p) => n + p.Bytes, 0));
    expect(vm.Disk.Allocated).toBeGreaterThan(1e9);
    expect(vm.Memory).toBe(3 * GiB);
    // Writing the image takes simulated seconds.
    expect((await engine.now()) - t0).toBeGreaterThan(1000);
    expect(engine.store.exists('dockersim/vms/web.json')).toBe(true);
  });

  it('boots for tens of simulated seconds as one host process holding the guest memory', async () => {
    const { engine, vms } = await setup();
    await vms.create({ Name: 'web', Memory: 3 * GiB });
    const before = await engine.now();
    const lines: string[] = [];
    const vm = await vms.start('web', {}, (l) => lines.push(l.text));
    expect(vm.State).toBe('running');
    expect((await engine.now()) - before).toBe(vm.BootMs);
    expect(vm.BootMs).toBeGreaterThan(10_000);
    expect(lines.at(-1)).toBe('web login: ');
    const procs = await hostProcs(engine);
    const qemu = procs.filter((p) => p.args[0] === '/usr/bin/qemu-system-x86_64');
    expect(qemu.map((p) => p.pid)).toEqual([vm.HostPid]);
    expect(qemu[0]!.args.join(' ')).toContain('-m 3072');
    expect(qemu[0]!.memory).toBeGreaterThan(3 * GiB);
    // The guest's processes are its own: none of them is on the host.
    expect(procs.some((p) => ['dhclient', 'nginx'].includes(p.comm))).toBe(false);
  });

  it('answers ssh from the guest: its own kernel and its own PIDs', async () => {
    const { engine, vms } = await setup();
    await vms.create({ Name: 'web' });
    await vms.start('web', {}, () => {});
    const run = async (argv: string[]) => {
      let out = '';
      const code = await vms.ssh('web', argv, (o) => {
        out += o.text;
      });
      return { code, out };
    };
    expect((await run(['uname', '-r'])).out).toBe('6.1.0-28-amd64\n');
    expect(engine.host.kernelRelease).not.toBe('6.1.0-28-amd64');
    const ps = (await run(['ps', '-e'])).out.split('\n');
    expect(ps[1]).toMatch(/^ {4}1 \? +\d\d:\d\d:\d\d systemd$/);
    expect(ps.filter((l) => l.endsWith(' nginx'))).toHaveLength(3);
    expect((await run(['nope'])).code).toBe(127);
  });

  it('refuses ssh before sshd is up and after a stop, and lets the process go on stop', async () => {
    const { engine, vms } = await setup();
    await vms.create({ Name: 'web' });
    await vms.start('web', { detach: true }, () => {});
    expect((await vms.inspect('web')).State).toBe('booting');
    const errs: string[] = [];
    expect(await vms.ssh('web', ['true'], (o) => errs.push(o.text))).toBe(255);
    expect(errs[0]).toMatch(/Connection refused/);
    const pid = (await vms.inspect('web')).HostPid;
    await vms.stop('web');
    expect((await hostProcs(engine)).some((p) => p.pid === pid)).toBe(false);
    expect((await vms.inspect('web')).State).toBe('stopped');
    expect(await vms.ssh('web', ['true'], (o) => errs.push(o.text))).toBe(255);
    expect(errs[1]).toMatch(/No route to host/);
  });

  it('keeps a running VM unless forced, and reports the missing ones', async () => {
    const { engine, vms } = await setup();
    await vms.create({ Name: 'web' });
    await expect(vms.create({ Name: 'web' })).rejects.toThrow('a VM named "web" already exists');
    await vms.start('web', {}, () => {});
    await expect(vms.remove('web', {})).rejects.toThrow(/it is running/);
    await vms.remove('web', { force: true });
    expect(await vms.list()).toEqual([]);
    expect((await hostProcs(engine)).some((p) => p.comm === 'qemu-system-x86')).toBe(false);
    await expect(vms.inspect('web')).rejects.toThrow('no such VM: web');
  });

  it('cannot reserve more memory than the host has available', async () => {
    const { vms } = await setup();
    await vms.create({ Name: 'huge', Memory: 16 * GiB });
    await expect(vms.start('huge', {}, () => {})).rejects.toThrow(/Cannot allocate memory/);
    expect((await vms.inspect('huge')).State).toBe('created');
  });

  it('sees a VM as off once its process is gone from the host', async () => {
    const { engine, vms } = await setup();
    await vms.create({ Name: 'web' });
    const vm = await vms.start('web', {}, () => {});
    await engine.mutate((rt) => {
      const kernel = Kernel.load(engine.store, engine.host, () => rt.clock.now());
      kernel.exit(vm.HostPid!);
      kernel.save();
    });
    expect((await vms.inspect('web')).State).toBe('stopped');
  });
});
