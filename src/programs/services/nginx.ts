import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  passwdUser,
  pidPlanner,
  readText,
  signalName,
  startOf,
  versionOf,
  writeStamped,
} from './common.js';
import { readNginxConf } from './nginx-conf.js';
import { nginxTime } from './stamps.js';
import { MiB, Timeline } from './timeline.js';

/** The compiler line of `nginx -V` and of the start-up notices, by the image's distribution. */
function builtBy(ctx: ProcessContext): string {
  if (ctx.fs.stat('/etc/alpine-release')) return 'built by gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014) ';
  if ((readText(ctx, '/etc/debian_version') ?? '').startsWith('8.'))
    return 'built by gcc 4.9.2 (Debian 4.9.2-10) ';
  return 'built by gcc 12.2.0 (Debian 12.2.0-14) ';
}

interface Options {
  conf: string;
  globals: string;
  mode: 'serve' | 'version' | 'details' | 'test' | 'signal';
  signal?: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { conf: '/etc/nginx/nginx.conf', globals: '', mode: 'serve' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v') o.mode = 'version';
    else if (a === '-V') o.mode = 'details';
    else if (a === '-t' || a === '-T') o.mode = 'test';
    else if (a === '-g') o.globals += ` ${args[++i] ?? ''}`;
    else if (a === '-c') o.conf = args[++i] ?? o.conf;
    else if (a === '-s') {
      o.mode = 'signal';
      o.signal = args[++i];
    }
  }
  return o;
}

/** nginx: `nginx -g 'daemon off;'` runs a master process and one worker per CPU. */
export function nginxProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runNginx(ctx, versionOf(ctx, '1.27.0', fixed)) };
}

function runNginx(ctx: ProcessContext, version: string): ProgramRun {
  const o = parseArgs(ctx.argv.slice(1));
  const self = ctx.sys.selfPid();
  if (o.mode === 'version') return finished('', `nginx version: nginx/${version}\n`);
  if (o.mode === 'details')
    return finished('', `nginx version: nginx/${version}\n${builtBy(ctx)}\nTLS SNI support enabled\n`);
  const conf = readNginxConf(ctx, o.conf, o.globals);
  if (!conf) {
    const emerg = `nginx: [emerg] open() "${o.conf}" failed (2: No such file or directory)\n`;
    const tail = o.mode === 'test' ? `nginx: configuration file ${o.conf} test failed\n` : '';
    return finished('', emerg + tail, 1);
  }
  if (o.mode === 'test') {
    return finished(
      '',
      `nginx: the configuration file ${o.conf} syntax is ok\nnginx: configuration file ${o.conf} test is successful\n`,
    );
  }
  if (o.mode === 'signal') {
    const pid = readText(ctx, conf.pidFile)?.trim();
    const stamp = `${nginxTime(startOf(ctx))} [notice] ${self}#${self}:`;
    const target = { stop: 'SIGTERM', quit: 'SIGQUIT', reopen: 'SIGUSR1', reload: 'SIGHUP' }[o.signal ?? ''];
    if (!target) return finished('', `nginx: invalid option: "-s ${o.signal ?? ''}"\n`, 1);
    if (!pid)
      return finished(
        '',
        `nginx: [error] open() "${conf.pidFile}" failed (2: No such file or directory)\n`,
        1,
      );
    return {
      events: [
        { at: 0, kind: 'stderr', text: `${stamp} signal process started\n` },
        { at: 1, kind: 'signal', pid: Number(pid), signal: target },
        { at: 2, kind: 'exit', code: 0 },
      ],
    };
  }
  // Without `daemon off;` the master forks into the background and this process returns at
  // once: the container's main process is gone, so the container stops (a classic pitfall).
  if (conf.daemon) return new Timeline(startOf(ctx)).wait(4).exit(0);
  return serve(ctx, version, conf.workers === 'auto' ? ctx.sys.cpus() : conf.workers, conf);
}

