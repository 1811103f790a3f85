import { describe, expect, it } from 'vitest';
import { type ExecIO, type ExecOutcome, Shell } from '../../src/shell/index.js';
import { BASE_ENV, FakeHost, runShell } from './helpers.js';

const times = (events: Array<{ at: number; kind: string; text?: string }>, kind = 'stdout') =>
  events.filter((e) => e.kind === kind).map((e) => [e.at, e.text]);

describe('virtual time', () => {
  it('advances by each command duration', async () => {
    const r = await runShell('echo a; sleep 2; echo b');
    expect(times(r.events)).toEqual([
      [0, 'a\n'],
      [2000, 'b\n'],
    ]);
    expect(r.duration).toBe(2000);
  });

  it('runs background jobs from the current time and waits for them', async () => {
    const r = await runShell('(sleep 1; echo bg) & echo fg; wait; echo done');
    expect(times(r.events)).toEqual([
      [0, 'fg\n'],
      [1000, 'bg\n'],
      [1000, 'done\n'],
    ]);
    expect(r.duration).toBe(1000);
  });

  it('does not wait for jobs unless asked', async () => {
    const r = await runShell('sleep 5 & echo $!');
    expect(r.stdout).toBe('2\n');
    expect(r.duration).toBe(0);
  });

  it('gives a pipeline the duration of its longest stage', async () => {
    const r = await runShell('sleep 2 | echo x; echo y');
    expect(times(r.events)).toEqual([
      [0, 'x\n'],
      [2000, 'y\n'],
    ]);
  });

  it('counts the time of command substitutions', async () => {
    const r = await runShell('x=$(sleep 1; echo v); echo $x');
    expect(times(r.events)).toEqual([[1000, 'v\n']]);
  });

  it('spreads a loop over time', async () => {
    const r = await runShell('seq 3 | while read n; do echo $n; sleep 1; done');
    expect(times(r.events)).toEqual([
      [0, '1\n'],
      [1000, '2\n'],
      [2000, '3\n'],
    ]);
    expect(r.duration).toBe(3000);
  });

  it('reports a never-ending command as infinite', async () => {
    const r = await runShell('echo start; sleep infinity; echo never');
    expect(r.stdout).toBe('start\n');
    expect(r.duration).toBe(Number.POSITIVE_INFINITY);
  });

  it('treats endless loops as never ending', async () => {
    const host = new FakeHost();
    const sh = new Shell(host, {
      dialect: 'ash',
      argv0: 'sh',
      env: BASE_ENV,
      cwd: '/',
      stdin: null,
      limits: { time: 3000 },
    });
    const r = await sh.run('while :; do echo tick; sleep 1; done');
    expect(times(r.events).map(([at]) => at)).toEqual([0, 1000, 2000, 3000]);
    expect(r.duration).toBe(Number.POSITIVE_INFINITY);
    const busy = new Shell(host, {
      dialect: 'ash',
      argv0: 'sh',
      env: BASE_ENV,
      cwd: '/',
      stdin: null,
      limits: { steps: 500 },
    });
    expect((await busy.run('while true; do :; done')).duration).toBe(Number.POSITIVE_INFINITY);
  });
});

class EventHost extends FakeHost {
  override async exec(argv: string[], io: ExecIO): Promise<ExecOutcome> {
    if (argv[0] !== 'server') return super.exec(argv, io);
    return {
      events: [
        { at: 0, kind: 'stdout', text: 'listening\n' },
        { at: 5, kind: 'listen', port: 80, proto: 'tcp' },
        { at: 10, kind: 'exit', code: 0 },
      ],
      code: 0,
      duration: 10,
      pid: 42,
    };
  }
}

describe('commands and their events', () => {
  it('passes other kinds of events through, shifted, and drops the command exit', async () => {
    const host = new EventHost();
    const r = await runShell('sleep 1; server', { host });
    expect(r.events).toEqual([
      { at: 1000, kind: 'stdout', text: 'listening\n' },
      { at: 1005, kind: 'listen', port: 80, proto: 'tcp' },
    ]);
  });

  it('takes $! from the PID the host reports', async () => {
    const r = await runShell('server & echo "pid $!"', { host: new EventHost() });
    expect(r.stdout).toContain('pid 42\n');
  });

  it('marks exec and ends with the command', async () => {
    const r = await runShell('echo before; exec server; echo after', { host: new EventHost() });
    expect(r.events.map((e) => e.kind)).toEqual(['stdout', 'exec', 'stdout', 'listen']);
    expect(r.events[1]).toEqual({ at: 0, kind: 'exec', argv: ['server'] });
    expect(r.exited).toBe(true);
  });

  it('gives a command the environment it should see', async () => {
    const host = new FakeHost();
    await runShell('A=1; export B=2; C=3 env', { host });
    const env = host.calls[0]!.io.env;
    expect(env.B).toBe('2');
    expect(env.C).toBe('3');
    expect(env.A).toBeUndefined();
    expect(env.PWD).toBe('/');
  });

  it('tells the host when a command runs in the background', async () => {
    const host = new FakeHost();
    await runShell('sleep 1 & sleep 2', { host });
    expect(host.calls.map((c) => [c.argv.join(' '), c.io.background, c.io.at])).toEqual([
      ['sleep 1', true, 0],
      ['sleep 2', false, 0],
    ]);
  });

  it('hands the shell stdin to commands, after what read took', async () => {
    const r = await runShell('read first; echo "first=$first"; cat; read x || echo eof', {
      stdin: 'one\ntwo\nthree\n',
    });
    expect(r.stdout).toBe('first=one\ntwo\nthree\neof\n');
  });

  it('leaves stdin to the loop when a command does not read it', async () => {
    const r = await runShell('while read l; do sleep 1; echo "$l"; done', { stdin: 'a\nb\n' });
    expect(r.stdout).toBe('a\nb\n');
  });

  it('writes redirections into the filesystem', async () => {
    const r = await runShell(
      'mkdir -p /app; echo hi > /app/a; echo more >> /app/a; cd /app; echo x 2>&1 > b',
    );
    expect(r.host.fs.readFile('/app/a')).toBe('hi\nmore\n');
    expect(r.host.fs.readFile('/app/b')).toBe('x\n');
  });

  it('runs scripts through the host and their exit status', async () => {
    const files = { '/app/run.sh': '#!/bin/sh\necho "script $1"\nexit 4\n' };
    const host = new FakeHost(files);
    host.fs.put('/app/run.sh', files['/app/run.sh'], 0o755);
    const r = await runShell('/app/run.sh arg; echo $?', { host });
    expect(r.stdout).toBe('script arg\n4\n');
  });

  it('prints set -x traces on stderr', async () => {
    expect((await runShell('set -x; echo "a b" c', { dialect: 'bash' })).stderr).toBe("+ echo 'a b' c\n");
    expect((await runShell('set -x; echo "a b" c', { dialect: 'dash' })).stderr).toBe('+ echo a b c\n');
  });

  it('runs the EXIT trap at the end', async () => {
    const r = await runShell('trap "echo bye" EXIT; sleep 1; exit 3');
    expect(times(r.events)).toEqual([[1000, 'bye\n']]);
    expect(r.code).toBe(3);
  });
});
