import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('networks through bin/dockersim', () => {
  it('psql reaches a postgres container by name on a user-defined network', () => {
    const env = deterministicEnv(tempHome());
    const docker = (...argv: string[]) => runBin(argv, env);
    expect(docker('network', 'create', 'app').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(
      docker('run', '-d', '--name', 'db', '--network', 'app', '-e', 'POSTGRES_PASSWORD=x', 'postgres').code,
    ).toBe(0);
    docker('host', 'sleep', '5'); // initdb, then the server listens
    const query = [
      'run',
      '--rm',
      '--network',
      'app',
      'postgres',
      'psql',
      '-h',
      'db',
      '-U',
      'postgres',
      '-c',
      'select 1',
    ];
    // The image asks remote clients for a password (host all all all scram-sha-256).
    const noPassword = docker(...query);
    expect(noPassword.stderr).toContain('failed: fe_sendauth: no password supplied');
    const ok = docker(...query.slice(0, 4), '-e', 'PGPASSWORD=x', ...query.slice(4));
    expect(ok.stdout).toBe(' ?column? \n----------\n        1\n(1 row)\n\n');
    expect(ok.code).toBe(0);
  });

  it('a published port reaches nginx from the host', () => {
    const env = deterministicEnv(tempHome());
    const docker = (...argv: string[]) => runBin(argv, env);
    expect(docker('run', '-d', '-p', '8080:80', 'nginx').code).toBe(0);
    const page = docker('host', 'curl', '-s', 'localhost:8080');
    expect(page.stdout).toContain('<title>Welcome to nginx!</title>');
    const refused = docker('host', 'curl', '-sS', 'localhost:8081');
    expect(refused.stderr).toBe(
      "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n",
    );
    const clash = docker('run', '-d', '-p', '8080:80', 'nginx');
    expect(clash.code).toBe(125);
    expect(clash.stderr).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
  });

  it("network ls, inspect, rm and prune speak docker's words", () => {
    const env = deterministicEnv(tempHome());
    const docker = (...argv: string[]) => runBin(argv, env);
    docker('network', 'create', 'app10');
    docker('network', 'create', 'app9');
    const ls = docker('network', 'ls', '--format', '{{.Name}} {{.Driver}} {{.Scope}}');
    expect(ls.stdout).toBe(
      'app9 bridge local\napp10 bridge local\nbridge bridge local\nhost host local\nnone null local\n',
    );
    expect(docker('network', 'create', 'app9').stderr).toBe(
      'Error response from daemon: network with name app9 already exists\n',
    );
    const run = docker('run', '-d', '--name', 'web', '--network', 'app9', 'alpine', 'sleep', '600');
    const inspect = JSON.parse(docker('network', 'inspect', 'app9').stdout)[0];
    expect(inspect.Containers[run.stdout.trim()]).toMatchObject({
      Name: 'web',
      IPv4Address: '172.19.0.2/16',
    });
    const busy = docker('network', 'rm', 'app9');
    expect(busy.stderr).toMatch(
      /^Error response from daemon: error while removing network: network app9 has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)\n$/,
    );
    expect(docker('network', 'rm', 'bridge').stderr).toBe(
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\n',
    );
    expect(docker('network', 'rm', 'nosuch').stderr).toBe(
      'Error response from daemon: network nosuch not found\n',
    );
    const missing = docker('run', '--network', 'nosuch', 'alpine', 'true');
    expect(missing.code).toBe(125);
    expect(missing.stderr).toContain('docker: Error response from daemon: network nosuch not found');
    const prune = docker('network', 'prune', '-f');
    expect(prune.stdout).toBe('Deleted Networks:\napp10\n\n');
    const ps = docker('ps', '--format', '{{.Names}} {{.Networks}}');
    expect(ps.stdout).toBe('web app9\n');
  });

  it('ip inside containers and on the host', () => {
    const env = deterministicEnv(tempHome());
    const docker = (...argv: string[]) => runBin(argv, env);
    expect(docker('run', '--rm', '--network', 'none', 'alpine', 'ip', 'a').stdout).not.toContain('eth0');
    docker('run', '-d', '--name', 'one', 'alpine', 'sleep', '600');
    const inside = docker('exec', 'one', 'ip', 'a').stdout;
    expect(inside).toMatch(
      /\n4: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n/,
    );
    expect(inside).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
    const host = docker('host', 'ip', 'a').stdout;
    expect(host).toContain(
      '3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n',
    );
    expect(host).toMatch(/\n5: veth[0-9a-f]{7}@if4: .* master docker0 state UP group default \n/);
    expect(docker('exec', 'one', 'hostname', '-i').stdout).toBe('172.17.0.2\n');
  });
});
