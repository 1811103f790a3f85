import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  pidPlanner,
  readText,
  signalName,
  signalTimeline,
  startOf,
  writeStamped,
} from './common.js';
import { type Pg, pgFacts, pgListen, pgLog, pgShutdown, pgStarting, pgStartup } from './postgres-log.js';
import { epochSeconds } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

const WORKERS = [
  'checkpointer',
  'background writer',
  'startup',
  'walwriter',
  'autovacuum launcher',
  'logical replication launcher',
];

export interface Postmaster {
  main: number;
  checkpointer: number;
  launcher: number;
  /** Spawn keys of its background processes (for child-exit). */
  keys: string[];
}

/**
 * A postmaster coming up: its sockets, its background processes (the startup process exits
 * once the database is consistent), then "ready to accept connections". `prefix` and `parent`
 * place the children of the entrypoint's temporary server under it.
 */
export function postmaster(
  t: Timeline,
  pg: Pg,
  o: {
    pid: number;
    next: () => number;
    listen: { addresses: string; port: number };
    lastUp: number;
    clean: boolean;
    as: { user: string; uid: number };
    prefix?: string;
    parent?: string;
  },
): Postmaster {
  pgStarting(t, pg, o.pid, o.listen);
  const pids = WORKERS.map(() => 0);
  const keys: string[] = [];
  const spawn = (i: number) => {
    pids[i] = o.next();
    const key = `${o.prefix ?? ''}${WORKERS[i]!.replaceAll(' ', '-')}`;
    if (i !== 2) keys.push(key);
    const title = `postgres: ${WORKERS[i]}`;
    const memory = [4, 2.5, 3, 2.5, 3.5, 2.8][i]! * MiB;
    t.spawn({
      key,
      argv: [title],
      cmdline: title,
      comm: 'postgres',
      ...o.as,
      memory,
      ...(o.parent ? { parent: o.parent } : {}),
    });
  };
  [0, 1, 2].forEach(spawn);
  t.wait(5);
  pgStartup(t, pids[2]!, pids[0]!, o.lastUp, o.clean);
  t.wait(3).childExit(`${o.prefix ?? ''}startup`, 0);
  [3, 4, 5].forEach(spawn);
  pgLog(t, o.pid, 'database system is ready to accept connections');
  return { main: o.pid, checkpointer: pids[0]!, launcher: pids[5]!, keys };
}

/** The postgres server binary (`postgres`, with PGDATA from the environment or `-D`). */
export const postgresServer: Program = {
  name: 'postgres',
  run(ctx) {
    const args = ctx.argv.slice(1);
    const pg = pgFacts(ctx);
    if (args.includes('--version') || args.includes('-V'))
      return finished(`postgres (PostgreSQL) ${pg.version} (Debian ${pg.package})\n`);
    if (ctx.uid === 0) {
      return finished(
        '',
        '"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n',
        1,
      );
    }
    const d = args.indexOf('-D');
    const pgdata = d >= 0 ? (args[d + 1] ?? pg.pgdata) : pg.pgdata;
    if (readText(ctx, `${pgdata}/postgresql.conf`) === undefined) {
      return finished(
        '',
        `postgres: could not access the server configuration file "${pgdata}/postgresql.conf": No such file or directory\n`,
        2,
      );
    }
    return serve(ctx, { ...pg, pgdata }, args);
  },
};

function serve(ctx: ProcessContext, pg: Pg, args: string[]): ProgramRun {
  const start = startOf(ctx);
  const t = new Timeline(start);
  const self = ctx.sys.selfPid();
  const pidFile = `${pg.pgdata}/postmaster.pid`;
  // A postmaster.pid left behind by an earlier start means that start never shut down cleanly.
  const previous = readText(ctx, pidFile)?.split('\n')[2];
  const clean = previous === undefined || previous === String(epochSeconds(start));
  const control = ctx.fs.stat(`${pg.pgdata}/global/pg_control`);
  const listen = pgListen(ctx, pg.pgdata, args);
  writeStamped(
    ctx,
    pidFile,
    `${self}\n${pg.pgdata}\n${epochSeconds(start)}\n${listen.port}\n/var/run/postgresql\n*\n`,
    start,
  );
  t.memory(18 * MiB).cpu(0.2);
  if (listen.addresses.trim() !== '') t.listen(listen.port);
  const lastUp = (control?.mtime ?? epochSeconds(start)) * 1000;
  const as = { user: ctx.user, uid: ctx.uid };
  const pm = postmaster(t, pg, { pid: self, next: pidPlanner(ctx), listen, lastUp, clean, as });
  if (!clean) touchControl(ctx, pg, t.clock());
  t.wait(100).cpu(0.001);
  return t.running((signal) => onSignal(ctx, pg, pm, signal));
}

function touchControl(ctx: ProcessContext, pg: Pg, when: number): void {
  try {
    ctx.fs.utimes(`${pg.pgdata}/global/pg_control`, epochSeconds(when));
  } catch {
    // no control file to date: nothing to record
  }
}

/** The workers as the kernel numbered them, by their titles (the plan when not visible). */
function live(ctx: ProcessContext, pm: Postmaster): Postmaster {
  const find = (title: string, planned: number) =>
    ctx.sys.processes().find((p) => p.args[0] === title)?.pid ?? planned;
  return {
    ...pm,
    checkpointer: find('postgres: checkpointer', pm.checkpointer),
    launcher: find('postgres: logical replication launcher', pm.launcher),
  };
}

/** SIGINT: fast shutdown (the image's stop signal), SIGTERM: smart, SIGQUIT: immediate, SIGHUP: reload. */
function onSignal(ctx: ProcessContext, pg: Pg, pm: Postmaster, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  const t = signalTimeline(ctx);
  const pids = live(ctx, pm);
  if (name === 'SIGHUP') {
    pgLog(t, pids.main, 'received SIGHUP, reloading configuration files');
    return t.events;
  }
  if (name === 'SIGQUIT') {
    // No shutdown checkpoint and postmaster.pid stays: the next start recovers.
    pgLog(t, pids.main, 'received immediate shutdown request');
    t.wait(5);
    pgLog(t, pids.main, 'database system is shut down');
  } else if (name === 'SIGINT' || name === 'SIGTERM') {
    pgShutdown(t, pids, name === 'SIGINT' ? 'fast' : 'smart', 3);
    touchControl(ctx, pg, t.clock());
    try {
      ctx.fs.remove(`${pg.pgdata}/postmaster.pid`);
    } catch {
      // already gone
    }
  } else return defaultAction(ctx, signal);
  for (const key of pm.keys) t.childExit(key, 0);
  return t.exit(0).events;
}
