import { finished } from '../run.js';
import { psqlRows } from '../services/psql-format.js';
import { MemoryCatalog } from '../sql/catalog.js';
import { SqlSession } from '../sql/exec.js';
import { localLink, type ServerLink, tcpLink } from '../sql/link.js';
import { PgStore } from '../sql/stores.js';
import { readText } from '../system/common/host.js';
import type { ProcessContext, ProgramRun } from '../types.js';

/** psql's connection options (`-h`, `-p`, `-U`, `-d`, `-c`, `-f`) and flags, with their PG* defaults. */
export interface PsqlArgs {
  host?: string;
  port: number;
  user: string;
  db: string;
  command?: string;
  file?: string;
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  list: boolean;
}

export function psqlArgs(ctx: ProcessContext): PsqlArgs {
  const a = ctx.argv.slice(1);
  const opts: Record<string, string> = {};
  const operands: string[] = [];
  const flags = new Set<string>();
  const long: Record<string, string> = {
    host: 'h',
    port: 'p',
    username: 'U',
    dbname: 'd',
    command: 'c',
    file: 'f',
  };
  const longFlags: Record<string, string> = {
    'tuples-only': 't',
    'no-align': 'A',
    quiet: 'q',
    list: 'l',
    'no-psqlrc': 'X',
  };
  for (let i = 0; i < a.length; i++) {
    const arg = a[i]!;
    const m = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(arg);
    if (m && long[m[1]!]) opts[long[m[1]!]!] = m[2] ?? a[++i] ?? '';
    else if (m && longFlags[m[1]!]) flags.add(longFlags[m[1]!]!);
    else if (/^-[^-]/.test(arg)) {
      // A cluster of flags (`-tA`), perhaps ending in an option that takes a value (`-tAc SQL`).
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        if ('hpUdcf'.includes(c)) {
          opts[c] = j + 1 < arg.length ? arg.slice(j + 1) : (a[++i] ?? '');
          break;
        }
        flags.add(c);
      }
    } else if (!arg.startsWith('-')) operands.push(arg);
  }
  const user = opts.U ?? operands[1] ?? ctx.env.PGUSER ?? ctx.user;
  return {
    host: opts.h ?? ctx.env.PGHOST,
    port: Number(opts.p ?? ctx.env.PGPORT ?? 5432) || 5432,
    user,
    db: opts.d ?? operands[0] ?? ctx.env.PGDATABASE ?? user,
    ...(opts.c !== undefined ? { command: opts.c } : {}),
    ...(opts.f !== undefined ? { file: opts.f } : {}),
    tuplesOnly: flags.has('t'),
    unaligned: flags.has('A'),
    quiet: flags.has('q'),
    list: flags.has('l'),
  };
}

const fail = (text: string) => finished('', `psql: error: ${text}\n`, 2);

/** The first `host` line of the server's pg_hba.conf that applies to a remote client. */
function hostMethod(link: ServerLink): string {
  const pgdata = link.env.PGDATA || '/var/lib/postgresql/data';
  const hba = readText(link.fs, `${pgdata}/pg_hba.conf`) ?? '';
  for (const line of hba.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f[0] === 'host' && f[3] === 'all') return f[4] ?? 'trust';
  }
  return 'scram-sha-256';
}

/** A logged-in psql: the server's link and its databases. */
export interface PgConnection {
  link: ServerLink;
  store: PgStore;
  /** The address psql reached (`172.18.0.2`), for \conninfo. */
  address?: string;
}

/** The databases of the server behind `link` (its PGDATA, owned by postgres). */
export function pgStore(link: ServerLink): PgStore {
  const owner = link.env.POSTGRES_USER || 'postgres';
  const pgdata = link.env.PGDATA || '/var/lib/postgresql/data';
  return new PgStore(link.fs, pgdata, { uid: 999, gid: 999 }, link.env.POSTGRES_DB || owner);
}

/**
 * psql connecting: the Unix socket without `-h` (local logins are trusted), else TCP over
 * the container's network to a postgres listening there, its pg_hba.conf's method for remote
 * logins (the image asks for a password), then the role and database.
 */
export function pgConnect(ctx: ProcessContext, o: PsqlArgs): PgConnection | ProgramRun {
  let at: string;
  let link: ServerLink;
  let address: string | undefined;
  if (!o.host || o.host.startsWith('/')) {
    const dir = o.host ?? '/var/run/postgresql';
    at = `connection to server on socket "${dir}/.s.PGSQL.${o.port}" failed`;
    const local = localLink(ctx, 'postgres', false);
    if (!local)
      return fail(
        `${at}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`,
      );
    link = local;
  } else {
    const host = o.host;
    const found = tcpLink(ctx, host, o.port, 'postgres');
    if ('kind' in found) {
      if (found.kind === 'unknown-host')
        return fail(`could not translate host name "${host}" to address: Name or service not known`);
      at = `connection to server at "${host}" (${found.ip}), port ${o.port} failed`;
      const hint = '\n\tIs the server running on that host and accepting TCP/IP connections?';
      if (found.kind === 'refused') return fail(`${at}: Connection refused${hint}`);
      if (found.kind === 'unreachable')
        return finished('', `psql: error: ${at}: Connection timed out${hint}\n`, 2, 130_000);
      return fail(
        `${at}: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.`,
      );
    }
    link = found;
    address = ctx.net?.dns(host) ?? host;
    at = `connection to server at "${host}" (${address}), port ${o.port} failed`;
    if (link.remote && hostMethod(link) !== 'trust') {
      const password = ctx.env.PGPASSWORD;
      if (password === undefined) return fail(`${at}: fe_sendauth: no password supplied`);
      if (password !== (link.env.POSTGRES_PASSWORD ?? ''))
        return fail(`${at}: FATAL:  password authentication failed for user "${o.user}"`);
    }
  }
  const owner = link.env.POSTGRES_USER || 'postgres';
  if (o.user !== owner) return fail(`${at}: FATAL:  role "${o.user}" does not exist`);
  const store = pgStore(link);
  if (!store.hasDatabase(o.db)) return fail(`${at}: FATAL:  database "${o.db}" does not exist`);
  return { link, store, ...(address ? { address } : {}) };
}

/** The connection checks alone: the error run, or undefined when the session may proceed. */
export function connectRemote(ctx: ProcessContext, o: PsqlArgs): ProgramRun | undefined {
  const r = pgConnect(ctx, o);
  return 'events' in r ? r : undefined;
}

/** A query needing no tables (`SELECT 1`, `SELECT version()`), printed as psql does. */
export function runQuery(o: PsqlArgs, version: string): ProgramRun | undefined {
  const session = new SqlSession(new MemoryCatalog([o.db]), {
    dialect: 'postgres',
    version,
    now: 0,
    db: o.db,
    user: o.user,
    host: 'localhost',
  });
  try {
    const r = session.run((o.command ?? '').trim().replace(/;\s*$/, ''));
    return r.kind === 'rows' ? finished(psqlRows(r, o)) : undefined;
  } catch {
    return undefined;
  }
}
