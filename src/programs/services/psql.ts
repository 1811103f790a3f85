import { type PgConnection, type PsqlArgs, pgConnect, psqlArgs } from '../net/pg.js';
import { finished, Output } from '../run.js';
import { replay } from '../sql/replay.js';
import type { ProcessContext, Program, ProgramRun, ReplSession } from '../types.js';
import { pgFacts } from './postgres-log.js';
import { PsqlShell } from './psql-shell.js';

function shellFor(ctx: ProcessContext, o: PsqlArgs, conn: PgConnection, source?: string): PsqlShell {
  const pg = pgFacts({ ...ctx, env: conn.link.env });
  const version = `PostgreSQL ${pg.version} (Debian ${pg.package}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
  const facts = {
    dialect: 'postgres' as const,
    version,
    now: ctx.sys.now(),
    db: o.db,
    user: o.user,
    host: o.host ?? 'localhost',
  };
  return new PsqlShell(
    conn,
    facts,
    { tuplesOnly: o.tuplesOnly, unaligned: o.unaligned, quiet: o.quiet },
    source,
  );
}

const interactive = (ctx: ProcessContext, o: PsqlArgs) =>
  ctx.tty && o.command === undefined && o.file === undefined && !o.list;

function session(ctx: ProcessContext, o: PsqlArgs, conn: PgConnection): ReplSession {
  const pg = pgFacts(ctx);
  const shell = shellFor(ctx, o, conn);
  return {
    banner: `psql (${pg.version} (Debian ${pg.package}))\nType "help" for help.\n\n`,
    prompt: () => shell.prompt(),
    line(text) {
      const r = shell.line(text);
      return { output: r.out + r.err, ...(r.quit ? { exit: 0 } : {}) };
    },
  };
}

/** Lines of a script (`-f`, or stdin without a terminal): errors reported, the rest still run. */
function script(shell: PsqlShell, text: string): ProgramRun {
  const o = new Output();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const r = shell.line(line);
    o.out(r.out).err(r.err);
    if (r.quit) return o.exit(0);
  }
  const last = shell.finish();
  return o.out(last.out).err(last.err).exit(0);
}

/** psql: `-c`, scripts on stdin or `-f`, `-l`, and a session on a terminal. */
export const psql: Program = {
  name: 'psql',
  async run(ctx): Promise<ProgramRun> {
    const pg = pgFacts(ctx);
    if (ctx.argv.slice(1).some((a) => a === '-V' || a === '--version'))
      return finished(`psql (PostgreSQL) ${pg.version} (Debian ${pg.package})\n`);
    const o = psqlArgs(ctx);
    const conn = pgConnect(ctx, o);
    if ('events' in conn) return conn;
    if (interactive(ctx, o)) return replay(session(ctx, o, conn), ctx, '\\q\n');
    if (o.list) return finished(shellFor(ctx, o, conn).line('\\l').out);
    if (o.command !== undefined) {
      const r = shellFor(ctx, o, conn).command(o.command);
      return finished(r.out, r.err, r.failed ? 1 : 0);
    }
    if (o.file !== undefined) {
      let text: string;
      try {
        text = ctx.fs
          .readFile(o.file.startsWith('/') ? o.file : `${ctx.cwd.replace(/\/$/, '')}/${o.file}`)
          .toString('utf8');
      } catch {
        return finished('', `psql: error: ${o.file}: No such file or directory\n`, 1);
      }
      return script(shellFor(ctx, o, conn, o.file), text);
    }
    return script(shellFor(ctx, o, conn, '<stdin>'), ctx.stdin ?? '');
  },
  session(ctx) {
    const o = psqlArgs(ctx);
    if (!interactive(ctx, o) || ctx.argv.slice(1).some((a) => a === '-V' || a === '--version'))
      return undefined;
    const conn = pgConnect(ctx, o);
    return 'events' in conn ? undefined : session(ctx, o, conn);
  },
};
