import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

function runAsync(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('containers on the simulated host', () => {
  it('mysqld in a container is a process of the host: host ps, top, /proc/1 and inspect agree', () => {
    const env = deterministicEnv(tempHome());
    expect(runBin(['run', '-d', '--name', 'db', '-e', 'MYSQL_ROOT_PASSWORD=x', 'mysql:8.0'], env).code).toBe(
      0,
    );
    runBin(['host', 'sleep', '20'], env); // let the server finish initialising
    const hostPs = runBin(['host', 'ps', '-e'], env).stdout;
    const line = hostPs.split('\n').find((l) => / mysqld$/.test(l));
    expect(line).toBeDefined();
    const hostPid = line!.trim().split(/\s+/)[0]!;
    expect(runBin(['inspect', '-f', '{{.State.Pid}}', 'db'], env).stdout.trim()).toBe(hostPid);
    const top = runBin(['top', 'db'], env).stdout;
    expect(top.split('\n')[0]).toMatch(/^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD$/);
    expect(top).toMatch(new RegExp(`\\n999\\s+${hostPid}\\s+\\d+\\s+.*mysqld`));
    expect(runBin(['exec', 'db', 'cat', '/proc/1/cmdline'], env).stdout).toBe('mysqld\0');
  });

  it("host nsenter runs a command in a container's namespaces", () => {
    const env = deterministicEnv(tempHome());
    runBin(['run', '-d', '--name', 'box', 'alpine', 'sleep', '1000'], env);
    const pid = runBin(['inspect', '-f', '{{.State.Pid}}', 'box'], env).stdout.trim();
    const id = runBin(['inspect', '-f', '{{.Id}}', 'box'], env).stdout.trim();
    expect(runBin(['host', 'nsenter', '-t', pid, '-m', '-u', '-p', 'cat', '/etc/hostname'], env).stdout).toBe(
      `${id.slice(0, 12)}\n`,
    );
    expect(runBin(['host', 'nsenter', '-t', pid, '-m', '-u', '-p', 'ps'], env).stdout).toMatch(
      /\n {4}1 root {6}0:00 sleep 1000\n/,
    );
    const missing = runBin(['host', 'nsenter', '-t', '99999', '-m', 'ls'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('nsenter: cannot open /proc/99999/ns/mnt: No such file or directory\n');
  });

  it('OOM-kills mysqld under a 32m limit: exit 137, OOMKilled, memory.max and memory.events agree', () => {
    const env = deterministicEnv(tempHome());
    const id = runBin(
      ['run', '-d', '--name', 'small', '-m', '32m', '-e', 'MYSQL_ROOT_PASSWORD=x', 'mysql:8.0'],
      env,
    ).stdout.trim();
    const cgroup = `/sys/fs/cgroup/system.slice/docker-${id}.scope`;
    expect(runBin(['host', 'cat', `${cgroup}/memory.max`], env).stdout).toBe('33554432\n');
    expect(runBin(['wait', 'small'], env).stdout).toBe('137\n');
    expect(runBin(['inspect', '-f', '{{.State.OOMKilled}} {{.State.ExitCode}}', 'small'], env).stdout).toBe(
      'true 137\n',
    );
    expect(runBin(['ps', '-a', '--format', '{{.Status}}'], env).stdout).toMatch(/^Exited \(137\) /);
  });

  it('sleep 5 is Up before five seconds and Exited (0) after', () => {
    const env = deterministicEnv(tempHome());
    runBin(['pull', '-q', 'alpine'], env);
    expect(runBin(['run', '-d', '--name', 'sl', 'alpine', 'sleep', '5'], env).code).toBe(0);
    expect(runBin(['ps', '--format', '{{.Names}} {{.Status}}'], env).stdout).toBe(
      'sl Up Less than a second\n',
    );
    runBin(['host', 'sleep', '3'], env);
    expect(runBin(['ps', '--format', '{{.Status}}'], env).stdout).toBe('Up 3 seconds\n');
    runBin(['host', 'sleep', '3'], env);
    expect(runBin(['ps', '-a', '--format', '{{.Status}}'], env).stdout).toBe('Exited (0) 1 second ago\n');
  });

  it('stop of a PID 1 without a SIGTERM handler waits out the timeout and kills (137); nginx stops cleanly (0)', () => {
    const env = deterministicEnv(tempHome());
    runBin(['run', '-d', '--name', 'sleeper', 'alpine', 'sleep', '1000'], env);
    runBin(['run', '-d', '--name', 'web', 'nginx'], env);
    expect(runBin(['stop', '-t', '2', 'sleeper', 'web'], env).stdout).toBe('sleeper\nweb\n');
    expect(runBin(['inspect', '-f', '{{.State.ExitCode}}', 'sleeper', 'web'], env).stdout).toBe('137\n0\n');
  });

  it('refuses a second container on a published port and a taken name, with docker texts', () => {
    const env = deterministicEnv(tempHome());
    runBin(['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'], env);
    const clash = runBin(['run', '-d', '-p', '8080:80', 'nginx'], env);
    expect(clash.code).toBe(125);
    expect(clash.stderr).toMatch(
      /Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    );
    const name = runBin(['run', '-d', '--name', 'web', 'nginx'], env);
    expect(name.code).toBe(125);
    expect(name.stderr).toMatch(
      /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\./,
    );
    expect(runBin(['port', 'web'], env).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
  });

  it('restarts with --restart always after the process exits, with back-off', () => {
    const env = deterministicEnv(tempHome());
    runBin(['run', '-d', '--name', 'rr', '--restart', 'always', 'alpine', 'sh', '-c', 'exit 3'], env);
    runBin(['host', 'sleep', '2'], env);
    const count = Number(runBin(['inspect', '-f', '{{.RestartCount}}', 'rr'], env).stdout);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(runBin(['ps', '--format', '{{.Status}}'], env).stdout).toMatch(/^(Restarting \(3\)|Up )/);
  });

  it('16 concurrent runs leave 16 containers with unique names and no corrupt file; 8 racing for one name give one winner', async () => {
    const home = tempHome();
    const env = { ...deterministicEnv(home), DOCKERSIM_CLOCK: '', DOCKERSIM_SEED: '' };
    runBin(['pull', '-q', 'alpine'], env);
    const results = await Promise.all(
      Array.from({ length: 16 }, () => runAsync(['run', '-d', 'alpine', 'sleep', '100'], env)),
    );
    expect(results.map((r) => r.code)).toEqual(Array(16).fill(0));
    const names = runBin(['ps', '-a', '--format', '{{.Names}}'], env).stdout.trim().split('\n');
    expect(names).toHaveLength(16);
    expect(new Set(names).size).toBe(16);
    for (const id of fs.readdirSync(path.join(home, 'containers')).filter((f) => /^[0-9a-f]{64}$/.test(f))) {
      expect(() =>
        JSON.parse(fs.readFileSync(path.join(home, 'containers', id, 'config.v2.json'), 'utf8')),
      ).not.toThrow();
    }
    const race = await Promise.all(
      Array.from({ length: 8 }, () =>
        runAsync(['run', '-d', '--name', 'same', 'alpine', 'sleep', '100'], env),
      ),
    );
    expect(race.filter((r) => r.code === 0)).toHaveLength(1);
    const losers = race.filter((r) => r.code !== 0);
    expect(losers).toHaveLength(7);
    for (const r of losers) expect(r.stderr).toContain('The container name "/same" is already in use');
  }, 120_000);
});
