import type { ProcessContext, Program } from '../types.js';
import { leftByEarlierStart, passwdUser, startOf } from './common.js';
import { contextFor, execInto, type RunAs, reexecAs } from './exec.js';
import { initialise, verifyMinimumEnv } from './postgres-init.js';
import { type Pg, pgFacts } from './postgres-log.js';
import { MiB, Timeline } from './timeline.js';

function wantsHelp(args: string[]): boolean {
  return args.some(
    (a) => ['-?', '--help', '--describe-config', '-V', '--version'].includes(a) || a.startsWith('-C'),
  );
}

/** As root: own PGDATA, then `exec gosu postgres "$BASH_SOURCE" "$@"`. */
function dropRoot(ctx: ProcessContext, t: Timeline, pg: Pg, args: string[]): RunAs | undefined {
  if (ctx.uid !== 0) return undefined;
  const as = passwdUser(ctx, 'postgres', 999);
  try {
    ctx.fs.mkdir(pg.pgdata, { recursive: true });
    ctx.fs.chown(pg.pgdata, as.uid, as.gid);
    ctx.fs.chmod(pg.pgdata, 0o700);
  } catch {
    // a read-only or foreign mount: initdb will complain later in the real image
  }
  t.wait(5);
  reexecAs(t, ctx, '/bin/bash', args, as);
  return as;
}

/** Runs the rest of the entrypoint as the user `as` (the same process after gosu). */
function as(ctx: ProcessContext, user?: RunAs): ProcessContext {
  return user ? contextFor(ctx, ctx.argv, ctx.path, user) : ctx;
}

/**
 * The postgres image's docker-entrypoint.sh. For `postgres` (or options) it drops to the
 * postgres user, initialises an empty PGDATA (which needs POSTGRES_PASSWORD or trust), and
 * execs the server; anything else is exec'd as is.
 */
export const postgresEntrypoint: Program = {
  name: 'docker-entrypoint:postgres',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    const args = ctx.argv[1]?.startsWith('-') ? ['postgres', ...ctx.argv.slice(1)] : ctx.argv.slice(1);
    if (args[0] !== 'postgres' || wantsHelp(args)) return execInto(ctx, t, args);
    const pg = pgFacts(ctx);
    t.memory(3 * MiB);
    const user = dropRoot(ctx, t, pg, args);
    if (!leftByEarlierStart(ctx, `${pg.pgdata}/PG_VERSION`, t.start)) {
      if (!verifyMinimumEnv(ctx, t)) return t.exit(1);
      const code = await initialise(as(ctx, user), t, pg);
      if (code !== 0) return t.exit(code);
    } else {
      t.lines('stdout', [
        '',
        'PostgreSQL Database directory appears to contain a database; Skipping initialization',
        '',
      ]);
    }
    return execInto(ctx, t, args, user);
  },
};

/**
 * docker-ensure-initdb.sh: the same initialisation without starting the server afterwards
 * (an init container); a note when the database already exists.
 */
export const postgresEnsureInitdb: Program = {
  name: 'docker-ensure-initdb:postgres',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    const pg = pgFacts(ctx);
    const user = dropRoot(ctx, t, pg, ctx.argv.slice(1));
    const invoked = ctx.argv[0] ?? ctx.path;
    const self = invoked.slice(invoked.lastIndexOf('/') + 1);
    if (leftByEarlierStart(ctx, `${pg.pgdata}/PG_VERSION`, t.start)) {
      if (self === 'docker-enforce-initdb.sh') {
        t.err(`${self}: error: (unexpected) database found in '${pg.pgdata}'!\n`);
        return t.exit(1);
      }
      t.err(`${self}: note: database already initialized in '${pg.pgdata}'!\n`);
      return t.exit(0);
    }
    if (!verifyMinimumEnv(ctx, t)) return t.exit(1);
    return t.exit(await initialise(as(ctx, user), t, pg));
  },
};
