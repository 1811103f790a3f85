import { afterEach, describe, expect, it } from 'vitest';
import { clock, T0 } from './fake.js';
import { exitCode, golden, kinds, logs, MYSQL_ENV, mysqlFs, run, text } from './images.js';

const START = { argv: ['docker-entrypoint.sh', 'mysqld'], path: '/usr/local/bin/docker-entrypoint.sh' };
const MiB = 2 ** 20;

afterEach(() => {
  clock.now = T0;
});

describe('mysql docker-entrypoint.sh and mysqld', () => {
  it('refuses to initialise without a root password choice (exit 1)', async () => {
    const r = await run('docker-entrypoint:mysql', { ...START, fs: mysqlFs(), env: MYSQL_ENV });
    golden('mysql-no-password.golden', logs(r));
    expect(text(r, 'stderr')).toContain(
      '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n',
    );
    expect(exitCode(r)).toBe(1);
    expect(kinds(r, 'exec').map((e) => e.user)).toEqual(['mysql']);
  });

  it('initialises, runs a temporary server, then execs mysqld as mysql (uid 999)', async () => {
    const fs = mysqlFs();
    const r = await run('docker-entrypoint:mysql', {
      ...START,
      fs,
      env: { ...MYSQL_ENV, MYSQL_ROOT_PASSWORD: 'secret', MYSQL_DATABASE: 'app' },
    });
    golden('mysql-first-start.golden', logs(r));
    const out = text(r, 'stdout');
    expect(out.indexOf('Initializing database files')).toBeLessThan(out.indexOf('Creating database app'));
    expect(out).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n');
    const exec = kinds(r, 'exec').at(-1)!;
    expect(exec).toMatchObject({ argv: ['mysqld'], comm: 'mysqld', user: 'mysql', uid: 999 });
    const err = text(r, 'stderr');
    expect(err).toMatch(
      /\[MY-010116\] \[Server\] \/usr\/sbin\/mysqld \(mysqld 8\.0\.38\) starting as process 1\n/,
    );
    expect(err).toContain(
      "ready for connections. Version: '8.0.38'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n",
    );
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([3306, 33060]);
    const after = r.events.filter((e) => e.at >= exec.at);
    const peak = Math.max(...kinds(after, 'memory').map((m) => m.bytes));
    expect(peak / MiB).toBeGreaterThan(300);
    expect(peak / MiB).toBeLessThan(460);
    expect(kinds(after, 'memory').length).toBeGreaterThan(2);
    expect(fs.stat('/var/lib/mysql/mysql')?.type).toBe('dir');
    expect(fs.stat('/var/lib/mysql/ibdata1')?.type).toBe('file');
    expect(exitCode(r)).toBeUndefined();
  });

  it('skips initialisation when the data directory exists (a restart)', async () => {
    const fs = mysqlFs();
    await run('docker-entrypoint:mysql', { ...START, fs, env: { ...MYSQL_ENV, MYSQL_ROOT_PASSWORD: 'x' } });
    clock.now = T0 + 120_000;
    const r = await run('docker-entrypoint:mysql', { ...START, fs, env: MYSQL_ENV });
    golden('mysql-restart.golden', logs(r));
    expect(text(r, 'stdout')).not.toContain('Initializing database files');
    expect(kinds(r, 'spawn')).toEqual([]);
    expect(text(r, 'stderr')).toContain('ready for connections');
  });

  it('shuts down on SIGTERM with exit 0 and ignores SIGINT', async () => {
    const r = await run('docker-entrypoint:mysql', {
      ...START,
      fs: mysqlFs(),
      env: { ...MYSQL_ENV, MYSQL_ALLOW_EMPTY_PASSWORD: 'yes' },
    });
    const stop = r.onSignal!('SIGTERM', 60_000);
    expect(text(stop, 'stderr')).toContain(
      'Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.0.38).\n',
    );
    expect(exitCode(stop)).toBe(0);
    expect(r.onSignal!('SIGINT', 60_000)).toEqual([]);
  });

  it('frames 9.0 runs with MySQL Server - start/end and generates a random root password', async () => {
    const fs = mysqlFs('9.0.0');
    const env = { MYSQL_VERSION: '9.0.0-1.el9', MYSQL_RANDOM_ROOT_PASSWORD: 'yes' };
    const r = await run('docker-entrypoint:mysql', { ...START, fs, env });
    expect(text(r, 'stdout')).toMatch(
      /\[Note\] \[Entrypoint\]: GENERATED ROOT PASSWORD: [A-Za-z0-9+/]{32}\n/,
    );
    expect(text(r, 'stderr')).toContain('[System] [MY-015015] [Server] MySQL Server - start.\n');
    expect(text(r, 'stderr')).not.toContain('skip-host-cache');
    expect(text(r.onSignal!('SIGTERM', 60_000), 'stderr')).toContain(
      '[MY-015016] [Server] MySQL Server - end.\n',
    );
  });

  it('execs other commands as they are', async () => {
    const r = await run('docker-entrypoint:mysql', {
      argv: ['docker-entrypoint.sh', 'mysql', '--version'],
      path: START.path,
      fs: mysqlFs(),
    });
    expect(text(r, 'stdout')).toBe('mysql  Ver 8.0.38 for Linux on x86_64 (MySQL Community Server - GPL)\n');
    expect(exitCode(r)).toBe(0);
  });

  it('mysqld alone: --version, and an unusable empty data directory', async () => {
    const fs = mysqlFs();
    const o = { path: '/usr/sbin/mysqld', fs, uid: 999, user: 'mysql' };
    expect(text(await run('mysqld', { ...o, argv: ['mysqld', '--version'] }), 'stdout')).toBe(
      '/usr/sbin/mysqld  Ver 8.0.38 for Linux on x86_64 (MySQL Community Server - GPL)\n',
    );
    const r = await run('mysqld', { ...o, argv: ['mysqld'] });
    expect(text(r, 'stderr')).toContain(
      '[ERROR] [MY-013236] [Server] The designated data directory /var/lib/mysql/ is unusable.',
    );
    expect(exitCode(r)).toBe(1);
  });
});
