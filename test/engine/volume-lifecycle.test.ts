import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

function session() {
  const env = deterministicEnv(tempHome());
  return (...argv: string[]) => runCli(argv, env);
}

describe('volume lifecycle', () => {
  it('create, ls, inspect, rm; the name is printed, a second create returns the same volume', async () => {
    const docker = session();
    expect((await docker('volume', 'create', 'pgdata')).stdout).toBe('pgdata\n');
    expect((await docker('volume', 'create', 'pgdata')).stdout).toBe('pgdata\n');
    const anon = (await docker('volume', 'create')).stdout.trim();
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    await docker('volume', 'create', 'Cache');
    expect((await docker('volume', 'ls')).stdout).toBe(
      `DRIVER    VOLUME NAME\nlocal     ${anon}\nlocal     Cache\nlocal     pgdata\n`,
    );
    const inspect = JSON.parse((await docker('volume', 'inspect', 'pgdata')).stdout)[0];
    expect(Object.keys(inspect)).toEqual([
      'CreatedAt',
      'Driver',
      'Labels',
      'Mountpoint',
      'Name',
      'Options',
      'Scope',
    ]);
    expect(inspect.Mountpoint).toBe('/var/lib/docker/volumes/pgdata/_data');
    expect(inspect.CreatedAt).toBe('2026-01-01T00:00:00Z');
    const missing = await docker('volume', 'rm', 'pgdata', 'nosuch');
    expect(missing.stdout).toBe('pgdata\n');
    expect(missing.stderr).toBe('Error response from daemon: get nosuch: no such volume\n');
    expect(missing.code).toBe(1);
  });

  it('keeps named volume data across containers and refuses to remove a volume in use', async () => {
    const docker = session();
    await docker('volume', 'create', 'data');
    await docker('run', '--rm', '-v', 'data:/d', 'alpine', 'sh', '-c', 'echo 1 > /d/x');
    expect((await docker('run', '--rm', '-v', 'data:/d', 'alpine', 'cat', '/d/x')).stdout).toBe('1\n');
    const id = (
      await docker('run', '-d', '--name', 'keeper', '-v', 'data:/d', 'alpine', 'sleep', '300')
    ).stdout.trim();
    const busy = await docker('volume', 'rm', 'data');
    expect(busy.stderr).toBe(`Error response from daemon: remove data: volume is in use - [${id}]\n`);
    await docker('rm', '-f', 'keeper');
    expect((await docker('volume', 'rm', 'data')).stdout).toBe('data\n');
  });

  it("copies the image's content into an empty volume on first mount", async () => {
    const docker = session();
    await docker('run', '-d', '--name', 'www', '-v', 'html:/usr/share/nginx/html', 'nginx');
    const ls = await docker('exec', 'www', 'ls', '/usr/share/nginx/html');
    expect(ls.stdout).toBe('50x.html\nindex.html\n');
    expect((await docker('run', '--rm', '-v', 'html:/h', 'alpine', 'ls', '/h')).stdout).toBe(
      '50x.html\nindex.html\n',
    );
    const mounts = JSON.parse((await docker('inspect', '-f', '{{json .Mounts}}', 'www')).stdout);
    expect(mounts).toEqual([
      {
        Type: 'volume',
        Name: 'html',
        Source: '/var/lib/docker/volumes/html/_data',
        Destination: '/usr/share/nginx/html',
        Driver: 'local',
        Mode: 'z',
        RW: true,
        Propagation: '',
      },
    ]);
  });

  it('gives anonymous volumes to -v /path and image VOLUMEs, and rm -v / --rm take them away', async () => {
    const docker = session();
    await docker('run', '-d', '--name', 'db', '-e', 'POSTGRES_PASSWORD=x', 'postgres');
    await docker('create', '--name', 'c1', '-v', '/data', 'alpine');
    const names = (await docker('volume', 'ls', '-q')).stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^[0-9a-f]{64}$/);
    const labels = await docker('volume', 'ls', '--format', '{{.Labels}}');
    expect(labels.stdout).toBe('com.docker.volume.anonymous=\ncom.docker.volume.anonymous=\n');
    await docker('rm', '-v', 'c1');
    expect((await docker('volume', 'ls', '-q')).stdout.trim().split('\n')).toHaveLength(1);
    await docker('run', '--rm', '-v', '/scratch', 'alpine', 'true');
    expect((await docker('volume', 'ls', '-q')).stdout.trim().split('\n')).toHaveLength(1);
    expect((await docker('volume', 'ls', '-f', 'dangling=true', '-q')).stdout).toBe('');
  });

  it('prunes anonymous unused volumes, and all unused ones with -a', async () => {
    const docker = session();
    await docker('volume', 'create', 'named');
    await docker('create', '--name', 'c1', '-v', '/data', 'alpine');
    await docker('rm', 'c1');
    const pruned = await docker('volume', 'prune', '-f');
    expect(pruned.stdout).toMatch(/^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    const prompt = await runCli(['volume', 'prune', '-a'], deterministicEnv(tempHome()), 'n\n');
    expect(prompt.stdout).toBe(
      'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
    );
    const all = await docker('volume', 'prune', '-a', '-f');
    expect(all.stdout).toBe('Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n');
  });

  it('reports volumes in system df', async () => {
    const docker = session();
    await docker('volume', 'create', 'v1');
    await docker('run', '--rm', '-v', 'v1:/v', 'alpine', 'sh', '-c', 'echo hello > /v/f');
    const df = await docker('system', 'df', '--format', '{{.Type}} {{.TotalCount}}');
    expect(df.stdout).toContain('Local Volumes 1');
  });
});
