import { beforeAll, describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

/**
 * Name resolution rules: docker's embedded DNS (127.0.0.11) answers container names, short
 * IDs and network aliases on user-defined networks, only for containers on the same network;
 * the default bridge has no DNS for containers (only `--link` entries in /etc/hosts).
 */
describe('container name resolution', () => {
  const env = deterministicEnv(tempHome());
  const docker = (...argv: string[]) => runCli(argv, env);
  let webId = '';

  beforeAll(async () => {
    expect((await docker('network', 'create', 'app')).code).toBe(0);
    expect((await docker('network', 'create', 'other')).code).toBe(0);
    webId = (
      await docker('run', '-d', '--name', 'web', '--network', 'app', '--network-alias', 'www', 'nginx')
    ).stdout.trim();
    await docker('run', '-d', '--name', 'loner', '--network', 'other', 'alpine', 'sleep', '600');
    await docker('run', '-d', '--name', 'old', 'alpine', 'sleep', '600');
  }, 60_000);

  it('resolves names, aliases and short IDs on a user-defined network', async () => {
    for (const name of ['web', 'www', webId.slice(0, 12), 'web.app']) {
      const r = await docker('run', '--rm', '--network', 'app', 'alpine', 'nslookup', name);
      expect(r.stdout).toContain('Server:\t\t127.0.0.11');
      expect(r.stdout).toContain(`Name:\t${name}\nAddress: 172.18.0.2`);
    }
  });

  it('does not resolve containers of other networks', async () => {
    const r = await docker('run', '--rm', '--network', 'app', 'alpine', 'ping', '-c', '1', 'loner');
    expect(r.stderr).toBe("ping: bad address 'loner'\n");
    expect(r.code).toBe(1);
  });

  it('does not resolve container names on the default bridge', async () => {
    const r = await docker('run', '--rm', 'alpine', 'ping', '-c', '1', 'old');
    expect(r.stderr).toContain("bad address 'old'");
    const ns = await docker('run', '--rm', 'alpine', 'nslookup', 'old');
    expect(ns.stdout).toContain("** server can't find old: NXDOMAIN");
    expect(ns.stdout).toContain('Server:\t\t10.0.2.3');
  });

  it('writes resolv.conf for the embedded DNS on user networks, the host servers on the bridge', async () => {
    const user = await docker('run', '--rm', '--network', 'app', 'alpine', 'cat', '/etc/resolv.conf');
    expect(user.stdout).toContain('nameserver 127.0.0.11\nsearch localdomain\noptions ndots:0\n');
    expect(user.stdout).toContain('# ExtServers: [host(10.0.2.3)]');
    const legacy = await docker('run', '--rm', 'alpine', 'cat', '/etc/resolv.conf');
    expect(legacy.stdout).toContain('nameserver 10.0.2.3\n');
    expect(legacy.stdout).not.toContain('127.0.0.11');
  });

  it('puts --link targets into /etc/hosts on the default bridge', async () => {
    const r = await docker('run', '--rm', '--link', 'old:legacy', 'alpine', 'cat', '/etc/hosts');
    expect(r.stdout).toMatch(/^172\.17\.0\.2\tlegacy [0-9a-f]{12} old$/m);
  });

  it('answers pings only across a shared network; a second network joins it', async () => {
    const ok = await docker('run', '--rm', '--network', 'app', 'alpine', 'ping', '-c', '2', 'web');
    expect(ok.stdout).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    const lonerIp = '172.19.0.2';
    const no = await docker('run', '--rm', '--network', 'app', 'alpine', 'ping', '-c', '1', lonerIp);
    expect(no.stdout).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
    expect(no.code).toBe(1);
    expect((await docker('network', 'connect', 'app', 'loner')).code).toBe(0);
    const joined = await docker('exec', 'loner', 'ping', '-c', '1', 'web');
    expect(joined.stdout).toContain('1 packets received');
    expect((await docker('network', 'disconnect', 'app', 'loner')).code).toBe(0);
    const left = await docker('exec', 'loner', 'ping', '-c', '1', 'web');
    expect(left.stderr).toContain("bad address 'web'");
  });
});
