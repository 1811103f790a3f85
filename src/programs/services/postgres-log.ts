import type { ProcessContext } from '../types.js';
import { readText } from './common.js';
import { pgSeconds, pgTime } from './stamps.js';
import type { Timeline } from './timeline.js';

/** The PostgreSQL of the image: `16.3` and the Debian package version from PG_VERSION. */
export interface Pg {
  version: string;
  major: string;
  package: string;
  pgdata: string;
}

export function pgFacts(ctx: ProcessContext): Pg {
  const pkg = ctx.env.PG_VERSION || '16.3-1.pgdg120+1';
  const version = pkg.split('-')[0]!;
  return {
    version,
    major: ctx.env.PG_MAJOR || version.split('.')[0]!,
    package: pkg,
    pgdata: ctx.env.PGDATA || '/var/lib/postgresql/data',
  };
}

/** `2024-07-20 10:00:00.123 UTC [1] LOG:  text` (two spaces after the level), on stderr. */
export function pgLog(t: Timeline, pid: number, text: string, level = 'LOG'): void {
  t.err(`${pgTime(t.clock())} [${pid}] ${level}:  ${text}\n`);
}

/** Where the server listens, from `postgresql.conf` of the data directory (and `-c`/`-p`). */
export function pgListen(
  ctx: ProcessContext,
  pgdata: string,
  args: string[],
): { addresses: string; port: number } {
  const conf = readText(ctx, `${pgdata}/postgresql.conf`) ?? '';
  const setting = (name: string): string | undefined => {
    const arg = args
      .map((a, i) => (a === '-c' ? args[i + 1] : a.startsWith('--') ? a.slice(2) : undefined))
      .find((a) => a?.startsWith(`${name}=`));
    if (arg !== undefined) return arg.slice(name.length + 1).replace(/^'|'$/g, '');
    const m = new RegExp(`^\\s*${name}\\s*=\\s*'?([^'#\\n]*?)'?\\s*(#.*)?$`, 'm').exec(conf);
    return m?.[1];
  };
  const p = args.indexOf('-p');
  const port = Number(p >= 0 ? args[p + 1] : (setting('port') ?? 5432)) || 5432;
  return { addresses: setting('listen_addresses') ?? 'localhost', port };
}

/** The lines of a postmaster opening its sockets (the temporary server of the entrypoint opens none). */
export function pgStarting(
  t: Timeline,
  pg: Pg,
  pid: number,
  listen: { addresses: string; port: number },
): void {
  pgLog(
    t,
    pid,
    `starting PostgreSQL ${pg.version} (Debian ${pg.package}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
  );
  const addresses = listen.addresses
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of addresses) {
    if (a === '*') {
      pgLog(t, pid, `listening on IPv4 address "0.0.0.0", port ${listen.port}`);
      pgLog(t, pid, `listening on IPv6 address "::", port ${listen.port}`);
    } else if (a === 'localhost') {
      pgLog(t, pid, `listening on IPv4 address "127.0.0.1", port ${listen.port}`);
      pgLog(t, pid, `listening on IPv6 address "::1", port ${listen.port}`);
    } else
      pgLog(t, pid, `listening on ${a.includes(':') ? 'IPv6' : 'IPv4'} address "${a}", port ${listen.port}`);
  }
  t.wait(4);
  pgLog(t, pid, `listening on Unix socket "/var/run/postgresql/.s.PGSQL.${listen.port}"`);
}

/** The startup process: after a clean shutdown, or after a crash (recovery from the WAL). */
export function pgStartup(
  t: Timeline,
  pid: number,
  checkpointer: number,
  lastUp: number,
  clean: boolean,
): void {
  if (clean) {
    pgLog(t, pid, `database system was shut down at ${pgSeconds(lastUp)}`);
    return;
  }
  pgLog(t, pid, `database system was interrupted; last known up at ${pgSeconds(lastUp)}`);
  pgLog(t, pid, 'database system was not properly shut down; automatic recovery in progress');
  t.wait(3);
  pgLog(t, pid, 'redo starts at 0/1952A88');
  pgLog(t, pid, 'invalid record length at 0/1952AC0: expected at least 24, got 0');
  pgLog(t, pid, 'redo done at 0/1952A88 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s');
  pgLog(t, checkpointer, 'checkpoint starting: end-of-recovery immediate wait');
  t.wait(12);
  pgLog(t, checkpointer, checkpointComplete(3));
}

export function checkpointComplete(buffers: number): string {
  const many = buffers > 100;
  const stats = many
    ? 'write=0.031 s, sync=0.774 s, total=0.862 s; sync files=301, longest=0.007 s, average=0.003 s; distance=4273 kB, estimate=4273 kB'
    : 'write=0.002 s, sync=0.002 s, total=0.008 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB';
  const lsn = many ? '0/1911680' : '0/1952AC0';
  return `checkpoint complete: wrote ${buffers} buffers (${((buffers / 16384) * 100).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; ${stats}; lsn=${lsn}, redo lsn=${lsn}`;
}

/** Fast (SIGINT) or smart (SIGTERM) shutdown of a postmaster and its checkpointer. */
export function pgShutdown(
  t: Timeline,
  pids: { main: number; checkpointer: number; launcher: number },
  mode: 'fast' | 'smart',
  buffers: number,
): void {
  pgLog(t, pids.main, `received ${mode} shutdown request`);
  if (mode === 'fast') pgLog(t, pids.main, 'aborting any active transactions');
  t.wait(2);
  pgLog(
    t,
    pids.main,
    `background worker "logical replication launcher" (PID ${pids.launcher}) exited with exit code 1`,
  );
  pgLog(t, pids.checkpointer, 'shutting down');
  pgLog(t, pids.checkpointer, 'checkpoint starting: shutdown immediate');
  t.wait(buffers > 100 ? 860 : 8);
  pgLog(t, pids.checkpointer, checkpointComplete(buffers));
  t.wait(3);
  pgLog(t, pids.main, 'database system is shut down');
}
