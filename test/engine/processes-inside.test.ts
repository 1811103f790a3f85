import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

function docker(home: string) {
  const env = deterministicEnv(home);
  return (...argv: string[]) => runCli(argv, env);
}

describe('processes a shell starts in a container', () => {
  it("an exec's background job outlives the exec, adopted by PID 1, and ends at its own time", async () => {
    const d = docker(tempHome());
    await d('run', '-d', '--name', 'box', 'alpine', 'sleep', '1000');
    expect((await d('exec', 'box', 'sh', '-c', 'sleep 100 &')).code).toBe(0);
    const top = (await d('top', 'box')).stdout;
    const main = /^root\s+(\d+)\s+\d+.*sleep 1000$/m.exec(top)?.[1];
    expect(main).toBeDefined();
    // Its parent is now the container's PID 1.
    expect(top).toMatch(new RegExp(`^root\\s+\\d+\\s+${main}\\s.*sleep 100$`, 'm'));
    expect((await d('exec', 'box', 'ps')).stdout).toMatch(/^\s+\d+ root\s+0:00 sleep 100$/m);
    expect((await d('host', 'ps', '-ef')).stdout).toContain('sleep 100\n');
    await d('host', 'sleep', '101');
    expect((await d('top', 'box')).stdout).not.toMatch(/sleep 100$/m);
  });

  it('kill from inside: a child ends; PID 1 ignores SIGKILL from its own namespace', async () => {
    const d = docker(tempHome());
    await d('run', '-d', '--name', 'box', 'alpine', 'sleep', '1000');
    await d('exec', 'box', 'sh', '-c', 'sleep 300 &');
    const ps = (await d('exec', 'box', 'ps')).stdout;
    const pid = /^\s+(\d+) root\s+0:00 sleep 300$/m.exec(ps)?.[1];
    expect(pid).toBeDefined();
    expect((await d('exec', 'box', 'kill', pid!)).code).toBe(0);
    expect((await d('exec', 'box', 'ps')).stdout).not.toContain('sleep 300');
    await d('exec', 'box', 'kill', '-9', '1');
    expect((await d('ps', '--format', '{{.Names}} {{.State}}')).stdout).toBe('box running\n');
  });

  it("the shells' kill builtin works where procps is absent, with each shell's errors", async () => {
    const d = docker(tempHome());
    await d('run', '-d', '--name', 'web', 'nginx');
    // dash's builtin: nginx quits gracefully on SIGQUIT.
    expect((await d('exec', 'web', 'sh', '-c', 'kill -QUIT 1')).code).toBe(0);
    await d('host', 'sleep', '2');
    expect((await d('ps', '-a', '--format', '{{.Status}}')).stdout).toMatch(/^Exited \(0\)/);
    const dash = await d('run', '--rm', 'debian:bookworm-slim', 'sh', '-c', 'kill 4242');
    expect(dash.stderr).toContain('sh: 1: kill: No such process');
    const bash = await d('run', '--rm', 'debian:bookworm-slim', 'bash', '-c', 'kill 4242; kill -l | head -1');
    expect(bash.stderr).toContain('bash: line 1: kill: (4242) - No such process');
    expect(bash.stdout).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n');
    const ash = await d('run', '--rm', 'alpine', 'sh', '-c', 'kill 4242');
    expect(ash.stderr).toContain("can't kill pid 4242: No such process");
    expect(ash.code).toBe(1);
  });
});
