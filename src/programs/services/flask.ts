import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import { defaultAction, notSimulated, signalName, startOf } from './common.js';
import { flaskVersions, locateApp } from './flask-app.js';
import { MiB, Timeline } from './timeline.js';

/**
 * `flask run`, the console script pip installs with Flask: Werkzeug's development server for the
 * application FLASK_APP (or `--app`) names. It prints Flask's banner on stdout (click flushes
 * it at once) and Werkzeug's log lines on stderr, coloured with ANSI codes even without a
 * terminal, as Werkzeug does on Linux.
 */
export const flaskProgram: Program = { name: 'flask', run: runFlask };

const DEV_WARNING =
  'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.';

interface RunOptions {
  host: string;
  port: number;
  debug: boolean;
}

/** A click usage error: the command's usage line, the hint, the error; exit status 2. */
function usageError(command: string, message: string): ProgramRun {
  const usage = command ? `flask ${command} [OPTIONS]` : 'flask [OPTIONS] COMMAND [ARGS]...';
  const hint = command ? `flask ${command} --help` : 'flask --help';
  return finished('', `Usage: ${usage}\nTry '${hint}' for help.\n\nError: ${message}\n`, 2);
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false', 'no'].includes(value.toLowerCase());
}

/** `run`'s options: --host/-h, --port/-p (also `--opt=value`), --debug; FLASK_RUN_* defaults. */
function runOptions(ctx: ProcessContext, args: string[]): RunOptions | string {
  const o: RunOptions = {
    host: ctx.env.FLASK_RUN_HOST ?? '127.0.0.1',
    port: Number(ctx.env.FLASK_RUN_PORT ?? 5000),
    debug: truthy(ctx.env.FLASK_DEBUG) || ctx.argv.includes('--debug'),
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.includes('=') ? args[i]!.split(/=(.*)/) : [args[i]!, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--host' || flag === '-h') o.host = value() ?? o.host;
    else if (flag === '--port' || flag === '-p') {
      const raw = value() ?? '';
      if (!/^\d+$/.test(raw)) return `Invalid value for '--port' / '-p': '${raw}' is not a valid integer.`;
      o.port = Number(raw);
    } else if (flag === '--debug') o.debug = true;
    else if (flag === '--no-debug') o.debug = false;
  }
  return o;
}

/** The container's own address, as Werkzeug finds it for the `Running on` line. */
function interfaceIp(ctx: ProcessContext): string {
  const eth = ctx.net?.interfaces().find((i) => i.kind !== 'loopback' && i.ipv4);
  return eth?.ipv4?.address ?? '127.0.0.1';
}

function runFlask(ctx: ProcessContext): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version') {
    const v = flaskVersions(ctx.fs, ctx.env);
    return finished(`Python ${v.python}\nFlask ${v.flask}\nWerkzeug ${v.werkzeug}\n`);
  }
  // Global options come before the command: `flask --app hello --debug run`.
  let at = 0;
  while (at < args.length && args[at]!.startsWith('-'))
    at += args[at] === '--app' || args[at] === '-A' ? 2 : 1;
  const command = args[at];
  if (!command) return usageError('', 'Missing command.');
  if (command !== 'run') return notSimulated(ctx, `the command '${command}'`);
  const opts = runOptions(ctx, args.slice(at + 1));
  if (typeof opts === 'string') return usageError('run', opts);
  const app = locateApp(ctx.fs, ctx.cwd, ctx.env, ctx.argv);
  if ('error' in app) return usageError('run', app.error);
  const t = new Timeline(startOf(ctx));
  t.memory(18 * MiB).cpu(0.2);
  t.wait(300);
  const banner = app.importPath === undefined ? [] : [` * Serving Flask app '${app.importPath}'`];
  t.lines('stdout', [...banner, ` * Debug mode: ${opts.debug ? 'on' : 'off'}`]);
  t.wait(5).listen(opts.port);
  const all = opts.host === '0.0.0.0';
  const running = all
    ? [
        ` * Running on all addresses (0.0.0.0)`,
        ` * Running on http://127.0.0.1:${opts.port}`,
        ` * Running on http://${interfaceIp(ctx)}:${opts.port}`,
      ]
    : [` * Running on http://${opts.host}:${opts.port}`];
  t.err(`\u001b[31m\u001b[1m${DEV_WARNING}\u001b[0m\n${running.join('\n')}\n`);
  t.err('\u001b[33mPress CTRL+C to quit\u001b[0m\n');
  if (opts.debug) {
    const pin = Array.from({ length: 9 }, () => Math.floor(ctx.random() * 10)).join('');
    t.wait(5).err(' * Restarting with stat\n');
    t.wait(400).err(` * Debugger is active!\n * Debugger PIN: ${pin.replace(/(\d{3})(?=\d)/g, '$1-')}\n`);
  }
  t.wait(20)
    .cpu(0)
    .memory(opts.debug ? 40 * MiB : 24 * MiB);
  return t.running((signal) => onSignal(ctx, signal));
}

/**
 * Ctrl-C raises KeyboardInterrupt, which Werkzeug's serve loop swallows: the server closes its
 * socket and `flask` exits 0 without a word. SIGTERM has no Python handler (default action).
 */
function onSignal(ctx: ProcessContext, signal: string): TimelineEvent[] {
  if (signalName(signal) !== 'SIGINT') return defaultAction(ctx, signal);
  return [{ at: 5, kind: 'exit', code: 0 }];
}
