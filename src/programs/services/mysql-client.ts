import { finished, Output } from '../run.js';
import { replay } from '../sql/replay.js';
import type { ProcessContext, Program, ProgramRun, ReplSession } from '../types.js';
import { versionOf } from './common.js';
import { type MysqlArgs, parseMysqlArgs } from './mysql-client-args.js';
import { connectMysql, type MysqlConnection } from './mysql-client-connect.js';
import { MysqlShell, REHASH_NOTE } from './mysql-client-shell.js';

const PASSWORD_WARNING = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';

function banner(conn: MysqlConnection, a: MysqlArgs): string {
  const db = conn.session.facts.db;
  const rehash = db && !a.noAutoRehash && conn.session.catalog.tables(db).length ? REHASH_NOTE : '';
  return `${rehash}Welcome to the MySQL monitor.  Commands end with ; or \\g.
Your MySQL connection id is 8
Server version: ${conn.version} MySQL Community Server - GPL

Copyright (c) 2000, 2024, Oracle and/or its affiliates.

Oracle is a registered trademark of Oracle Corporation and/or its
affiliates. Other names may be trademarks of their respective
owners.

Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;
}

const interactiveShell = (conn: MysqlConnection, a: MysqlArgs) =>
  new MysqlShell(
    conn,
    { interactive: true, table: true, vertical: a.vertical, header: true, raw: false },
    !a.noAutoRehash,
  );

/** The terminal session: `Enter password: ` first when -p came without a value. */
function mysqlSession(ctx: ProcessContext, a: MysqlArgs, version: string): ReplSession | undefined {
  const warning = typeof a.password === 'string' ? PASSWORD_WARNING : '';
  let shell: MysqlShell | undefined;
  const open = (password: string | undefined) => {
    const conn = connectMysql(ctx, a, password, version);
    if ('text' in conn) return conn;
    shell = interactiveShell(conn, a);
    return banner(conn, a);
  };
  if (a.password === null) {
    return {
      banner: '',
      prompt: () => (shell ? shell.prompt() : 'Enter password: '),
      line(text) {
        if (!shell) {
          const r = open(text);
          return typeof r === 'string' ? { output: r } : { output: r.text, exit: 1 };
        }
        return step(shell, text);
      },
    };
  }
  const first = open(a.password);
  if (typeof first !== 'string') return undefined;
  return { banner: warning + first, prompt: () => shell!.prompt(), line: (text) => step(shell!, text) };
}

function step(shell: MysqlShell, text: string): { output: string; exit?: number } {
  const r = shell.line(text);
  return { output: r.out + r.err, ...(r.quit ? { exit: 0 } : {}) };
}

function batch(ctx: ProcessContext, a: MysqlArgs, version: string): ProgramRun {
  const o = new Output();
  if (typeof a.password === 'string') o.err(PASSWORD_WARNING);
  let input = a.execute ?? ctx.stdin ?? '';
  let password = a.password ?? undefined;
  if (a.password === null) {
    // Without a terminal there is nobody to ask: the first line of input is taken as the password.
    const nl = input.indexOf('\n');
    password = a.execute !== undefined ? '' : nl < 0 ? input : input.slice(0, nl);
    if (a.execute === undefined) input = nl < 0 ? '' : input.slice(nl + 1);
  }
  const conn = connectMysql(ctx, a, password, version);
  if ('text' in conn)
    return o
      .wait(conn.after ?? 0)
      .err(conn.text)
      .exit(1);
  const silent = a.silent + (ctx.tty && !a.batch ? 0 : 1);
  const table = a.table || (silent === 0 && !a.batch);
  const shell = new MysqlShell(
    conn,
    {
      interactive: false,
      table,
      vertical: a.vertical,
      header: !a.skipColumnNames && (table || silent < 2),
      raw: a.raw,
    },
    false,
  );
  for (const text of input.split('\n')) {
    const r = shell.line(text);
    o.out(r.out).err(r.err);
    if (r.failed) return o.exit(1);
    if (r.quit) return o.exit(0);
  }
  const last = shell.finish();
  o.out(last.out).err(last.err);
  return o.exit(last.failed ? 1 : 0);
}

/** The mysql client: `-e` and piped statements in batch mode, a session on a terminal. */
export function mysqlClient(name: string): Program {
  const versionFor = (ctx: ProcessContext) => versionOf(ctx, '8.0.38', name.split('@')[1]);
  return {
    name,
    async run(ctx) {
      const a = parseMysqlArgs(ctx.argv.slice(1));
      const version = versionFor(ctx);
      if (a.version)
        return finished(`mysql  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
      if (a.unknown) return finished('', `mysql: [ERROR] unknown option '${a.unknown}'.\n`, 1);
      if (ctx.tty && a.execute === undefined) {
        const session = mysqlSession(ctx, a, version);
        if (session) return replay(session, ctx, 'Bye\n');
      }
      return batch(ctx, a, version);
    },
    session(ctx) {
      const a = parseMysqlArgs(ctx.argv.slice(1));
      if (!ctx.tty || a.execute !== undefined || a.version || a.unknown) return undefined;
      return mysqlSession(ctx, a, versionFor(ctx));
    },
  };
}
