import { afterEach, describe, expect, it } from 'vitest';
import { clock, T0 } from './fake.js';
import { exitCode, golden, kinds, logs, PG_ENV, postgresFs, run, text } from './images.js';

const START = { argv: ['docker-entrypoint.sh', 'postgres'], path: '/usr/local/bin/docker-entrypoint.sh' };

afterEach(() => {
  clock.now = T0;
});

describe('postgres docker-entrypoint.sh and postgres', () => {
  it('refuses an empty PGDATA without POSTGRES_PASSWORD (exit 1)', async () => {
    const r = await run('docker-entrypoint:postgres', { ...START, fs: postgresFs(), env: PG_ENV });
    golden('postgres-no-password.golden', text(r, 'stderr'));
    expect(text(r, 'stdout')).toBe('');
    expect(exitCode(r)).toBe(1);
  });

  it('initialises, then execs postgres as postgres with its background processes', async () => {
    const fs = postgresFs();
    const r = await run('docker-entrypoint:postgres', {
      ...START,
      fs,
      env: { ...PG_ENV, POSTGRES_PASSWORD: 'secret' },
    });
    golden('postgres-first-start.golden', logs(r));
    expect(kinds(r, 'exec').at(-1)).toMatchObject({ argv: ['postgres'], user: 'postgres', uid: 999 });
    const main = kinds(r, 'spawn').filter((s) => !s.key.startsWith('pg-temp') && s.key !== 'initdb');
    expect(main.map((s) => s.cmdline)).toEqual([
      'postgres: checkpointer',
      'postgres: background writer',
      'postgres: startup',
      'postgres: walwriter',
      'postgres: autovacuum launcher',
      'postgres: logical replication launcher',
    ]);
    expect(text(r, 'stderr')).toMatch(/\[1\] LOG: {2}database system is ready to accept connections\n$/);
    expect(kinds(r, 'listen')).toEqual([expect.objectContaining({ port: 5432 })]);
    expect(fs.readFile('/var/lib/postgresql/data/PG_VERSION').toString()).toBe('16\n');
    expect(fs.readFile('/var/lib/postgresql/data/pg_hba.conf').toString()).toMatch(
      /host all all all scram-sha-256\n$/,
    );
  });

  it('skips initialisation on a restart and reports the clean shutdown', async () => {
    const fs = postgresFs();
    const first = await run('docker-entrypoint:postgres', {
      ...START,
      fs,
      env: { ...PG_ENV, POSTGRES_PASSWORD: 'x' },
    });
    clock.now = T0 + 30_000;
    const stop = first.onSignal!('SIGINT', 30_000);
    expect(text(stop, 'stderr')).toContain('LOG:  received fast shutdown request\n');
    expect(exitCode(stop)).toBe(0);
    clock.now = T0 + 90_000;
    const again = await run('docker-entrypoint:postgres', { ...START, fs, env: PG_ENV });
    golden('postgres-restart.golden', logs(again));
    expect(text(again, 'stdout')).toContain(
      'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    );
    expect(text(again, 'stderr')).toContain('database system was shut down at 2024-07-20 10:00:30 UTC\n');
  });

  it('recovers after an unclean stop (SIGKILL leaves postmaster.pid behind)', async () => {
    const fs = postgresFs();
    await run('docker-entrypoint:postgres', { ...START, fs, env: { ...PG_ENV, POSTGRES_PASSWORD: 'x' } });
    clock.now = T0 + 90_000;
    const again = await run('docker-entrypoint:postgres', { ...START, fs, env: PG_ENV });
    expect(text(again, 'stderr')).toContain(
      'database system was not properly shut down; automatic recovery in progress\n',
    );
  });

  it('trust: a warning banner instead of the error', async () => {
    const r = await run('docker-entrypoint:postgres', {
      ...START,
      fs: postgresFs(),
      env: { ...PG_ENV, POSTGRES_HOST_AUTH_METHOD: 'trust' },
    });
    expect(text(r, 'stderr')).toContain('WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust".');
    expect(exitCode(r)).toBeUndefined();
  });

  it('the server alone: refuses root, and answers --version', async () => {
    const o = { path: '/usr/lib/postgresql/16/bin/postgres', fs: postgresFs(), env: PG_ENV };
    const root = await run('postgres', { ...o, argv: ['postgres'] });
    expect(text(root, 'stderr')).toContain('"root" execution of the PostgreSQL server is not permitted.');
    expect(exitCode(root)).toBe(1);
    expect(text(await run('postgres', { ...o, argv: ['postgres', '--version'] }), 'stdout')).toBe(
      'postgres (PostgreSQL) 16.3 (Debian 16.3-1.pgdg120+1)\n',
    );
  });

  it('docker-ensure-initdb.sh initialises once, then notes the existing database', async () => {
    const fs = postgresFs();
    const o = {
      argv: ['docker-ensure-initdb.sh'],
      path: '/usr/local/bin/docker-ensure-initdb.sh',
      fs,
      env: { ...PG_ENV, POSTGRES_PASSWORD: 'x' },
    };
    const first = await run('docker-ensure-initdb:postgres', o);
    expect(exitCode(first)).toBe(0);
    expect(kinds(first, 'exec').map((e) => e.argv[0])).toEqual(['/bin/bash']);
    clock.now = T0 + 60_000;
    const second = await run('docker-ensure-initdb:postgres', o);
    expect(text(second, 'stderr')).toBe(
      "docker-ensure-initdb.sh: note: database already initialized in '/var/lib/postgresql/data'!\n",
    );
  });
});
