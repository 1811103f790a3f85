import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  fileEnv,
  leftByEarlierStart,
  mkdirStamped,
  passwdUser,
  signalName,
  signalTimeline,
  startOf,
  versionOf,
  writeStamped,
} from './common.js';
import { execInto, reexecAs } from './exec.js';
import { mongoTime } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

/**
 * MongoDB's structured log, one JSON object per line, with its column padding:
 * `{"t":{"$date":…},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":…}`.
 */
function mongoLine(
  t: Timeline,
  s: 'I' | 'W',
  c: string,
  id: number,
  ctx: string,
  msg: string,
  extra: Record<string, unknown> = {},
): void {
  const pad = (text: string, width: number) => text.padEnd(width, ' ');
  const rest = Object.entries(extra)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join('');
  t.out(
    `{"t":{"$date":"${mongoTime(t.clock())}"},${pad(`"s":"${s}",`, 10)}${pad(`"c":"${c}",`, 16)}${pad(`"id":${id},`, 14)}"ctx":${JSON.stringify(ctx)},"msg":${JSON.stringify(msg)}${rest}}\n`,
  );
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The mongo image's docker-entrypoint.sh, for `mongod`: as root it re-executes itself as
 * `mongodb`; a lone MONGO_INITDB_ROOT_USERNAME or _PASSWORD is an error; both add `--auth`;
 * without `--bind_ip` it appends `--bind_ip_all`. Anything else is exec'd as is.
 */
export const mongoEntrypoint: Program = {
  name: 'docker-entrypoint:mongo',
  async run(ctx) {
    const t = new Timeline(startOf(ctx));
    let args = ctx.argv[1]?.startsWith('-') ? ['mongod', ...ctx.argv.slice(1)] : ctx.argv.slice(1);
    t.memory(3 * MiB);
    const mongodb = passwdUser(ctx, 'mongodb', 999);
    const drop = args[0]?.startsWith('mongo') && ctx.uid === 0;
    if (drop) {
      t.wait(5);
      reexecAs(t, ctx, '/bin/bash', args, mongodb);
    }
    if (args[0] === 'mongod') {
      const user = fileEnv(ctx, 'MONGO_INITDB_ROOT_USERNAME');
      const password = fileEnv(ctx, 'MONGO_INITDB_ROOT_PASSWORD');
      if (!user !== !password) {
        t.err(
          "\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n",
        );
        return t.exit(1);
      }
      if (user && password) args = [...args, '--auth'];
      if (!args.some((a) => a.startsWith('--bind_ip'))) args = [...args, '--bind_ip_all'];
    }
    return execInto(ctx, t, args, drop ? mongodb : undefined);
  },
};

export function mongodProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runMongod(ctx, versionOf(ctx, '7.0.12', fixed)) };
}

