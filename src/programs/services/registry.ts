import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import { defaultAction, notSimulated, readText, signalName, startOf, versionOf } from './common.js';
import { MiB, Timeline } from './timeline.js';

const NO_SECRET =
  'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.';

function uuid(ctx: ProcessContext): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(ctx.random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** logrus' RFC 3339 time with nanoseconds, trailing zeros dropped as Go prints them. */
function logrusTime(ms: number, nanos: number): string {
  const iso = new Date(Math.floor(ms)).toISOString().slice(0, 19);
  const frac = `${String(Math.floor(ms) % 1000).padStart(3, '0')}${String(nanos).padStart(6, '0')}`.replace(
    /0+$/,
    '',
  );
  return frac ? `${iso}.${frac}Z` : `${iso}Z`;
}

/** The `http.addr` port of the YAML configuration (REGISTRY_HTTP_ADDR overrides it). */
function portOf(ctx: ProcessContext, config: string): number {
  const addr = ctx.env.REGISTRY_HTTP_ADDR ?? /^\s+addr:\s*(\S+)/m.exec(config)?.[1] ?? ':5000';
  return Number(addr.slice(addr.lastIndexOf(':') + 1)) || 5000;
}

/** The Docker registry (distribution 2.x): `registry serve <config.yml>`. */
export function registryProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runRegistry(ctx, versionOf(ctx, '2.8.3', fixed)) };
}

function runRegistry(ctx: ProcessContext, version: string): ProgramRun {
  const [command, file] = ctx.argv.slice(1);
  if (command === '--version' || command === '-v')
    return finished(`${ctx.argv[0]} github.com/docker/distribution ${version}\n`);
  if (command !== 'serve') return notSimulated(ctx, `"${ctx.argv.slice(1).join(' ')}"`);
  const config = file ? readText(ctx, file) : undefined;
  if (config === undefined)
    return finished('', `configuration error: open ${file ?? ''}: no such file or directory\n`, 1);
  const t = new Timeline(startOf(ctx));
  const fields = `go.version=go1.20.8 instance.id=${uuid(ctx)} service=registry version=${version} `;
  const log = (level: string, msg: string) => {
    const nanos = Math.floor(ctx.random() * 1e6);
    t.err(`time="${logrusTime(t.clock(), nanos)}" level=${level} msg="${msg}" ${fields}\n`);
  };
  t.memory(6 * MiB).cpu(0.05);
  if (!ctx.env.REGISTRY_HTTP_SECRET && !/^\s+secret:/m.test(config)) log('warning', NO_SECRET);
  log('info', 'redis not configured');
  const minutes = Math.floor(ctx.random() * 60);
  log('info', `Starting upload purge in ${minutes === 0 ? '0s' : `${minutes}m0s`}`);
  log('info', 'using inmemory blob descriptor cache');
  t.wait(2);
  const port = portOf(ctx, config);
  t.listen(port);
  log('info', `listening on [::]:${port}`);
  t.wait(30)
    .cpu(0)
    .memory(9 * MiB);
  return t.running((signal) => onSignal(ctx, signal));
}

/**
 * A Go program without its own handler: the runtime catches SIGTERM/SIGINT/SIGHUP/SIGQUIT to
 * die of them, but as PID 1 the re-raised signal is ignored, so the runtime exits with 2.
 */
function onSignal(ctx: ProcessContext, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  if (!['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'].includes(name)) return defaultAction(ctx, signal);
  if (ctx.sys.selfPid() !== 1)
    return [
      {
        at: 0,
        kind: 'exit',
        code: 128 + (name === 'SIGTERM' ? 15 : name === 'SIGINT' ? 2 : name === 'SIGHUP' ? 1 : 3),
      },
    ];
  return [{ at: 1, kind: 'exit', code: 2 }];
}
