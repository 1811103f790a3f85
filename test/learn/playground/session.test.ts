import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../helpers/cli.js';

/** `dockersim shell -c LINES`: the playground without a terminal. */
async function shell(home: string, lines: string, extra: NodeJS.ProcessEnv = {}) {
  return runCli(['shell', '-c', lines], deterministicEnv(home, extra));
}

describe('playground', () => {
  it('runs docker commands and host commands in one session', async () => {
    const home = tempHome();
    const r = await shell(
      home,
      [
        'docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql:8.0',
        'ps -e | grep mysqld',
        'docker top db',
      ].join('\n'),
    );
    expect(r.stderr).toContain('Status: Downloaded newer image for mysql:8.0');
    const lines = r.stdout.split('\n');
    const hostLine = lines.find((l) => /^\s*\d+ \?\s+\S+ mysqld$/.test(l));
    expect(hostLine, r.stdout).toBeDefined();
    const pid = hostLine!.trim().split(/\s+/)[0];
    // docker top shows the same host PID.
    expect(
      lines.some((l) => l.includes('mysqld') && l.split(/\s+/).includes(pid!) && l.startsWith('999')),
    ).toBe(true);
    expect(r.code).toBe(0);
  });

  it('pipes docker output into host commands and substitutes $(docker ...)', async () => {
    const home = tempHome();
    const r = await shell(
      home,
      [
        'docker run -d --name web nginx',
        'docker ps --format "{{.Names}}" | grep -c web',
        'echo "id=$(docker inspect -f {{.State.Running}} web)"',
      ].join('\n'),
    );
    expect(r.stdout).toContain('\n1\n');
    expect(r.stdout).toContain('id=true\n');
  });

  it('pulls and runs inside a host line (redirected), then reaches the published port from the host', async () => {
    const home = tempHome();
    const r = await shell(
      home,
      [
        'docker run -d -p 8080:80 --name web nginx > /tmp/run.log 2>&1; echo code=$?',
        'grep -c "Pull complete" /tmp/run.log',
        'curl -s localhost:8080 | grep title',
        'cat /sys/fs/cgroup/system.slice/docker-$(docker inspect -f "{{.Id}}" web).scope/memory.max',
      ].join('\n'),
    );
    expect(r.stdout).toContain('code=0\n');
    expect(r.stdout).toMatch(/^[1-9]\d*$/m);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>\n');
    expect(r.stdout).toContain('max\n');
  });

  it('keeps the shell directory and variables between lines', async () => {
    const home = tempHome();
    const r = await shell(home, 'cd /tmp\nX=hello\npwd\necho $X $USER\nhostname\nid -un');
    expect(r.stdout).toBe('/tmp\nhello learner\ndocker-host\nlearner\n');
  });

  it('answers unknown commands as bash does and keeps going', async () => {
    const home = tempHome();
    const r = await shell(home, 'nosuchcmd\necho after');
    expect(r.stderr).toContain('nosuchcmd: command not found');
    expect(r.stdout).toBe('after\n');
  });

  it('exit ends the session with its code', async () => {
    const home = tempHome();
    const r = await shell(home, 'echo one\nexit 3\necho never');
    expect(r.stdout).toBe('one\n');
    expect(r.code).toBe(3);
  });

  it('explain on narrates what the engine did after each line, on stderr; explain off stops it', async () => {
    const home = tempHome();
    const r = await shell(
      home,
      'docker pull -q alpine\nexplain on\ndocker run -d --name box alpine sleep 100\nexplain off\ndocker stop box',
    );
    const narration = r.stderr.split('── What the engine did underneath');
    expect(narration).toHaveLength(2);
    expect(r.stderr).toMatch(/namespaces\s+created for host PID \d+/);
    expect(r.stderr).not.toMatch(/signal/i);
    expect(r.stdout).not.toContain('underneath');
  });

  it('--explain and DOCKERSIM_EXPLAIN=1 start it on, in Korean with DOCKERSIM_LANG=ko', async () => {
    const home = tempHome();
    const env = deterministicEnv(home, { DOCKERSIM_LANG: 'ko' });
    const r = await runCli(['--explain', 'shell', '-c', 'docker run -d alpine sleep 5'], env);
    expect(r.stderr).toContain('네임스페이스');
    const off = await runCli(['shell', '-c', 'docker run -d alpine sleep 5'], env);
    expect(off.stderr).not.toContain('네임스페이스');
    const on = await runCli(['shell', '-c', 'docker run -d alpine sleep 5'], {
      ...env,
      DOCKERSIM_EXPLAIN: '1',
    });
    expect(on.stderr).toContain('네임스페이스');
  });

  it('with the wall clock, a line that waits on a container (exec, attached run, wait) returns', async () => {
    const home = tempHome();
    const env = { PATH: process.env.PATH, HOME: home, DOCKERSIM_HOME: home, NO_COLOR: '1' };
    await runCli(['run', '-d', '--name', 'box', 'alpine', 'sleep', '1000'], env);
    const r = await runCli(
      ['shell', '-c', 'true; docker exec box echo hi; docker run --rm alpine echo ran'],
      env,
    );
    expect(r.stdout).toBe('hi\nran\n');
  });

  it('dockersim inside a host line is the same client; its streams keep their order', async () => {
    const home = tempHome();
    await shell(home, 'docker run -d --name db nginx');
    const r = await shell(
      home,
      'dockersim host ps -e | grep -c nginx; echo a; docker run --rm busybox sh -c "echo out; echo err >&2; echo out2" 2>&1 | tail -3; echo b',
    );
    expect(r.stdout).toMatch(/^[1-9]\d*\na\nout\nerr\nout2\nb\n$/);
    expect((await shell(home, 'true; dockersim shell')).stderr).toContain('already in the playground');
  });

  it('the host has the text tools a learner pipes docker into (awk, cut, sort, uniq, xargs)', async () => {
    const home = tempHome();
    await shell(home, 'docker run -d --name one alpine sleep 100; docker run -d --name two alpine sleep 100');
    const r = await shell(
      home,
      'docker ps --format "{{.Names}} {{.Image}}" | awk "{print \\$2}" | sort | uniq -c; docker ps -q | xargs echo | wc -w; echo a,b | cut -d, -f2',
    );
    expect(r.stdout).toMatch(/^\s+2 alpine\n2\nb\n$/);
  });

  it('refuses a playground inside the playground', async () => {
    const r = await shell(tempHome(), 'dockersim shell');
    expect(r.stderr).toBe('dockersim: already in the playground\n');
    expect(r.code).toBe(1);
  });

  it('reads lines from stdin without a terminal', async () => {
    const home = tempHome();
    const r = await runCli(['shell'], deterministicEnv(home), 'docker ps\nwhoami\n');
    expect(r.stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\nlearner\n',
    );
  });
});
