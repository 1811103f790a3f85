import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('VMs and containers side by side, from a terminal', () => {
  it('boots a VM the host sees as one process, and compares it with a container', () => {
    const env = deterministicEnv(tempHome());
    expect(runBin(['vm', 'create', '--memory', '1g', 'web'], env).code).toBe(0);
    const boot = runBin(['vm', 'start', 'web'], env);
    expect(boot.code).toBe(0);
    expect(boot.stdout).toContain('Welcome to Debian GNU/Linux 12 (bookworm)!');
    const ps = runBin(['host', 'ps', '-eo', 'pid,args'], env).stdout;
    expect(ps).toMatch(/qemu-system-x86_64 -name web .* -m 1024 /);
    expect(ps).not.toContain('nginx');
    expect(runBin(['vm', 'ssh', 'web', 'free', '-m'], env).stdout).toMatch(/^Mem: +9\d\d /m);

    const table = runBin(['compare', '--vm', 'web'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^memory +none reserved \(no -m\) +1GiB reserved \(-m\)$/m);
    expect(table.stdout).toMatch(
      /^kernel +6\.8\.0-45-generic: the host's own +6\.1\.0-28-amd64: its own guest kernel$/m,
    );
    // compare removed its container; the VM it was given stays.
    expect(runBin(['ps', '-aq'], env).stdout).toBe('');
    expect(runBin(['vm', 'ls'], env).stdout).toMatch(/\nweb +Running/);
  });

  it('shows Docker Desktop: a Mac host, a linux server, and the VM as one process', () => {
    const env = deterministicEnv(tempHome());
    const v = runBin(['--desktop', 'version', '--format', '{{.Server.Platform.Name}} {{.Server.Os}}'], env);
    expect(v.stdout).toBe('Docker Desktop 4.42.0 (195023) linux\n');
    expect(
      runBin(['--desktop', 'info', '--format', '{{.OperatingSystem}} {{.KernelVersion}}'], env).stdout,
    ).toBe('Docker Desktop 6.10.14-linuxkit\n');
    runBin(['--desktop', 'run', '-d', '--name', 'web', 'nginx'], env);
    const ps = runBin(['--desktop', 'host', 'ps', '-e'], env).stdout;
    expect(ps).toContain('com.apple.Virtualization.VirtualMachine');
    expect(ps).not.toContain('nginx');
  });
});
