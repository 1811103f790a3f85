import { createHash } from 'node:crypto';
import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  passwdUser,
  readText,
  signalName,
  signalTimeline,
  startOf,
  versionOf,
  writeStamped,
} from './common.js';
import { execInto, reexecAs } from './exec.js';
import { epochSeconds, redisTime } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

const OVERCOMMIT =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/**
 * The redis image's docker-entrypoint.sh: options and `*.conf` get `redis-server` put in
 * front; as root it re-executes itself as `redis` through gosu; then it execs the command.
 */
export const redisEntrypoint: Program = {
  name: 'docker-entrypoint:redis',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    let args = ctx.argv.slice(1);
    if (args[0]?.startsWith('-') || args[0]?.endsWith('.conf')) args = ['redis-server', ...args];
    t.memory(0.9 * MiB);
    if (args[0] !== 'redis-server' || ctx.uid !== 0) return execInto(ctx, t, args);
    const redis = passwdUser(ctx, 'redis', 999);
    t.wait(3);
    reexecAs(t, ctx, '/bin/sh', args, redis);
    t.wait(2);
    return execInto(ctx, t, args, redis);
  },
};

/** `--port 6380` on the command line, else `port 6380` in the config file, else 6379. */
function portOf(args: string[], config: string): number {
  const i = args.indexOf('--port');
  if (i >= 0) return Number(args[i + 1]) || 6379;
  const m = /^\s*port\s+(\d+)/m.exec(config);
  return m ? Number(m[1]) : 6379;
}

export function redisServerProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runRedis(ctx, versionOf(ctx, '7.2.5', fixed)) };
}

function runRedis(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    const build = createHash('sha256').update(`redis-${version}`).digest('hex').slice(0, 16);
    return finished(
      `Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=${build}\n`,
    );
  }
  const file = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
  const config = file ? readText(ctx, file) : '';
  if (config === undefined) {
    return finished(
      '',
      `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nFatal error, can't open config file '${file}': No such file or directory\n`,
      1,
    );
  }
  const t = new Timeline(startOf(ctx));
  const pid = ctx.sys.selfPid();
  const port = portOf(args, config);
  const log = (role: string, level: string, text: string) =>
    t.err(`${pid}:${role} ${redisTime(t.clock())} ${level} ${text}\n`);
  t.exec({ argv: ctx.argv, comm: 'redis-server', cmdline: `redis-server *:${port}` });
  t.memory(2.5 * MiB).cpu(0.02);
  if ((readText(ctx, '/proc/sys/vm/overcommit_memory') ?? '0').trim() !== '1') log('C', '#', OVERCOMMIT);
  log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
  if (args.length === 0) {
    log(
      'C',
      '#',
      'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
    );
  } else log('C', '#', 'Configuration loaded');
  t.wait(1);
  log('M', '*', 'monotonic clock: POSIX clock_gettime');
  log('M', '*', `Running mode=standalone, port=${port}.`);
  t.listen(port);
  log('M', '*', 'Server initialized');
  const dump = `${ctx.cwd.replace(/\/$/, '')}/dump.rdb`;
  const saved = ctx.fs.stat(dump);
  if (saved) {
    log('M', '*', `Loading RDB produced by version ${version}`);
    log('M', '*', `RDB age ${Math.max(0, epochSeconds(t.clock()) - saved.mtime)} seconds`);
    log('M', '*', 'RDB memory usage when created 0.83 Mb');
    log('M', '*', 'Done loading RDB, keys loaded: 0, keys expired: 0.');
    log('M', '*', 'DB loaded from disk: 0.000 seconds');
  }
  log('M', '*', 'Ready to accept connections tcp');
  t.wait(50)
    .memory(3.8 * MiB)
    .cpu(0.002);
  return t.running((signal) => onSignal(ctx, dump, signal));
}

/** SIGTERM and SIGINT: save the dataset to dump.rdb, then exit 0. */
function onSignal(ctx: ProcessContext, dump: string, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  if (name !== 'SIGTERM' && name !== 'SIGINT') return defaultAction(ctx, signal);
  const t = signalTimeline(ctx);
  const pid = ctx.sys.selfPid();
  const log = (level: string, text: string) => t.err(`${pid}:M ${redisTime(t.clock())} ${level} ${text}\n`);
  t.err(`${pid}:signal-handler (${epochSeconds(t.clock())}) Received ${name} scheduling shutdown...\n`);
  t.wait(60);
  log('*', 'User requested shutdown...');
  log('*', 'Saving the final RDB snapshot before exiting.');
  t.wait(4);
  writeStamped(ctx, dump, 'REDIS0011', t.clock(), 0o600);
  log('*', 'DB saved on disk');
  log('#', 'Redis is now ready to exit, bye bye...');
  return t.exit(0).events;
}
