import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

describe('docker cp, export and import', () => {
  it('copies a file out of a container and another in, only where the user said', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-cp-'));
    const env = { ...deterministicEnv(tempHome()), DOCKERSIM_CWD: work };
    await runCli(['run', '-d', '--name', 'box', 'alpine', 'sleep', '1000'], env);
    expect((await runCli(['cp', 'box:/etc/alpine-release', '.'], env)).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'alpine-release'), 'utf8')).toBe('3.20.1\n');
    fs.writeFileSync(path.join(work, 'note.txt'), 'from the host\n');
    expect((await runCli(['cp', 'note.txt', 'box:/tmp/'], env)).code).toBe(0);
    expect((await runCli(['exec', 'box', 'cat', '/tmp/note.txt'], env)).stdout).toBe('from the host\n');
    expect((await runCli(['cp', 'note.txt', 'box:/root/renamed.txt'], env)).code).toBe(0);
    expect((await runCli(['exec', 'box', 'cat', '/root/renamed.txt'], env)).stdout).toBe('from the host\n');
    const missing = await runCli(['cp', 'box:/nope', '.'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'Error response from daemon: Could not find the file /nope in container box\n',
    );
  });

  it('exports a container as a tar that import turns into an image', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-export-'));
    const env = { ...deterministicEnv(tempHome()), DOCKERSIM_CWD: work };
    await runCli(['run', '--name', 'src', 'alpine', 'sh', '-c', 'echo kept > /kept'], env);
    expect((await runCli(['export', '-o', 'fs.tar', 'src'], env)).code).toBe(0);
    const imported = await runCli(['import', 'fs.tar', 'flat:1'], env);
    expect(imported.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await runCli(['run', '--rm', 'flat:1', 'cat', '/kept'], env)).stdout).toBe('kept\n');
    expect((await runCli(['history', '--format', '{{.Comment}}', 'flat:1'], env)).stdout).toBe(
      'Imported from -\n',
    );
  });
});

describe('docker update', () => {
  it("writes new limits into the running container's cgroup", async () => {
    const env = deterministicEnv(tempHome());
    const id = (await runCli(['run', '-d', '--name', 'web', 'nginx'], env)).stdout.trim();
    const cgroup = `/sys/fs/cgroup/system.slice/docker-${id}.scope`;
    expect((await runCli(['host', 'cat', `${cgroup}/memory.max`], env)).stdout).toBe('max\n');
    expect((await runCli(['update', '-m', '64m', '--cpus', '1.5', 'web'], env)).stdout).toBe('web\n');
    expect((await runCli(['host', 'cat', `${cgroup}/memory.max`], env)).stdout).toBe('67108864\n');
    expect((await runCli(['host', 'cat', `${cgroup}/cpu.max`], env)).stdout).toBe('150000 100000\n');
    expect((await runCli(['inspect', '-f', '{{.HostConfig.Memory}}', 'web'], env)).stdout).toBe('67108864\n');
    const bad = await runCli(['update', '-m', '12x', 'web'], env);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/^invalid argument "12x" for "-m, --memory" flag: invalid suffix: 'x'\n/);
  });
});
