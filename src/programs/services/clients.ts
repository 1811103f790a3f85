import { connectRemote, psqlArgs, runQuery } from '../net/pg.js';
import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun } from '../types.js';
import { isRunning, notSimulated, programVersion, versionOf } from './common.js';
import { pgFacts } from './postgres-log.js';

/** A tool of which the simulation knows its version output, and says so for the rest. */
export function versionTool(
  name: string,
  fallback: string,
  answer: (v: string, ctx: ProcessContext) => string | undefined,
): Program {
  const fixed = name.split('@')[1];
  return {
    name,
    run(ctx) {
      const out = answer(versionOf(ctx, fallback, fixed), ctx);
      return out === undefined ? notSimulated(ctx, `"${ctx.argv.join(' ')}"`) : finished(out);
    },
  };
}

// Option parsers stop at --version wherever it stands (`mysql --user=root --version`).
const isVersion = (ctx: ProcessContext, ...flags: string[]) =>
  ctx.argv.slice(1).some((a) => flags.includes(a));

export const npm = (name: string) =>
  versionTool(name, '10.7.0', (v, ctx) => (isVersion(ctx, '-v', '--version') ? `${v}\n` : undefined));
export const yarn = (name: string) =>
  versionTool(name, '1.22.22', (v, ctx) => (isVersion(ctx, '-v', '--version') ? `${v}\n` : undefined));
export const goTool = (name: string) =>
  versionTool(name, '1.22.5', (v, ctx) =>
    ctx.argv[1] === 'version' ? `go version go${v} linux/amd64\n` : undefined,
  );
export const pip = (name: string) =>
  versionTool(name, '24.0', (v, ctx) => {
    if (!isVersion(ctx, '-V', '--version')) return undefined;
    const py = programVersion(ctx, 'python3', '3.12.4').split('.').slice(0, 2).join('.');
    return `pip ${v} from /usr/local/lib/python${py}/site-packages/pip (python ${py})\n`;
  });

/** Host and port of a client's `-h`/`-p` options (what it would connect to). */
function target(args: string[], port: number): { host: string; port: number; local: boolean } {
  const h = args.indexOf('-h');
  const p = args.indexOf('-p');
  const host = h >= 0 ? (args[h + 1] ?? '127.0.0.1') : '127.0.0.1';
  return {
    host,
    port: p >= 0 ? Number(args[p + 1]) || port : port,
    local: ['127.0.0.1', 'localhost', '::1'].includes(host),
  };
}

/** redis-cli: its version, and PING/ECHO against a redis-server of the same container. */
export function redisCli(name: string): Program {
  return {
    name,
    run(ctx) {
      const args = ctx.argv.slice(1);
      const version = versionOf(ctx, '7.2.5', name.split('@')[1]);
      if (args[0] === '-v' || args[0] === '--version') return finished(`redis-cli ${version}\n`);
      const to = target(args, 6379);
      const warn =
        args.includes('-a') && !args.includes('--no-auth-warning')
          ? "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n"
          : '';
      const command = args.filter(
        (a, i) => !a.startsWith('-') && !['-h', '-p', '-a', '-n'].includes(args[i - 1] ?? ''),
      );
      if (!to.local || !isRunning(ctx, 'redis-server')) {
        const why = to.local || /^[\d.]+$/.test(to.host) ? 'Connection refused' : 'Name or service not known';
        const refused = `Could not connect to Redis at ${to.host}:${to.port}: ${why}\n`;
        if (command.length === 0 && ctx.tty)
          return {
            events: [
              { at: 0, kind: 'stderr', text: `${warn}${refused}` },
              { at: 0, kind: 'stdout', text: 'not connected> ' },
            ],
          };
        return finished('', warn + refused, 1);
      }
      const reply = (words: string[]): string | undefined => {
        const cmd = words[0]?.toUpperCase();
        if (cmd === 'PING') return words[1] === undefined ? 'PONG' : ctx.tty ? `"${words[1]}"` : words[1];
        if (cmd === 'ECHO' && words[1] !== undefined) return ctx.tty ? `"${words[1]}"` : words[1];
        return undefined;
      };
      if (command.length === 0) {
        if (!ctx.tty) return notSimulated(ctx, 'reading commands from stdin');
        return { events: [{ at: 0, kind: 'stdout', text: `${to.host}:${to.port}> ` }] };
      }
      const out = reply(command);
      return out === undefined ? notSimulated(ctx, `the command ${command[0]}`) : finished(`${out}\n`, warn);
    },
  };
}

/** The mysql client: its version; without a server in the container, the socket error. */
export function mysqlClient(name: string): Program {
  return {
    name,
    run(ctx) {
      const version = versionOf(ctx, '8.0.38', name.split('@')[1]);
      if (isVersion(ctx, '-V', '--version'))
        return finished(`mysql  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
      if (isRunning(ctx, 'mysqld')) return notSimulated(ctx, 'an SQL session');
      return finished(
        '',
        "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n",
        1,
      );
    },
  };
}

/** psql: its version; the socket error without a server; as root, the missing role. */
export const psql: Program = {
  name: 'psql',
  run(ctx): ProgramRun {
    const pg = pgFacts(ctx);
    if (isVersion(ctx, '-V', '--version'))
      return finished(`psql (PostgreSQL) ${pg.version} (Debian ${pg.package})\n`);
    // network: `psql -h HOST` connects over the container's network; `-c` runs simple queries.
    const args = psqlArgs(ctx);
    const version = `PostgreSQL ${pg.version} (Debian ${pg.package}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
    if (args.host && !args.host.startsWith('/')) {
      const failed = connectRemote(ctx, args);
      if (failed) return failed;
      return (
        runQuery(args, version) ??
        notSimulated(ctx, args.command ? `the query "${args.command}"` : 'an SQL session')
      );
    }
    const socket = '/var/run/postgresql/.s.PGSQL.5432';
    if (!isRunning(ctx, 'postgres')) {
      return finished(
        '',
        `psql: error: connection to server on socket "${socket}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`,
        2,
      );
    }
    const u = ctx.argv.indexOf('-U');
    const role = u >= 0 ? ctx.argv[u + 1] : (ctx.env.PGUSER ?? ctx.user);
    if (role === 'root')
      return finished(
        '',
        `psql: error: connection to server on socket "${socket}" failed: FATAL:  role "root" does not exist\n`,
        2,
      );
    return runQuery(args, version) ?? notSimulated(ctx, 'an SQL session');
  },
};

/** mongosh: its version; without a mongod in the container, the refused connection. */
export function mongosh(name: string): Program {
  return {
    name,
    run(ctx) {
      const version = versionOf(ctx, '2.2.10', name.split('@')[1]);
      if (isVersion(ctx, '--version')) return finished(`${version}\n`);
      if (isRunning(ctx, 'mongod')) return notSimulated(ctx, 'a shell session');
      const id = Array.from({ length: 24 }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
      const url = `mongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${version}`;
      return finished(
        `Current Mongosh Log ID:\t${id}\nConnecting to:\t\t${url}\n`,
        'MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n',
        1,
      );
    },
  };
}