function serve(
  ctx: ProcessContext,
  version: string,
  count: number,
  conf: NonNullable<ReturnType<typeof readNginxConf>>,
): ProgramRun {
  const t = new Timeline(startOf(ctx));
  const self = ctx.sys.selfPid();
  const alpine = ctx.fs.stat('/etc/alpine-release') !== undefined;
  const worker = passwdUser(ctx, conf.user, 65534);
  const next = pidPlanner(ctx);
  const workers = Array.from({ length: count }, () => next());
  const note = (pid: number, text: string) => {
    if (conf.notices) t.err(`${nginxTime(t.clock())} [notice] ${pid}#${pid}: ${text}\n`);
  };
  // The master rewrites its title; ps shows it instead of the argv.
  t.exec({ argv: ctx.argv, comm: 'nginx', cmdline: `nginx: master process ${ctx.argv.join(' ')}` });
  writeStamped(ctx, conf.pidFile, `${self}\n`, t.clock(), 0o644);
  t.memory((alpine ? 1.9 : 2.9) * MiB).cpu(0.02);
  note(self, 'using the "epoll" event method');
  note(self, `nginx/${version}`);
  note(self, builtBy(ctx));
  note(self, `OS: Linux ${ctx.sys.uts().release}`);
  note(self, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  t.wait(1);
  for (const port of conf.ports) t.listen(port);
  note(self, 'start worker processes');
  workers.forEach((pid, i) => {
    note(self, `start worker process ${pid}`);
    t.spawn({
      key: `worker-${i + 1}`,
      argv: ['nginx: worker process'],
      comm: 'nginx',
      cmdline: 'nginx: worker process',
      user: worker.user,
      uid: worker.uid,
      memory: (alpine ? 0.9 : 1.3) * MiB,
    });
  });
  t.wait(40).cpu(0);
  return t.running((signal) => onSignal(ctx, signal, workers, conf.notices));
}

/** The workers as the kernel numbered them (the plan when the table does not show them). */
function liveWorkers(ctx: ProcessContext, planned: number[]): number[] {
  const self = ctx.sys.selfPid();
  const seen = ctx.sys
    .processes()
    .filter((p) => p.ppid === self && p.comm === 'nginx')
    .map((p) => p.pid);
  return seen.length === planned.length ? seen.sort((a, b) => a - b) : planned;
}

function onSignal(ctx: ProcessContext, signal: string, planned: number[], notices: boolean): TimelineEvent[] {
  const name = signalName(signal);
  const start = startOf(ctx);
  const self = ctx.sys.selfPid();
  const events: TimelineEvent[] = [];
  let at = 0;
  const note = (pid: number, text: string) => {
    if (notices)
      events.push({ at, kind: 'stderr', text: `${nginxTime(start + at)} [notice] ${pid}#${pid}: ${text}\n` });
  };
  if (name === 'SIGHUP') {
    note(self, 'signal 1 (SIGHUP) received, reconfiguring');
    note(self, 'reconfiguring');
    return events;
  }
  if (name === 'SIGUSR1') {
    note(self, 'signal 10 (SIGUSR1) received, reopening logs');
    note(self, 'reopening logs');
    return events;
  }
  const graceful = name === 'SIGQUIT';
  if (!graceful && name !== 'SIGTERM' && name !== 'SIGINT')
    return name === 'SIGWINCH' ? [] : defaultAction(ctx, signal);
  const workers = liveWorkers(ctx, planned);
  const number = { SIGQUIT: 3, SIGTERM: 15, SIGINT: 2 }[name];
  note(self, `signal ${number} (${name}) received, ${graceful ? 'shutting down' : 'exiting'}`);
  at += 1;
  for (const pid of workers) {
    if (graceful) note(pid, 'gracefully shutting down');
    note(pid, 'exiting');
    note(pid, 'exit');
  }
  at += 2;
  if (workers.length > 0) note(self, `signal 17 (SIGCHLD) received from ${workers[0]}`);
  workers.forEach((pid, i) => {
    note(self, `worker process ${pid} exited with code 0`);
    events.push({ at, kind: 'child-exit', key: `worker-${i + 1}`, code: 0 });
  });
  note(self, 'exit');
  events.push({ at: at + 1, kind: 'exit', code: 0 });
  return events;
}
