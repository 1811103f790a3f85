import type { ProcessContext, Program } from '../types.js';
import { fileEnv, leftByEarlierStart, passwdUser, pidPlanner, programVersion, startOf } from './common.js';
import { contextFor, execInto, type RunAs, reexecAs } from './exec.js';
import { processInitFiles } from './init-files.js';
import { MysqlLog, mysqldFacts } from './mysql-log.js';
import { initDataDir, mysqldOption } from './mysqld.js';
import { rfc3339Seconds } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

const CHOICES = [
  '    - MYSQL_ROOT_PASSWORD',
  '    - MYSQL_ALLOW_EMPTY_PASSWORD',
  '    - MYSQL_RANDOM_ROOT_PASSWORD',
];

const ZONEINFO_SKIPPED = [
  'iso3166.tab',
  'leap-seconds.list',
  'leapseconds',
  'tzdata.zi',
  'zone.tab',
  'zone1970.tab',
];

/** Its notes: `2024-07-20 10:00:00+00:00 [Note] [Entrypoint]: …`; warnings and errors on stderr. */
function logger(t: Timeline) {
  const line = (level: string, text: string) =>
    `${rfc3339Seconds(t.clock())} [${level}] [Entrypoint]: ${text}\n`;
  return {
    note: (text: string) => t.out(line('Note', text)),
    warn: (text: string) => t.err(line('Warn', text)),
    error: (text: string) => t.err(line('ERROR', text)),
  };
}

function base64(ctx: ProcessContext, bytes: number): string {
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(ctx.random() * 256))).toString('base64');
}

/**
 * The mysql image's docker-entrypoint.sh. For `mysqld` it re-executes itself as `mysql`
 * through gosu, initialises an empty data directory (which needs a root password choice),
 * runs a temporary server to set it up, then execs mysqld; anything else is exec'd as is.
 */
export const mysqlEntrypoint: Program = {
  name: 'docker-entrypoint:mysql',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    const args = ctx.argv[1]?.startsWith('-') ? ['mysqld', ...ctx.argv.slice(1)] : ctx.argv.slice(1);
    const help = args.some((a) => ['-?', '--help', '--print-defaults', '-V', '--version'].includes(a));
    if (args[0] !== 'mysqld' || help) return execInto(ctx, t, args);
    const log = logger(t);
    const version = ctx.env.MYSQL_VERSION ?? `${programVersion(ctx, 'mysqld', '8.0.38')}-1.el9`;
    t.memory(3 * MiB);
    log.note(`Entrypoint script for MySQL Server ${version} started.`);
    let as: RunAs | undefined;
    if (ctx.uid === 0) {
      log.note("Switching to dedicated user 'mysql'");
      as = passwdUser(ctx, 'mysql', 999);
      t.wait(5);
      reexecAs(t, ctx, '/bin/bash', args, as);
      log.note(`Entrypoint script for MySQL Server ${version} started.`);
    }
    const datadir = mysqldOption(ctx, args.slice(1), 'datadir', '/var/lib/mysql').replace(/\/$/, '');
    if (!leftByEarlierStart(ctx, `${datadir}/mysql`, t.start)) {
      const code = await initialise(as ? contextFor(ctx, ctx.argv, ctx.path, as) : ctx, t, datadir, log);
      if (code !== 0) return t.exit(code);
    } else socketFix(ctx, t, datadir);
    return execInto(ctx, t, args, as);
  },
};

/** `ln -sfTv`: the socket where clients without the config look for it. */
function socketFix(ctx: ProcessContext, t: Timeline, datadir: string): void {
  const link = `${datadir}/mysql.sock`;
  t.out(`'${link}' -> '/var/run/mysqld/mysqld.sock'\n`);
  try {
    if (ctx.fs.lstat(link)) ctx.fs.remove(link);
    ctx.fs.symlink('/var/run/mysqld/mysqld.sock', link);
  } catch {
    // `|| :` in the script: a failed link is not an error
  }
}

async function initialise(
  ctx: ProcessContext,
  t: Timeline,
  datadir: string,
  log: ReturnType<typeof logger>,
): Promise<number> {
  const env = (name: string) => fileEnv(ctx, name);
  if (
    !env('MYSQL_ROOT_PASSWORD') &&
    !env('MYSQL_ALLOW_EMPTY_PASSWORD') &&
    !env('MYSQL_RANDOM_ROOT_PASSWORD')
  ) {
    log.error(
      [
        'Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        ...CHOICES,
      ].join('\n'),
    );
    return 1;
  }
  const user = env('MYSQL_USER');
  const password = env('MYSQL_PASSWORD');
  if (user === 'root') {
    log.error(
      [
        'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user',
        '    Remove MYSQL_USER="root" and use one of the following to control the root user password:',
        ...CHOICES,
      ].join('\n'),
    );
    return 1;
  }
  if (user && !password)
    log.warn('MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created');
  else if (!user && password)
    log.warn('MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored');

  const m = mysqldFacts(ctx, programVersion(ctx, 'mysqld', '8.0.38'));
  const server = new MysqlLog(t);
  const next = pidPlanner(ctx);
  const mysqld = ['mysqld', '--initialize-insecure', '--default-time-zone=SYSTEM'];
  log.note('Initializing database files');
  const initPid = next();
  t.spawn({
    key: 'mysqld-initialize',
    argv: mysqld,
    comm: 'mysqld',
    user: ctx.user,
    uid: ctx.uid,
    memory: 40 * MiB,
  });
  server.initialize(m, initPid, 'mysqld-initialize');
  initDataDir(ctx, datadir, t.start);
  t.childExit('mysqld-initialize', 0);
  log.note('Database files initialized');

  log.note('Starting temporary server');
  const temp = [
    'mysqld',
    '--skip-networking',
    '--default-time-zone=SYSTEM',
    '--socket=/var/run/mysqld/mysqld.sock',
  ];
  t.spawn({
    key: 'mysqld-temporary',
    argv: temp,
    comm: 'mysqld',
    user: ctx.user,
    uid: ctx.uid,
    memory: 60 * MiB,
  });
  server.start(m, next(), false, 'mysqld-temporary');
  t.wait(60).memory(350 * MiB, 'mysqld-temporary');
  log.note('Temporary server started.');
  socketFix(ctx, t, datadir);
  if (!ctx.env.MYSQL_INITDB_SKIP_TZINFO) {
    t.wait(900);
    for (const f of ZONEINFO_SKIPPED)
      t.err(`Warning: Unable to load '/usr/share/zoneinfo/${f}' as time zone. Skipping it.\n`);
  }
  if (env('MYSQL_RANDOM_ROOT_PASSWORD')) log.note(`GENERATED ROOT PASSWORD: ${base64(ctx, 24)}`);
  const database = env('MYSQL_DATABASE');
  if (database) log.note(`Creating database ${database}`);
  if (user && password) {
    log.note(`Creating user ${user}`);
    if (database) log.note(`Giving user ${user} access to schema ${database}`);
  }
  const code = await processInitFiles(ctx, t, log.note, true);
  if (code !== 0) return code;

  log.note('Stopping temporary server');
  server.shutdown(m, { thread: 12, user: 'root' });
  t.childExit('mysqld-temporary', 0);
  log.note('Temporary server stopped');
  t.out('\n');
  log.note('MySQL init process done. Ready for start up.');
  t.out('\n');
  return 0;
}
