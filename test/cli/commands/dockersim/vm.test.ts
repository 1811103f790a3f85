import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../../helpers/cli.js';

describe('dockersim vm', () => {
  it('creates, boots, lists, reaches and removes a VM', async () => {
    const env = deterministicEnv(tempHome());
    const created = await runCli(['vm', 'create', '--memory', '3g', '--cpus', '1', 'web'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /^Formatting '\/var\/lib\/dockersim\/vms\/web\.qcow2', fmt=qcow2 size=20000000000\n/,
    );
    expect(created.stdout.endsWith('\nweb\n')).toBe(true);

    const start = await runCli(['vm', 'start', 'web'], env);
    expect(start.stdout).toMatch(/^SeaBIOS/);
    expect(start.stdout).toContain('Linux version 6.1.0-28-amd64');
    expect(start.stdout.endsWith('web login: \n')).toBe(true);

    const ls = await runCli(['vm', 'ls'], env);
    expect(ls.stdout.split('\n')[0]).toMatch(
      /^NAME +STATUS +CPUS +MEMORY +DISK +GUEST OS +GUEST KERNEL +HOST PID$/,
    );
    expect(ls.stdout).toMatch(/web +Running \(up less than a second\) +1 +3GiB +1\.625GB \/ 20GB +Debian/);
    const pid = ls.stdout.trim().split(/\s+/).at(-1)!;

    // The host sees the hypervisor and none of the guest's processes.
    const ps = await runCli(['host', 'ps', '-e'], env);
    expect(ps.stdout).toMatch(new RegExp(` ${pid} \\? +\\d\\d:\\d\\d:\\d\\d qemu-system-x86\\n`));
    expect(ps.stdout).not.toMatch(/dhclient|nginx/);
    const ef = await runCli(['host', 'ps', '-ef'], env);
    expect(ef.stdout).toContain('/usr/bin/qemu-system-x86_64 -name web');
    expect(ef.stdout).toContain(' -m 3072 ');

    const guest = await runCli(['vm', 'ssh', 'web', 'ps', '-e'], env);
    expect(guest.stdout).toMatch(/^ {2}PID TTY {10}TIME CMD\n {4}1 \? +00:00:\d\d systemd\n/);
    expect(guest.stdout).toContain(' dhclient\n');
    expect((await runCli(['vm', 'ssh', 'web', 'uname', '-r'], env)).stdout).toBe('6.1.0-28-amd64\n');
    expect((await runCli(['host', 'uname', '-r'], env)).stdout).toBe('6.8.0-45-generic\n');
    expect((await runCli(['vm', 'ssh', 'web', 'nproc'], env)).stdout).toBe('1\n');

    expect((await runCli(['vm', 'stop', 'web'], env)).stdout).toBe('web\n');
    expect((await runCli(['host', 'ps', '-e'], env)).stdout).not.toContain('qemu');
    expect((await runCli(['vm', 'rm', 'web'], env)).stdout).toBe('web\n');
    expect((await runCli(['vm', 'ls'], env)).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reads guest commands line by line without one', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['vm', 'create', 'web'], env);
    await runCli(['vm', 'start', 'web'], env);
    const r = await runCli(['vm', 'ssh', 'web'], env, 'hostname\nexit 4\n');
    expect(r.stdout).toBe(
      'Linux web 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\ndebian@web:~$ web\ndebian@web:~$ ',
    );
    expect(r.code).toBe(4);
  });

  it('reports errors in the hypervisor’s words', async () => {
    const env = deterministicEnv(tempHome());
    const missing = await runCli(['vm', 'start', 'nope'], env);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error: no such VM: nope\n' });
    const bad = await runCli(['vm', 'create', '--memory', '2x', 'web'], env);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/^invalid argument "2x" for "-m, --memory" flag: invalid suffix: 'x'/);
    const args = await runCli(['vm', 'create'], env);
    expect(args.code).toBe(1);
    expect(args.stderr).toMatch(/requires 1 argument/);
    const sub = await runCli(['vm', 'boot', 'web'], env);
    expect(sub.code).toBe(1);
    expect(sub.stderr).toMatch(/unknown command: dockersim vm boot/);
    await runCli(['vm', 'create', 'web'], env);
    await runCli(['vm', 'start', '-d', 'web'], env);
    const rm = await runCli(['vm', 'rm', 'web'], env);
    expect(rm.stderr).toBe('Error: cannot remove VM web: it is booting (stop it first, or use --force)\n');
    expect((await runCli(['vm', 'ls'], env)).stdout).toMatch(/Booting \(0s of ~\d+s\)/);
  });
});