function runMongod(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args.includes('--version')) return finished(`db version v${version}\n`);
  const t = new Timeline(startOf(ctx));
  const pid = ctx.sys.selfPid();
  const port = Number(option(args, '--port') ?? 27017);
  const dbPath = option(args, '--dbpath') ?? '/data/db';
  const auth = args.includes('--auth');
  t.memory(60 * MiB).cpu(0.5);
  mongoLine(
    t,
    'I',
    'CONTROL',
    23285,
    'main',
    "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'",
  );
  mongoLine(t, 'I', 'NETWORK', 4915701, 'main', 'Initialized wire specification', {
    attr: {
      spec: {
        incomingExternalClient: { minWireVersion: 0, maxWireVersion: 21 },
        incomingInternalClient: { minWireVersion: 0, maxWireVersion: 21 },
        outgoing: { minWireVersion: 6, maxWireVersion: 21 },
        isInternalClient: true,
      },
    },
  });
  t.wait(5);
  const host = ctx.sys.uts().nodename;
  mongoLine(t, 'I', 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', {
    attr: { pid, port, dbPath, architecture: '64-bit', host },
  });
  mongoLine(t, 'I', 'CONTROL', 23403, 'initandlisten', 'Build Info', {
    attr: {
      buildInfo: {
        version,
        openSSLVersion: 'OpenSSL 3.0.2 15 Mar 2022',
        modules: [],
        allocator: 'tcmalloc',
        environment: { distmod: 'ubuntu2204', distarch: 'x86_64', target_arch: 'x86_64' },
      },
    },
  });
  mongoLine(t, 'I', 'CONTROL', 51765, 'initandlisten', 'Operating System', {
    attr: { os: { name: 'Ubuntu', version: '22.04' } },
  });
  const net = args.includes('--bind_ip_all')
    ? { bindIp: '*' }
    : { bindIp: option(args, '--bind_ip') ?? '127.0.0.1' };
  mongoLine(t, 'I', 'CONTROL', 21951, 'initandlisten', 'Options set by command line', {
    attr: { options: { net, ...(auth ? { security: { authorization: 'enabled' } } : {}) } },
  });
  if (!leftByEarlierStart(ctx, `${dbPath}/WiredTiger`, t.start)) {
    mkdirStamped(ctx, `${dbPath}/journal`, t.start);
    mkdirStamped(ctx, `${dbPath}/diagnostic.data`, t.start);
    writeStamped(ctx, `${dbPath}/WiredTiger`, 'WiredTiger\n', t.start, 0o600);
  }
  writeStamped(ctx, `${dbPath}/mongod.lock`, `${pid}\n`, t.start, 0o600);
  t.wait(400).memory(110 * MiB);
  mongoLine(
    t,
    'W',
    'STORAGE',
    22297,
    'initandlisten',
    'Using the XFS filesystem is strongly recommended with the WiredTiger storage engine. See http://dochub.mongodb.org/core/prodnotes-filesystem',
    { tags: ['startupWarnings'] },
  );
  if (!auth) {
    mongoLine(
      t,
      'W',
      'CONTROL',
      22120,
      'initandlisten',
      'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted',
      { tags: ['startupWarnings'] },
    );
  }
  t.wait(300);
  mongoLine(t, 'I', 'NETWORK', 23015, 'listener', 'Listening on', {
    attr: { address: `/tmp/mongodb-${port}.sock` },
  });
  const ips = net.bindIp === '*' ? ['0.0.0.0'] : net.bindIp.split(',');
  for (const address of ips)
    mongoLine(t, 'I', 'NETWORK', 23015, 'listener', 'Listening on', { attr: { address } });
  t.listen(port);
  mongoLine(t, 'I', 'NETWORK', 23016, 'listener', 'Waiting for connections', { attr: { port, ssl: 'off' } });
  t.wait(1000)
    .cpu(0.01)
    .memory(140 * MiB);
  t.wait(4000).memory(160 * MiB);
  return t.running((signal) => onSignal(ctx, dbPath, signal));
}

/** SIGTERM and SIGINT: a clean shutdown (mongod.lock emptied), exit 0. */
function onSignal(ctx: ProcessContext, dbPath: string, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  if (name !== 'SIGTERM' && name !== 'SIGINT') return defaultAction(ctx, signal);
  const t = signalTimeline(ctx);
  const number = name === 'SIGTERM' ? 15 : 2;
  mongoLine(t, 'I', 'CONTROL', 23377, 'SignalHandler', 'Received signal', {
    attr: { signal: number, error: name === 'SIGTERM' ? 'Terminated' : 'Interrupt' },
  });
  mongoLine(t, 'I', 'CONTROL', 23378, 'SignalHandler', 'Signal was sent by kill(2)', {
    attr: { pid: 0, uid: 0 },
  });
  mongoLine(t, 'I', 'CONTROL', 23381, 'SignalHandler', 'will terminate after current cmd ends');
  t.wait(120);
  writeStamped(ctx, `${dbPath}/mongod.lock`, '', t.clock(), 0o600);
  mongoLine(t, 'I', 'CONTROL', 20565, 'SignalHandler', 'Now exiting');
  mongoLine(t, 'I', 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { attr: { exitCode: 0 } });
  return t.exit(0).events;
}
