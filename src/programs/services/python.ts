import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from '../types.js';
import {
  defaultAction,
  notSimulated,
  programVersion,
  readText,
  signalName,
  signalTimeline,
  startOf,
  versionOf,
} from './common.js';
import { MiB, Timeline } from './timeline.js';
import { evaluate, PyError, repr } from './tiny-eval.js';

/** The interpreter's banner: the build of the image's Python (Debian's own 3.11 is older). */
function banner(version: string): string {
  const build = version.startsWith('3.11.')
    ? 'Mar 13 2023, 12:18:29'
    : version.startsWith('3.10.')
      ? 'Nov 20 2023, 15:14:05'
      : 'Jul  7 2024, 23:11:02';
  const gcc = version.startsWith('3.10.') ? '11.4.0' : '12.2.0';
  return `Python ${version} (main, ${build}) [GCC ${gcc}] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
}

function traceback(file: string, e: PyError): string {
  return `Traceback (most recent call last):\n  File "${file}", line 1, in <module>\n${e.type}: ${e.detail}\n`;
}

/** A script through the evaluator's subset: its output, Python's traceback, or an honest note. */
function runScript(ctx: ProcessContext, source: string, file: string): ProgramRun {
  try {
    const r = evaluate(source, 'py');
    if (!r) return notSimulated(ctx, 'running this code');
    return finished(r.printed.map((l) => `${l}\n`).join(''));
  } catch (e) {
    if (e instanceof PyError) return finished('', traceback(file, e), 1);
    throw e;
  }
}

export function pythonProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runPython(ctx, versionOf(ctx, '3.12.4', fixed)) };
}

function runPython(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') return finished(`Python ${version}\n`);
  if (args[0] === '-c') return runScript(ctx, args[1] ?? '', '<string>');
  if (args[0] === '-m') {
    if (args[1] === 'http.server') return httpServer(ctx, Number(args[2]) || 8000);
    if (args[1] === 'pip' && args[2] === '--version') {
      const short = version.split('.').slice(0, 2).join('.');
      // A distribution's pip (apt's python3-pip) lives in /usr/lib/python3/dist-packages.
      const distro = ctx.fs.stat('/usr/lib/python3/dist-packages/pip') !== undefined;
      const pip = programVersion(ctx, 'pip3', '24.0');
      const dir = distro
        ? '/usr/lib/python3/dist-packages/pip'
        : `/usr/local/lib/python${short}/site-packages/pip`;
      return finished(`pip ${pip} from ${dir} (python ${short})\n`);
    }
    return notSimulated(ctx, `module ${args[1] ?? ''}`);
  }
  const script = args.find((a) => !a.startsWith('-'));
  if (script) {
    const path = script.startsWith('/') ? script : `${ctx.cwd.replace(/\/$/, '')}/${script}`;
    const source = readText(ctx, path);
    if (source === undefined) {
      return finished(
        '',
        `${ctx.argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`,
        2,
      );
    }
    return runScript(ctx, source, path);
  }
  if (ctx.tty) return repl(ctx, version);
  if (!ctx.stdin) return finished(''); // no terminal, nothing to read: the REPL ends at once
  return runScript(ctx, ctx.stdin, '<stdin>');
}

/** With a terminal: banner and prompts (on stderr, as Python writes them), then it waits. */
function repl(ctx: ProcessContext, version: string): ProgramRun {
  const t = new Timeline(startOf(ctx));
  t.memory(9 * MiB).cpu(0.05);
  t.err(`${banner(version)}>>> `);
  for (const line of (ctx.stdin ?? '').split('\n').filter((l) => l.trim())) {
    t.wait(10).out(`${line}\n`);
    try {
      const r = evaluate(line, 'py');
      if (!r) t.err('dockersim: this input is not simulated\n');
      else {
        const echo = repr(r.last, 'py');
        t.out([...r.printed, ...(echo === undefined ? [] : [echo])].map((l) => `${l}\n`).join(''));
      }
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      t.err(traceback('<stdin>', e));
    }
    t.err('>>> ');
  }
  t.wait(20).cpu(0);
  return t.running();
}

/**
 * `python3 -m http.server`: serves the working directory. Python buffers stdout when it is no
 * terminal, so without -t (or PYTHONUNBUFFERED) its banner does not reach `docker logs`.
 */
function httpServer(ctx: ProcessContext, port: number): ProgramRun {
  const t = new Timeline(startOf(ctx));
  t.memory(14 * MiB).cpu(0.1);
  t.wait(40).listen(port);
  if (ctx.tty || ctx.env.PYTHONUNBUFFERED)
    t.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
  t.wait(20).cpu(0);
  return t.running((signal) => onSignal(ctx, signal, port));
}

/** Ctrl-C (SIGINT) ends the server cleanly; SIGTERM has no handler in Python. */
function onSignal(ctx: ProcessContext, signal: string, port: number): TimelineEvent[] {
  if (signalName(signal) !== 'SIGINT') return defaultAction(ctx, signal);
  const t = signalTimeline(ctx);
  // The buffered banner comes out when Python flushes stdout at exit.
  const banner =
    ctx.tty || ctx.env.PYTHONUNBUFFERED
      ? ''
      : `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`;
  t.out(`${banner}\nKeyboard interrupt received, exiting.\n`);
  return t.exit(0).events;
}
