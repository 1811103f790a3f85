import { SqlSession } from '../sql/exec.js';
import { type LinkFailure, localLink, type ServerLink, tcpLink } from '../sql/link.js';
import { MysqlStore } from '../sql/stores.js';
import type { ProcessContext } from '../types.js';
import type { MysqlArgs } from './mysql-client-args.js';

/** A logged-in client: its SQL session over the server's data directory. */
export interface MysqlConnection {
  session: SqlSession;
  version: string;
  link: ServerLink;
  user: string;
}

export interface ConnectError {
  text: string;
  /** Simulated ms before the client gives up (a connect timeout). */
  after?: number;
}

/** `NAME`, or the file `NAME_FILE` names (the image's `file_env`), read on the server. */
function serverEnv(link: ServerLink, name: string): string {
  if (link.env[name]) return link.env[name]!;
  const file = link.env[`${name}_FILE`];
  if (!file) return '';
  try {
    return link.fs.readFile(file).toString('utf8').replace(/\n$/, '');
  } catch {
    return '';
  }
}

function datadir(link: ServerLink): string {
  const arg = link.argv.find((a) => a.startsWith('--datadir='));
  if (arg) return arg.slice(10).replace(/\/$/, '');
  let conf = '';
  try {
    conf = link.fs.readFile('/etc/my.cnf').toString('utf8');
  } catch {
    // no configuration file: the compiled-in default
  }
  return (/^\s*datadir\s*=\s*(\S+)/m.exec(conf)?.[1] ?? '/var/lib/mysql').replace(/\/$/, '');
}

function linkError(f: LinkFailure, host: string, port: number): ConnectError {
  if (f.kind === 'unknown-host')
    return { text: `ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)\n` };
  if (f.kind === 'unreachable')
    return {
      text: `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (110)\n`,
      after: 10_000,
    };
  if (f.kind === 'refused' || f.kind === 'no-server')
    return { text: `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (111)\n` };
  return {
    text: "ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0\n",
  };
}

/**
 * Connects as mysql does: the Unix socket for localhost, TCP otherwise; then the account
 * (root's password from MYSQL_ROOT_PASSWORD, MYSQL_USER's from MYSQL_PASSWORD) and the database.
 */
export function connectMysql(
  ctx: ProcessContext,
  a: MysqlArgs,
  password: string | undefined,
  fallbackVersion: string,
): MysqlConnection | ConnectError {
  const host = a.host ?? 'localhost';
  let link: ServerLink | LinkFailure | undefined;
  if (host === 'localhost') {
    link = localLink(ctx, 'mysqld', false);
    if (!link)
      return {
        text: "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n",
      };
  } else link = tcpLink(ctx, host, a.port, 'mysqld');
  if (!('fs' in link)) return linkError(link, host, a.port);
  const user = a.user ?? ctx.env.USER ?? ctx.user;
  const dir = datadir(link);
  const accounts = new Map<string, string | undefined>();
  const root = serverEnv(link, 'MYSQL_ROOT_PASSWORD');
  accounts.set('root', root || (serverEnv(link, 'MYSQL_ALLOW_EMPTY_PASSWORD') ? '' : undefined));
  const appUser = serverEnv(link, 'MYSQL_USER');
  const appDb = serverEnv(link, 'MYSQL_DATABASE');
  if (appUser && serverEnv(link, 'MYSQL_PASSWORD')) accounts.set(appUser, serverEnv(link, 'MYSQL_PASSWORD'));
  const expected = accounts.get(user);
  if (expected === undefined || expected !== (password ?? '')) {
    const using = password ? 'YES' : 'NO';
    return {
      text: `ERROR 1045 (28000): Access denied for user '${user}'@'${link.clientHost}' (using password: ${using})\n`,
    };
  }
  const store = new MysqlStore(link.fs, dir, { uid: 999, gid: 999 });
  // The entrypoint creates MYSQL_DATABASE while it initialises the data directory.
  if (appDb && link.fs.stat(`${dir}/mysql`) && !store.hasDatabase(appDb)) store.createDatabase(appDb);
  const version = (link.env.MYSQL_VERSION ?? fallbackVersion).split('-')[0]!;
  const session = new SqlSession(store, {
    dialect: 'mysql',
    version,
    now: ctx.sys.now(),
    user,
    host: link.clientHost,
  });
  if (a.database !== undefined) {
    if (user !== 'root' && a.database !== appDb && a.database !== 'information_schema')
      return {
        text: `ERROR 1044 (42000): Access denied for user '${user}'@'%' to database '${a.database}'\n`,
      };
    if (!store.hasDatabase(a.database))
      return { text: `ERROR 1049 (42000): Unknown database '${a.database}'\n` };
    session.facts.db = a.database;
  }
  return { session, version, link, user };
}
