import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, deterministicEnv, tempHome } from '../helpers/cli.js';

/** `script` (util-linux) gives the CLI a pseudo-terminal, as a learner's terminal would. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function session(argv: string, lines: string[], env: NodeJS.ProcessEnv): { out: string; code: number } {
  // Each line is typed after a pause, so the prompt for it has been drawn.
  const typing = lines.map((l) => `sleep 0.8; printf '%s\\n' '${l.replaceAll("'", "'\\''")}'; `).join('');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `(sleep 1.5; ${typing}sleep 1) | script -qfec "${process.execPath} ${BIN} ${argv}" /dev/null; exit \${PIPESTATUS[1]}`,
    ],
    {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { out: r.stdout, code: r.status ?? -1 };
}

describe.skipIf(!hasScript)('interactive sessions on a terminal', () => {
  it('run -it ubuntu bash: bash prompt with the short ID, commands, exit code', () => {
    const env = deterministicEnv(tempHome());
    spawnSync(process.execPath, [BIN, 'pull', '-q', 'ubuntu'], { env });
    const { out, code } = session(
      'run -it ubuntu bash',
      ['echo $HOSTNAME', 'cat /etc/os-release', 'cd /tmp', 'pwd', 'exit 3'],
      env,
    );
    expect(out).toMatch(/root@[0-9a-f]{12}:\/# /);
    expect(out).toContain('PRETTY_NAME="Ubuntu 24.04 LTS"');
    expect(out).toMatch(/root@[0-9a-f]{12}:\/tmp# /);
    expect(code).toBe(3);
    const ps = spawnSync(process.execPath, [BIN, 'ps', '-a', '--format', '{{.Status}}'], {
      env,
      encoding: 'utf8',
    });
    expect(ps.stdout).toMatch(/^Exited \(3\)/);
  }, 60_000);

  it('exec -it into a running container keeps the container running after exit', () => {
    const env = deterministicEnv(tempHome());
    spawnSync(process.execPath, [BIN, 'run', '-d', '--name', 'box', 'alpine', 'sleep', '1000'], { env });
    const { out, code } = session('exec -it box sh', ['echo inside $HOSTNAME', 'exit'], env);
    expect(out).toContain('/ # ');
    expect(out).toMatch(/inside [0-9a-f]{12}/);
    expect(code).toBe(0);
    const ps = spawnSync(process.execPath, [BIN, 'ps', '--format', '{{.Names}}'], { env, encoding: 'utf8' });
    expect(ps.stdout).toBe('box\n');
  }, 60_000);

  it('exec -it db mysql -p: the password unseen, then the mysql> prompt; what it made stays', () => {
    const env = deterministicEnv(tempHome());
    const docker = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    docker('run', '-d', '--name', 'db', '-e', 'MYSQL_ROOT_PASSWORD=hunter2', 'mysql:8.0');
    docker('host', 'sleep', '30');
    const { out, code } = session(
      'exec -it db mysql -uroot -p',
      ['hunter2', 'CREATE DATABASE shop;', 'SHOW DATABASES', ';', 'exit'],
      env,
    );
    expect(out).toContain('Enter password: ');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('Welcome to the MySQL monitor.');
    expect(out).toContain('mysql> ');
    expect(out).toContain('    -> ');
    expect(out).toMatch(/\| shop +\|/);
    expect(out).toContain('Bye');
    expect(code).toBe(0);
    expect(docker('exec', 'db', 'ls', '/var/lib/mysql/shop').status).toBe(0);
  }, 60_000);

  it('exec -it cache redis-cli: its prompt and replies as on a terminal', () => {
    const env = deterministicEnv(tempHome());
    spawnSync(process.execPath, [BIN, 'run', '-d', '--name', 'cache', 'redis'], { env });
    const { out } = session(
      'exec -it cache redis-cli',
      ['SET greeting hello', 'GET greeting', 'INCR n', 'exit'],
      env,
    );
    expect(out).toContain('127.0.0.1:6379> ');
    expect(out).toContain('OK');
    expect(out).toContain('"hello"');
    expect(out).toContain('(integer) 1');
  }, 60_000);

  it('exec -it web ls: a command without a prompt just runs on the terminal', () => {
    const env = deterministicEnv(tempHome());
    spawnSync(process.execPath, [BIN, 'run', '-d', '--name', 'web', 'nginx'], { env });
    const { out, code } = session('exec -it web ls /usr/share/nginx/html', [], env);
    expect(out).toContain('index.html');
    expect(code).toBe(0);
  }, 60_000);

  it('exec -it box sh: a background job shows in ps and outlives the session', () => {
    const env = deterministicEnv(tempHome());
    spawnSync(process.execPath, [BIN, 'run', '-d', '--name', 'box', 'alpine', 'sleep', '1000'], { env });
    const { out } = session('exec -it box sh', ['sleep 300 &', 'ps', 'exit'], env);
    expect(out).toMatch(/\d+ root\s+0:00 sleep 300/);
    const top = spawnSync(process.execPath, [BIN, 'top', 'box'], { env, encoding: 'utf8' });
    expect(top.stdout).toMatch(/sleep 300$/m);
  }, 60_000);
});
