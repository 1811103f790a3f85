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
} from './common.js';
import { httpdTime } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

const CHILDREN = 3; // StartServers of the event MPM

interface HttpdConf {
  ports: number[];
  user: string;
  serverName: boolean;
}

function readConf(ctx: ProcessContext, root: string): HttpdConf | undefined {
  const text = readText(ctx, `${root}/conf/httpd.conf`);
  if (text === undefined) return undefined;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ports = lines.flatMap((l) => {
    const m = /^Listen\s+(?:\S*:)?(\d+)/i.exec(l);
    return m ? [Number(m[1])] : [];
  });
  const user = lines.find((l) => /^User\s/i.test(l))?.split(/\s+/)[1] ?? 'daemon';
  return {
    ports: ports.length > 0 ? ports : [80],
    user,
    serverName: lines.some((l) => /^ServerName\s/i.test(l)),
  };
}

/** The address Apache finds for the container's hostname in /etc/hosts (what AH00558 names). */
function ownAddress(ctx: ProcessContext): string | undefined {
  const host = ctx.sys.uts().nodename;
  for (const line of (readText(ctx, '/etc/hosts') ?? '').split('\n')) {
    const [ip, ...names] = line.trim().split(/\s+/);
    if (ip && !ip.startsWith('#') && names.includes(host)) return ip;
  }
  return undefined;
}

/** Apache httpd as httpd-foreground runs it (`httpd -DFOREGROUND`): a parent and 3 children. */
export function httpdProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runHttpd(ctx, versionOf(ctx, '2.4.62', fixed)) };
}

function runHttpd(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args.includes('-v') || args.includes('-V'))
    return finished(`Server version: Apache/${version} (Unix)\nServer built:   Jul 17 2024 23:30:07\n`);
  const d = args.indexOf('-d');
  const root = d >= 0 ? (args[d + 1] ?? '/usr/local/apache2') : '/usr/local/apache2';
  const conf = readConf(ctx, root);
  if (!conf)
    return finished(
      '',
      `httpd: Could not open configuration file ${root}/conf/httpd.conf: No such file or directory\n`,
      1,
    );
  const t = new Timeline(startOf(ctx));
  const warnings = serverNameWarnings(ctx, conf);
  if (args.includes('-t')) return finished('', `${warnings.join('')}Syntax OK\n`);
  const defines = args.flatMap((a, i) =>
    a.startsWith('-D') ? [a.length > 2 ? a.slice(2) : (args[i + 1] ?? '')] : [],
  );
  // Without FOREGROUND the parent detaches and this process returns: the container stops.
  if (!defines.includes('FOREGROUND')) return t.wait(20).exit(0);
  const www = passwdUser(ctx, conf.user, 33);
  t.memory(4.5 * MiB).cpu(0.02);
  for (const w of warnings) t.err(w);
  t.wait(5);
  for (const port of conf.ports) t.listen(port);
  for (let i = 1; i <= CHILDREN; i++) {
    t.spawn({
      key: `child-${i}`,
      argv: ctx.argv,
      comm: 'httpd',
      user: www.user,
      uid: www.uid,
      memory: 3.2 * MiB,
    });
  }
  const line = lineWriter(ctx, t);
  line('mpm_event', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
  line('core', `AH00094: Command line: '${commandLine(ctx.argv)}'`);
  t.wait(40).cpu(0.001);
  return t.running((signal) => onSignal(ctx, version, conf, signal));
}

function serverNameWarnings(ctx: ProcessContext, conf: HttpdConf): string[] {
  if (conf.serverName) return [];
  const ip = ownAddress(ctx);
  const host = ctx.sys.uts().nodename;
  const one = [
    ...(ip ? [] : [`AH00557: httpd: apr_sockaddr_info_get() failed for ${host}\n`]),
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message\n`,
  ];
  return [...one, ...one]; // the configuration is read twice at start
}

/** Apache writes `-DFOREGROUND` back as `-D FOREGROUND`. */
function commandLine(argv: string[]): string {
  const name = (argv[0] ?? 'httpd').split('/').pop()!;
  return [
    name,
    ...argv.slice(1).map((a) => (a.startsWith('-D') && a.length > 2 ? `-D ${a.slice(2)}` : a)),
  ].join(' ');
}

function lineWriter(ctx: ProcessContext, t: Timeline): (module: string, text: string) => void {
  const pid = ctx.sys.selfPid();
  let n = 0;
  return (module, text) => {
    n += 1;
    t.err(
      `[${httpdTime(t.clock(), (n * 337 + 123) % 1000)}] [${module}:notice] [pid ${pid}:tid ${pid}] ${text}\n`,
    );
  };
}

/** SIGWINCH (the image's stop signal): graceful stop; SIGTERM: stop; SIGHUP/SIGUSR1: restarts. */
function onSignal(ctx: ProcessContext, version: string, conf: HttpdConf, signal: string): TimelineEvent[] {
  const name = signalName(signal);
  const t = signalTimeline(ctx);
  const line = lineWriter(ctx, t);
  if (name === 'SIGHUP' || name === 'SIGUSR1') {
    line(
      'mpm_event',
      name === 'SIGHUP'
        ? 'AH00493: SIGHUP received.  Attempting to restart'
        : 'AH00494: SIGUSR1 received.  Doing graceful restart',
    );
    for (const w of serverNameWarnings(ctx, conf).slice(0, 1)) t.err(w);
    line('mpm_event', `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
    line('core', `AH00094: Command line: '${commandLine(ctx.argv)}'`);
    return t.events;
  }
  if (name === 'SIGWINCH') line('mpm_event', 'AH00492: caught SIGWINCH, shutting down gracefully');
  else if (name === 'SIGTERM' || name === 'SIGINT')
    line('mpm_event', 'AH00491: caught SIGTERM, shutting down');
  else return defaultAction(ctx, signal);
  t.wait(name === 'SIGWINCH' ? 30 : 5);
  for (let i = 1; i <= CHILDREN; i++) t.childExit(`child-${i}`, 0);
  return t.exit(0).events;
}
