import { describe, expect, it } from 'vitest';
import { openLocalEngine } from '../../../src/engine/open.js';
import { deterministicEnv, tempHome } from '../../helpers/cli.js';

async function desktop(kind: 'mac' | 'windows') {
  return openLocalEngine({ env: deterministicEnv(tempHome(), { DOCKERSIM_DESKTOP: kind }), cwd: '/' });
}

async function host(engine: Awaited<ReturnType<typeof desktop>>, argv: string[]) {
  let out = '';
  const code = await engine.hostCommand(argv, null, (c) => {
    out += c.text;
  });
  return { code, out };
}

describe('Docker Desktop mode', () => {
  it('puts the engine in a Linux VM: a linux server named Docker Desktop', async () => {
    const engine = await desktop('mac');
    const v = await engine.version();
    expect(v.Platform.Name).toBe('Docker Desktop 4.42.0 (195023)');
    expect(v.Os).toBe('linux');
    expect(v.KernelVersion).toBe('6.10.14-linuxkit');
    const info = await engine.info();
    expect(info.OperatingSystem).toBe('Docker Desktop');
    expect(info.OSType).toBe('linux');
    expect(info.Name).toBe('docker-desktop');
  });

  it("shows the Mac's processes and the VM's, never a container's", async () => {
    const engine = await desktop('mac');
    await engine.imagePull('nginx:latest', {}, () => {});
    await engine.containerCreate({ config: { Image: 'nginx:latest' }, hostConfig: {}, name: 'web' });
    await engine.containerStart('web');
    const ps = await host(engine, ['ps', '-e']);
    expect(ps.code).toBe(0);
    expect(ps.out).toMatch(/^ {2}PID TTY {11}TIME CMD\n/);
    expect(ps.out).toContain('com.apple.Virtualization.VirtualMachine');
    expect(ps.out).toContain('com.docker.backend');
    expect(ps.out).not.toMatch(/nginx/);
    expect((await host(engine, ['uname'])).out).toBe('Darwin\n');
    expect((await host(engine, ['free'])).code).toBe(127);
  });

  it("measures the VM process's memory from the Linux machine inside", async () => {
    const engine = await desktop('mac');
    const rss = async () => {
      const line = (await host(engine, ['ps', 'aux'])).out
        .split('\n')
        .find((l) => l.includes('VirtualMachine'))!;
      return Number(line.trim().split(/\s+/)[5]);
    };
    const idle = await rss();
    await engine.imagePull('mysql:8.0', {}, () => {});
    await engine.containerCreate({
      config: { Image: 'mysql:8.0', Env: ['MYSQL_ROOT_PASSWORD=x'] },
      hostConfig: {},
      name: 'db',
    });
    await engine.containerStart('db');
    expect(await rss()).toBeGreaterThan(idle);
  });

  it('is a Windows PC with WSL 2 when asked', async () => {
    const engine = await desktop('windows');
    expect((await engine.version()).KernelVersion).toMatch(/microsoft-standard-WSL2$/);
    const tl = await host(engine, ['tasklist']);
    expect(tl.out).toContain('vmmemWSL');
    expect(tl.out).toContain('Docker Desktop.exe');
    expect((await host(engine, ['ps'])).code).toBe(1);
  });

  it('keeps the hypervisor commands to the Linux host', async () => {
    const engine = await desktop('mac');
    await expect(engine.vm()).rejects.toThrow(/leave out --desktop/);
  });
});
