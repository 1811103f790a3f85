import { describe, expect, it } from 'vitest';
import type { ProgramRun } from '../../../src/programs/types.js';
import { MemFs, T0 } from './fake.js';
import { exitCode, kinds, MYSQL_ENV, mysqlFs, nginxFs, PG_ENV, postgresFs, run, text } from './images.js';

const NGINX = { argv: ['nginx', '-g', 'daemon off;'], path: '/usr/sbin/nginx' };

describe('signals', () => {
  it('nginx: SIGQUIT shuts down gracefully, each worker exits, then the master (exit 0)', async () => {
    const r = await run('nginx@1.27.0', { ...NGINX, fs: nginxFs() });
    const answer = r.onSignal!('SIGQUIT', 30_000);
    expect(answer[0]).toMatchObject({
      at: 0,
      kind: 'stderr',
      text: '2024/07/20 10:00:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n',
    });
    expect(text(answer, 'stderr')).toContain('[notice] 2#2: gracefully shutting down\n');
    expect(kinds(answer, 'child-exit').map((c) => c.key)).toEqual([
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-4',
    ]);
    expect(exitCode(answer)).toBe(0);
    expect(answer.at(-1)?.kind).toBe('exit');
  });

  it('nginx: SIGTERM is a fast shutdown; the live process table names the workers', async () => {
    const r = await run('nginx@1.27.0', { ...NGINX, fs: nginxFs(), cpus: 2 });
    const workers = [
      { pid: 1, comm: 'nginx' },
      { pid: 29, ppid: 1, comm: 'nginx' },
      { pid: 30, ppid: 1, comm: 'nginx' },
    ];
    const later = await run('nginx@1.27.0', { ...NGINX, fs: nginxFs(), cpus: 2, processes: workers });
    for (const answer of [r.onSignal!('SIGTERM', 5000), later.onSignal!('SIGTERM', 5000)]) {
      expect(text(answer, 'stderr')).toContain('signal 15 (SIGTERM) received, exiting\n');
      expect(exitCode(answer)).toBe(0);
    }
    expect(text(later.onSignal!('SIGTERM', 5000), 'stderr')).toContain(
      '1#1: worker process 29 exited with code 0\n',
    );
    expect(text(r.onSignal!('SIGHUP', 5000), 'stderr')).toContain(
      'signal 1 (SIGHUP) received, reconfiguring\n',
    );
  });

  it('a program without a handler: PID 1 ignores the signal, another process dies of it', async () => {
    const fs = new MemFs(() => T0).program('/usr/local/bin/python3', 'python3@3.12.4');
    const o = { argv: ['python3', '-m', 'http.server'], path: '/usr/local/bin/python3', fs };
    const init = await run('python3', o);
    expect(init.onSignal!('SIGTERM', 1000)).toEqual([]);
    const child = await run('python3', { ...o, self: 7 });
    expect(child.onSignal!('SIGTERM', 1000)).toEqual([{ at: 0, kind: 'exit', code: 143 }]);
    const hello = await run('hello', {
      argv: ['/hello'],
      fs: new MemFs(() => T0).program('/hello', 'hello'),
    });
    expect(hello.onSignal).toBeUndefined();
  });

  it('an entrypoint hands signals to the program it exec’d, in the signal’s own time', async () => {
    const r = await run('docker-entrypoint:postgres', {
      argv: ['docker-entrypoint.sh', 'postgres'],
      path: '/usr/local/bin/docker-entrypoint.sh',
      fs: postgresFs(),
      env: { ...PG_ENV, POSTGRES_PASSWORD: 'x' },
    });
    const exec = kinds(r, 'exec').at(-1)!;
    expect(r.onSignal!('SIGINT', exec.at - 1)).toEqual([]); // still bash: PID 1 ignores it
    const answer = r.onSignal!('SIGINT', exec.at + 60_000);
    expect(answer[0]?.at).toBe(0);
    expect(text(answer, 'stderr')).toMatch(
      /^2024-07-20 10:00:00\.000 UTC \[1\] LOG: {2}received fast shutdown request\n/,
    );
    expect(exitCode(answer)).toBe(0);
  });
});

describe('determinism', () => {
  async function twice(start: () => Promise<ProgramRun>): Promise<[ProgramRun, ProgramRun]> {
    return [await start(), await start()];
  }

  it('gives identical timelines for identical contexts', async () => {
    const cases: (() => Promise<ProgramRun>)[] = [
      () =>
        run('docker-entrypoint:nginx', {
          argv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
          path: '/docker-entrypoint.sh',
          fs: nginxFs(),
        }),
      () =>
        run('docker-entrypoint:mysql', {
          argv: ['docker-entrypoint.sh', 'mysqld'],
          path: '/usr/local/bin/docker-entrypoint.sh',
          fs: mysqlFs(),
          env: { ...MYSQL_ENV, MYSQL_RANDOM_ROOT_PASSWORD: '1' },
        }),
      () =>
        run('docker-entrypoint:postgres', {
          argv: ['docker-entrypoint.sh', 'postgres'],
          path: '/usr/local/bin/docker-entrypoint.sh',
          fs: postgresFs(),
          env: { ...PG_ENV, POSTGRES_PASSWORD: 'x' },
        }),
    ];
    for (const c of cases) {
      const [a, b] = await twice(c);
      expect(a.events).toEqual(b.events);
      expect(a.onSignal!('SIGTERM', 99_000)).toEqual(b.onSignal!('SIGTERM', 99_000));
    }
  });
});
