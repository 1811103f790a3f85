import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

type Env = NodeJS.ProcessEnv;

const host = async (env: Env, ...argv: string[]) => runCli(['host', ...argv], env);
const lines = (text: string) => text.split('\n').filter(Boolean);
const inspect = async (env: Env, format: string, ref: string) =>
  (await runCli(['inspect', '-f', format, ref], env)).stdout.trim();

/** The overlay2 directory names of a GraphDriver path list (`/var/lib/docker/overlay2/<dir>/diff:…`). */
const dirsOf = (paths: string) => paths.split(':').map((p) => p.split('/').at(-2)!);

describe('/var/lib/docker on the host', () => {
  it('lists what a docker host keeps, and the layers the state holds', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['pull', '-q', 'alpine'], env);
    await runCli(['create', '--name', 'box', 'alpine', 'sleep', '100'], env);
    expect(lines((await host(env, 'ls', '/var/lib/docker')).stdout)).toEqual([
      'containers',
      'engine-id',
      'image',
      'network',
      'overlay2',
      'volumes',
    ]);
    const imageDirs = dirsOf(await inspect(env, '{{.GraphDriver.Data.UpperDir}}', 'alpine'));
    const rw = dirsOf(await inspect(env, '{{.GraphDriver.Data.UpperDir}}', 'box'))[0]!;
    const listed = lines((await host(env, 'ls', '/var/lib/docker/overlay2')).stdout);
    expect(listed.sort()).toEqual([...imageDirs, rw, `${rw}-init`, 'l'].sort());
    expect((await host(env, 'stat', '-c', '%A %U %G', '/var/lib/docker')).stdout).toBe(
      'drwx--x--- root root\n',
    );
  });

  it('names the directories docker inspect shows, chained by their lower files', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['run', '-d', '--name', 'web', 'nginx'], env);
    const data = JSON.parse(await inspect(env, '{{json .GraphDriver.Data}}', 'web')) as Record<
      string,
      string
    >;
    const layer = data.UpperDir!.replace(/\/diff$/, '');
    expect(lines((await host(env, 'ls', layer)).stdout)).toEqual(['diff', 'link', 'lower', 'merged', 'work']);
    expect(`${layer}/merged`).toBe(data.MergedDir);
    expect(`${layer}/work`).toBe(data.WorkDir);
    // Each `l/<link>` of the lower file leads to the diff of a LowerDir, in the same order.
    const lower = (await host(env, 'cat', `${layer}/lower`)).stdout.split(':');
    const targets = await Promise.all(
      lower.map(async (l) => (await host(env, 'readlink', `/var/lib/docker/overlay2/${l}`)).stdout.trim()),
    );
    expect(targets.map((t) => t.split('/')[1])).toEqual(dirsOf(data.LowerDir!));
    const bottom = dirsOf(data.LowerDir!).at(-1)!;
    expect(lines((await host(env, 'ls', `/var/lib/docker/overlay2/${bottom}`)).stdout)).toEqual([
      'committed',
      'diff',
      'link',
    ]);
  });

  it("shows a container's upper dir as docker diff reports it, whiteouts included", async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['run', '-d', '--name', 'web', 'nginx'], env);
    await runCli(['exec', 'web', 'sh', '-c', 'echo hi > /hello; rm /etc/nginx/conf.d/default.conf'], env);
    const diff = lines((await runCli(['diff', 'web'], env)).stdout);
    expect(diff).toContain('A /hello');
    expect(diff).toContain('D /etc/nginx/conf.d/default.conf');
    const upper = await inspect(env, '{{.GraphDriver.Data.UpperDir}}', 'web');
    expect((await host(env, 'cat', `${upper}/hello`)).stdout).toBe('hi\n');
    const found = lines((await host(env, 'find', upper)).stdout).map((p) => p.slice(upper.length) || '/');
    const paths = diff.map((l) => l.slice(2));
    // Every change is in the upper dir; besides them it holds only the directories copied up.
    for (const p of paths) expect(found).toContain(p);
    for (const p of found.filter((f) => !paths.includes(f)))
      expect((await host(env, 'stat', '-c', '%F', `${upper}${p}`)).stdout).toBe('directory\n');
    const whiteout = (await host(env, 'stat', '-c', '%a %s', `${upper}/etc/nginx/conf.d/default.conf`))
      .stdout;
    expect(whiteout).toBe('0 0\n');
    const merged = await inspect(env, '{{.GraphDriver.Data.MergedDir}}', 'web');
    expect((await host(env, 'cat', `${merged}/hello`)).stdout).toBe('hi\n');
    expect((await host(env, 'ls', `${merged}/etc/nginx/conf.d`)).stdout).toBe('');
    expect((await host(env, 'cat', `${merged}/etc/os-release`)).stdout).toMatch(/^PRETTY_NAME="Debian/);
  });

  it('drops merged/ when the container stops, and keeps its files beside its log', async () => {
    const env = deterministicEnv(tempHome());
    const id = (await runCli(['run', '-d', '--name', 'web', 'nginx'], env)).stdout.trim();
    const dir = `/var/lib/docker/containers/${id}`;
    expect(lines((await host(env, 'ls', dir)).stdout)).toEqual([
      `${id}-json.log`,
      'checkpoints',
      'config.v2.json',
      'hostconfig.json',
      'hostname',
      'hosts',
      'mounts',
      'resolv.conf',
    ]);
    expect((await host(env, 'cat', `${dir}/hostname`)).stdout).toBe(`${id.slice(0, 12)}\n`);
    expect((await host(env, 'cat', `${dir}/hosts`)).stdout).toBe(
      (await runCli(['exec', 'web', 'cat', '/etc/hosts'], env)).stdout,
    );
    const log = lines((await host(env, 'cat', `${dir}/${id}-json.log`)).stdout).map(
      (l) => JSON.parse(l) as { log: string; stream: string },
    );
    const logs = await runCli(['logs', 'web'], env);
    const stream = (name: string) =>
      log
        .filter((l) => l.stream === name)
        .map((l) => l.log)
        .join('');
    expect(log.length).toBeGreaterThan(0);
    expect(stream('stdout')).toBe(logs.stdout);
    expect(stream('stderr')).toBe(logs.stderr);
    expect(JSON.parse((await host(env, 'cat', `${dir}/config.v2.json`)).stdout).ID).toBe(id);
    await runCli(['stop', 'web'], env);
    const upper = await inspect(env, '{{.GraphDriver.Data.UpperDir}}', 'web');
    expect(lines((await host(env, 'ls', upper.replace(/\/diff$/, ''))).stdout)).toEqual([
      'diff',
      'link',
      'lower',
      'work',
    ]);
  });

  it('shows image metadata, layerdb and volumes from the state', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['volume', 'create', 'data'], env);
    const id = (
      await runCli(
        ['run', '-d', '-v', 'data:/data', 'alpine', 'sh', '-c', 'echo x > /data/f; sleep 100'],
        env,
      )
    ).stdout.trim();
    expect((await host(env, 'cat', '/var/lib/docker/volumes/data/_data/f')).stdout).toBe('x\n');
    const imageId = (await inspect(env, '{{.Id}}', 'alpine')).replace('sha256:', '');
    const config = (
      await host(env, 'cat', `/var/lib/docker/image/overlay2/imagedb/content/sha256/${imageId}`)
    ).stdout;
    expect(JSON.parse(config).rootfs.type).toBe('layers');
    const chain = (await inspect(env, '{{index .RootFS.Layers 0}}', 'alpine')).replace('sha256:', '');
    const layerdb = `/var/lib/docker/image/overlay2/layerdb/sha256/${chain}`;
    expect(lines((await host(env, 'ls', layerdb)).stdout)).toEqual(['cache-id', 'diff', 'size']);
    const cacheId = (await host(env, 'cat', `${layerdb}/cache-id`)).stdout;
    expect(await inspect(env, '{{.GraphDriver.Data.UpperDir}}', 'alpine')).toBe(
      `/var/lib/docker/overlay2/${cacheId}/diff`,
    );
    const mounts = `/var/lib/docker/image/overlay2/layerdb/mounts/${id}`;
    const upper = await inspect(env, '{{.GraphDriver.Data.UpperDir}}', id);
    expect(`/var/lib/docker/overlay2/${(await host(env, 'cat', `${mounts}/mount-id`)).stdout}/diff`).toBe(
      upper,
    );
    const repos = JSON.parse(
      (await host(env, 'cat', '/var/lib/docker/image/overlay2/repositories.json')).stdout,
    );
    expect(repos.Repositories.alpine['alpine:latest']).toBe(`sha256:${imageId}`);
  });
});
