import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../../helpers/cli.js';

/** The table's row that starts with `label`, and the lines under it up to the next label. */
function row(table: string, label: string): string {
  const lines = table.split('\n');
  const at = lines.findIndex((l) => l.startsWith(label));
  const end = lines.findIndex((l, i) => i > at && /^\S/.test(l));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

describe('dockersim compare', () => {
  it('measures nginx as a container and as a VM, then cleans up', async () => {
    const env = deterministicEnv(tempHome());
    const r = await runCli(['compare'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Pulling nginx:latest');
    expect(r.stdout.split('\n')[0]).toMatch(/^ +CONTAINER compare-nginx +VM compare-vm$/);
    expect(row(r.stdout, 'start time')).toMatch(
      /^start time +0\.\d{3}s docker start to nginx's workers +\d\d\.\ds power-on to nginx\.service started/,
    );
    expect(row(r.stdout, 'disk')).toMatch(/187\.7MB image, read-only, shared +1\.625GB disk image, its own/);
    expect(row(r.stdout, 'memory')).toMatch(/none reserved \(no -m\) +2GiB reserved \(-m\)/);
    const ps = row(r.stdout, 'host ps shows');
    expect(ps).toMatch(/nginx: master process nginx -g daemon off;/);
    expect(ps.match(/nginx: worker process/g)).toHaveLength(4);
    expect(ps).toMatch(/\d+ \/usr\/bin\/qemu-system-x86_64 -name compare-vm .* -m 2048 /);
    expect(ps).toMatch(/all 5 of its processes: nothing hidden/);
    expect(ps).toMatch(/3\d guest processes: the host sees none/);
    expect(row(r.stdout, 'kernel')).toMatch(
      /6\.8\.0-45-generic: the host's own +6\.1\.0-28-amd64: its own guest kernel/,
    );
    expect(row(r.stdout, 'isolation')).toMatch(/namespaces: cgroup ipc mnt net pid uts/);
    // Nothing is left behind.
    expect((await runCli(['ps', '-aq'], env)).stdout).toBe('');
    expect((await runCli(['vm', 'ls'], env)).stdout.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['host', 'ps', '-e'], env)).stdout).not.toMatch(/qemu|nginx/);
  });

  it("changes with the VM's memory", async () => {
    const env = deterministicEnv(tempHome());
    const two = (await runCli(['compare'], env)).stdout;
    const four = (await runCli(['compare', '--vm-memory', '4g'], env)).stdout;
    expect(row(four, 'memory')).toMatch(/4GiB reserved \(-m\)/);
    expect(row(four, 'memory')).toMatch(/host RSS of the hypervisor 4\.057GiB/);
    expect(row(two, 'memory')).toMatch(/host RSS of the hypervisor 2\.057GiB/);
    expect(row(four, 'host ps shows')).toContain(' -m 4096 ');
    const secs = (t: string) => Number(/(\d+\.\d)s power-on/.exec(row(t, 'start time'))![1]);
    expect(secs(four)).toBeGreaterThan(secs(two));
  });

  it('measures a VM of your own and leaves things running with --keep', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['vm', 'create', '--memory', '3g', '--cpus', '4', 'mine'], env);
    const r = await runCli(['compare', '--vm', 'mine', '--keep'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/VM mine$/);
    expect(row(r.stdout, 'memory')).toMatch(/3GiB reserved/);
    expect(row(r.stdout, 'isolation')).toMatch(/\(4 vCPUs\)/);
    expect(r.stdout).toMatch(
      /Still running; look closer with: docker top compare-nginx, dockersim vm ssh mine ps -e/,
    );
    expect((await runCli(['ps', '--format', '{{.Names}}'], env)).stdout).toBe('compare-nginx\n');
    expect((await runCli(['vm', 'ls'], env)).stdout).toMatch(/mine +Running/);
  });

  it('rejects a bad memory size as a flag error', async () => {
    const r = await runCli(['compare', '--vm-memory', 'lots'], deterministicEnv(tempHome()));
    expect(r.code).toBe(125);
    expect(r.stderr).toMatch(/^invalid argument "lots" for "--vm-memory" flag/);
  });
});
