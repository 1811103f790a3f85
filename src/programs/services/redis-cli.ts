import { createHash } from 'node:crypto';
import { finished, Output } from '../run.js';
import { localLink, type ServerLink, tcpLink } from '../sql/link.js';
import { replay } from '../sql/replay.js';
import type { ProcessContext, Program, ProgramRun, ReplSession } from '../types.js';
import { versionOf } from './common.js';
import { execute, type RedisState } from './redis-cli-commands.js';
import { rawReply, splitArgs, ttyReply } from './redis-cli-format.js';
import { RedisData } from './redis-cli-store.js';

const AUTH_WARNING =
  "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";

interface CliArgs {
  host: string;
  port: number;
  password?: string;
  db: number;
  raw?: boolean;
  exitOnError: boolean;
  noAuthWarning: boolean;
  command: string[];
}

function parse(argv: string[]): CliArgs {
  const a: CliArgs = {
    host: '127.0.0.1',
    port: 6379,
    db: 0,
    exitOnError: false,
    noAuthWarning: false,
    command: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (a.command.length) a.command.push(arg);
    else if (arg === '-h') a.host = argv[++i] ?? a.host;
    else if (arg === '-p') a.port = Number(argv[++i]) || 6379;
    else if (arg === '-a' || arg === '--pass') a.password = argv[++i] ?? '';
    else if (arg === '-n') a.db = Number(argv[++i]) || 0;
    else if (arg === '--raw') a.raw = true;
    else if (arg === '--no-raw') a.raw = false;
    else if (arg === '-e') a.exitOnError = true;
    else if (arg === '--no-auth-warning') a.noAuthWarning = true;
    else a.command.push(arg);
  }
  return a;
}

/** The server's working directory, where it keeps dump.rdb (`--dir`, else the image's /data). */
function serverDir(ctx: ProcessContext, link: ServerLink): string {
  const i = link.argv.indexOf('--dir');
  if (i >= 0 && link.argv[i + 1]) return link.argv[i + 1]!;
  if (link.cwd) return link.cwd.replace(/(.)\/$/, '$1');
  return link.fs.stat('/data')?.type === 'dir' ? '/data' : ctx.cwd;
}

function infoLines(ctx: ProcessContext, link: ServerLink, version: string, port: number): string[] {
  const uts = ctx.sys.uts();
  const up =
    link.startedAt === undefined ? 0 : Math.max(0, Math.floor((ctx.sys.now() - link.startedAt) / 1000));
  return [
    `redis_version:${version}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    `redis_build_id:${createHash('sha256').update(`redis-${version}`).digest('hex').slice(0, 16)}`,
    'redis_mode:standalone',
    `os:${uts.sysname} ${uts.release} ${uts.machine}`,
    'arch_bits:64',
    `tcp_port:${port}`,
    `uptime_in_seconds:${up}`,
    `uptime_in_days:${Math.floor(up / 86400)}`,
    'executable:/data/redis-server',
    'config_file:',
  ];
}

type Connected = { state: RedisState; label: string };

function connect(ctx: ProcessContext, a: CliArgs, version: string): Connected | string {
  const local = a.host === '127.0.0.1' || a.host === 'localhost';
  const link = local
    ? (localLink(ctx, 'redis-server', true) ?? { kind: 'refused' })
    : tcpLink(ctx, a.host, a.port, 'redis-server');
  if ('kind' in link) {
    const why = { 'unknown-host': 'Name or service not known', unreachable: 'Connection timed out' }[
      link.kind as string
    ];
    return `Could not connect to Redis at ${a.host}:${a.port}: ${why ?? 'Connection refused'}\n`;
  }
  const pass = link.argv.indexOf('--requirepass');
  const password = pass >= 0 ? link.argv[pass + 1] : undefined;
  const data = new RedisData(link.fs, serverDir(ctx, link), ctx.sys.now());
  const state: RedisState = {
    data,
    db: a.db,
    ...(password !== undefined ? { password } : {}),
    authed: password !== undefined && a.password === password,
    now: ctx.sys.now(),
    info: () => infoLines(ctx, link, version, a.port),
  };
  return { state, label: `${a.host}:${a.port}` };
}

/** One command line run against the server, its reply formatted for a terminal or a pipe. */
function command(c: Connected, words: string[], tty: boolean): { out: string; error: boolean } {
  const reply = execute(words, c.state);
  c.state.data.write();
  const raw = !tty || words[0]?.toLowerCase() === 'info';
  return { out: raw ? `${rawReply(reply)}\n` : ttyReply(reply), error: reply.t === 'error' };
}

function session(c: Connected, warning: string): ReplSession {
  const prompt = () => `${c.label}${c.state.db ? `[${c.state.db}]` : ''}> `;
  return {
    banner: warning,
    prompt,
    line(text) {
      const words = splitArgs(text);
      if (!words) return { output: 'Invalid argument(s)\n' };
      if (!words.length) return { output: '' };
      if (['quit', 'exit'].includes(words[0]!.toLowerCase())) return { output: '', exit: 0 };
      return { output: command(c, words, true).out };
    },
  };
}

/** redis-cli: one command from its arguments, lines from stdin, or a prompt on a terminal. */
export function redisCli(name: string): Program {
  const prepare = (ctx: ProcessContext) => {
    const a = parse(ctx.argv.slice(1));
    const version = versionOf(ctx, '7.2.5', name.split('@')[1]);
    const warning = a.password !== undefined && !a.noAuthWarning ? AUTH_WARNING : '';
    return { a, version, warning };
  };
  return {
    name,
    async run(ctx): Promise<ProgramRun> {
      const { a, version, warning } = prepare(ctx);
      if (a.command[0] === '-v' || a.command[0] === '--version') return finished(`redis-cli ${version}\n`);
      const c = connect(ctx, a, version);
      if (typeof c === 'string') {
        if (a.command.length === 0 && ctx.tty)
          return {
            events: [
              { at: 0, kind: 'stderr', text: `${warning}${c}` },
              { at: 0, kind: 'stdout', text: 'not connected> ' },
            ],
          };
        return finished('', warning + c, 1);
      }
      const tty = a.raw === undefined ? ctx.tty : !a.raw;
      if (a.command.length) {
        const r = command(c, a.command, tty);
        return finished(r.out, warning, r.error && a.exitOnError ? 1 : 0);
      }
      if (ctx.tty) return replay(session(c, warning), ctx, '');
      // Without a terminal every line of stdin is a command.
      const o = new Output().err(warning);
      for (const line of (ctx.stdin ?? '').split('\n')) {
        const words = splitArgs(line);
        if (!words?.length) continue;
        const r = command(c, words, tty);
        o.out(r.out);
        if (r.error && a.exitOnError) return o.exit(1);
      }
      return o.exit(0);
    },
    session(ctx) {
      const { a, version, warning } = prepare(ctx);
      if (!ctx.tty || a.command.length) return undefined;
      const c = connect(ctx, a, version);
      return typeof c === 'string' ? undefined : session(c, warning);
    },
  };
}
