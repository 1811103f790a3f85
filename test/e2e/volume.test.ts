import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('volumes through bin/dockersim', () => {
  it('a named volume keeps what one container wrote for the next', () => {
    const env = deterministicEnv(tempHome());
    const docker = (...argv: string[]) => runBin(argv, env);
    expect(docker('volume', 'create', 'data').stdout).toBe('data\n');
    expect(docker('run', '--rm', '-v', 'data:/d', 'alpine', 'sh', '-c', 'echo 1 > /d/x').code).toBe(0);
    expect(docker('run', '--rm', '-v', 'data:/d', 'alpine', 'cat', '/d/x').stdout).toBe('1\n');
    const files = path.join(env.DOCKERSIM_HOME!, 'volumes', 'data', '_data', 'files.json');
    expect(fs.existsSync(files)).toBe(true);
  });

  it('bind mounts show the working folder inside, read-only with :ro', () => {
    const home = tempHome();
    const env = deterministicEnv(home);
    const work = fs.mkdtempSync(path.join(home, 'work-'));
    fs.mkdirSync(path.join(work, 'site'));
    fs.writeFileSync(path.join(work, 'site', 'index.html'), '<h1>mine</h1>\n');
    const docker = (...argv: string[]) => runBin(argv, env, { cwd: work });
    expect(docker('run', '--rm', '-v', './site:/app', 'alpine', 'cat', '/app/index.html').stdout).toBe(
      '<h1>mine</h1>\n',
    );
    docker('run', '--rm', '-v', `${work}/site:/app`, 'alpine', 'sh', '-c', 'echo made > /app/new.txt');
    expect(fs.readFileSync(path.join(work, 'site', 'new.txt'), 'utf8')).toBe('made\n');
    const ro = docker('run', '--rm', '-v', './site:/app:ro', 'alpine', 'touch', '/app/x');
    expect(ro.code).not.toBe(0);
    expect(fs.existsSync(path.join(work, 'site', 'x'))).toBe(false);
    const missing = docker(
      'run',
      '--rm',
      '--mount',
      'type=bind,source=/nonexistent-dir,target=/x',
      'alpine',
      'true',
    );
    expect(missing.stderr).toContain(
      'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nonexistent-dir',
    );
    docker('run', '-d', '--name', 'web', '-p', '8080:80', '-v', './site:/usr/share/nginx/html:ro', 'nginx');
    expect(docker('host', 'curl', '-s', 'localhost:8080').stdout).toBe('<h1>mine</h1>\n');
    // `docker ps` shows the bind source cut to 15 characters.
    const mounts = docker('ps', '--format', '{{.Names}} {{.Mounts}}').stdout;
    expect(mounts).toBe(`web ${path.join(work, 'site').slice(0, 14)}…\n`);
  });
});
