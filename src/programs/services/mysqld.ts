import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  mkdirStamped,
  readText,
  signalName,
  signalTimeline,
  startOf,
  versionOf,
  writeStamped,
} from './common.js';
import { type Mysqld, MysqlLog, mysqldFacts } from './mysql-log.js';
import { MiB, Timeline } from './timeline.js';

/** `--name=value` from argv, else `name=value` from /etc/my.cnf, else the default. */
export function mysqldOption(ctx: ProcessContext, args: string[], name: string, fallback: string): string {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  if (arg) return arg.slice(name.length + 3);
  const m = new RegExp(`^\\s*${name}\\s*=\\s*(\\S+)`, 'm').exec(readText(ctx, '/etc/my.cnf') ?? '');
  return m ? m[1]! : fallback;
}

function uuid(ctx: ProcessContext): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The files `mysqld --initialize` leaves in the data directory. `mysql/` is what the
 * entrypoint looks for to decide that the database exists; it carries the time of `when`.
 */
export function initDataDir(ctx: ProcessContext, datadir: string, when: number): void {
  for (const dir of ['#innodb_redo', 'performance_schema', 'sys'])
    mkdirStamped(ctx, `${datadir}/${dir}`, when);
  for (const file of ['ibdata1', 'mysql.ibd', 'undo_001', 'undo_002'])
    writeStamped(ctx, `${datadir}/${file}`, '', when, 0o640);
  writeStamped(ctx, `${datadir}/auto.cnf`, `[auto]\nserver-uuid=${uuid(ctx)}\n`, when, 0o640);
  mkdirStamped(ctx, `${datadir}/mysql`, when);
}

/** mysqld, the MySQL server (8.0 and 9.0 differ in a few log lines). */
export function mysqldProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runMysqld(ctx, versionOf(ctx, '8.0.38', fixed)) };
}

function runMysqld(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args.includes('--version') || args.includes('-V')) {
    return finished(`${ctx.path}  Ver ${version} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
  }
  const m = mysqldFacts(ctx, version, ctx.path);
  const t = new Timeline(startOf(ctx));
  const log = new MysqlLog(t);
  const self = ctx.sys.selfPid();
  const datadir = mysqldOption(ctx, args, 'datadir', '/var/lib/mysql').replace(/\/$/, '');
  t.memory(40 * MiB).cpu(1);
  if (args.some((a) => a === '--initialize' || a === '--initialize-insecure')) {
    log.initialize(m, self);
    initDataDir(ctx, datadir, t.start);
    return t.exit(0);
  }
  if (ctx.uid === 0 && mysqldOption(ctx, args, 'user', '') === '') {
    log.preamble(m);
    log.line(0, 'System', '010116', `${m.path} (mysqld ${version}) starting as process ${self}`);
    log.line(
      0,
      'ERROR',
      '010123',
      'Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!',
    );
    return abort(t, log, m);
  }
  if (!ctx.fs.stat(`${datadir}/mysql`)) {
    log.preamble(m);
    log.line(0, 'System', '010116', `${m.path} (mysqld ${version}) starting as process ${self}`);
    log.line(
      0,
      'ERROR',
      '013236',
      `The designated data directory ${datadir}/ is unusable. You can remove all files that the server added to it.`,
    );
    return abort(t, log, m);
  }
  log.start(m, self, true);
  t.listen(3306).listen(33060);
  t.wait(500)
    .cpu(0.01)
    .memory(390 * MiB);
  t.wait(2500).memory((m.framed ? 440 : 420) * MiB);
  return t.running((signal) => onSignal(ctx, m, signal));
}

function abort(t: Timeline, log: MysqlLog, m: Mysqld): ProgramRun {
  log.line(0, 'ERROR', '010119', 'Aborting');
  t.wait(20);
  log.line(
    0,
    'System',
    '010910',
    `${m.path}: Shutdown complete (mysqld ${m.version})  MySQL Community Server - GPL.`,
  );
  if (m.framed) log.line(0, 'System', '015016', 'MySQL Server - end.');
  return t.exit(1);
}

/** SIGTERM and SIGQUIT shut mysqld down cleanly (exit 0); it ignores SIGINT, SIGHUP flushes. */
function onSignal(ctx: ProcessContext, m: Mysqld, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  if (name === 'SIGHUP' || name === 'SIGINT' || name === 'SIGUSR1') return [];
  if (name !== 'SIGTERM' && name !== 'SIGQUIT') return defaultAction(ctx, signal);
  const t = signalTimeline(ctx);
  new MysqlLog(t).shutdown(m, { thread: 0, user: '<via user signal>' });
  return t.exit(0).events;
}
