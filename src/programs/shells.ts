import { FsError } from '../fs/view.js';
import { type Dialect, Shell, type ShellFs, type ShellHost } from '../shell/index.js';
import { resolveExecutable } from './registry.js';
import { sendSignal } from './system/procps/kill.js';
import type { ProcessContext, Program, ProgramRun, TimelineEvent } from './types.js';

/** How long "forever" is for a foreground command that never exits (a shell waiting on a server). */
const FOREVER = 1e15;

function shellFs(ctx: ProcessContext): ShellFs {
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError) throw Object.assign(new Error(e.code), { code: e.code });
      throw e;
    }
  };
  return {
    stat: (path) => {
      const s = ctx.fs.stat(path);
      return s ? { type: s.type, mode: s.mode, size: s.size } : undefined;
    },
    readFile: (path) => wrap(() => ctx.fs.readFile(path).toString('utf8')),
    writeFile: (path, data, append) =>
      wrap(() => ctx.fs.writeFile(path, data, { append, uid: ctx.uid, gid: ctx.gid })),
    readdir: (path) => wrap(() => ctx.fs.readdir(path)),
  };
}

let childCounter = 0;

/** The shell's host: external commands run as programs of the same container, as child processes. */
export function shellHost(ctx: ProcessContext): ShellHost {
  return {
    fs: shellFs(ctx),
    pid: () => ctx.sys.selfPid(),
    hostname: () => ctx.sys.uts().nodename,
    kill: (pid, sig) => sendSignal(ctx, ctx.sys.processes(), pid, sig),
    exec: async (argv, io) => {
      const found = resolveExecutable(ctx.fs, argv[0] ?? '', io.env.PATH, io.cwd);
      if ('kind' in found) return found.kind === 'not-found' ? { notFound: true } : { notExecutable: true };
      const run = await ctx.exec(argv, { env: io.env, cwd: io.cwd, stdin: io.stdin });
      const exit = run.events.find((e) => e.kind === 'exit');
      const duration = exit ? exit.at : FOREVER;
      const key = `sh-child-${childCounter++}`;
      const events: TimelineEvent[] = run.events.filter((e) => e.kind !== 'exit');
      // A command that takes time shows up under the shell in `ps`, as a forked child does.
      if (duration > 1 || io.background) {
        events.unshift({ at: 0, kind: 'spawn', key, argv });
        if (exit) events.push({ at: duration, kind: 'child-exit', key, code: exit.code });
      }
      return { events, code: exit?.kind === 'exit' ? exit.code : 0, duration };
    },
  };
}

/** A shell program (`sh`, `bash`, `dash`): `-c SCRIPT`, a script file, or commands on stdin. */
export function shellProgram(name: string, dialect: Dialect): Program {
  return {
    name,
    async run(ctx: ProcessContext): Promise<ProgramRun> {
      const args = ctx.argv.slice(1);
      let script: string | undefined;
      let positional: string[] = [];
      let argv0 = ctx.argv[0] ?? name;
      let errexit = false;
      while (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
        const flag = args.shift()!;
        if (flag === '-c') {
          script = args.shift() ?? '';
          argv0 = args[0] ?? argv0;
          positional = args.slice(1);
          break;
        }
        if (flag.includes('e')) errexit = true;
      }
      if (script === undefined && args.length) {
        const file = args[0]!;
        try {
          script = ctx.fs.readFile(file.startsWith('/') ? file : `${ctx.cwd}/${file}`).toString('utf8');
        } catch {
          const text =
            dialect === 'bash'
              ? `${argv0}: ${file}: No such file or directory\n`
              : `${argv0}: can't open '${file}': No such file or directory\n`;
          return {
            events: [
              { at: 0, kind: 'stderr', text },
              { at: 1, kind: 'exit', code: dialect === 'bash' ? 127 : 2 },
            ],
          };
        }
        argv0 = file;
        positional = args.slice(1);
      }
      // No script: the shell reads its commands from stdin; at the end of input it leaves, and
      // while stdin stays open (a terminal, `-dit`) it waits for the next line.
      const fromStdin = script === undefined;
      if (script === undefined) script = ctx.stdin ?? '';
      const shell = new Shell(shellHost(ctx), {
        dialect,
        argv0,
        env: { ...ctx.env },
        cwd: ctx.cwd,
        args: positional,
        stdin: script === ctx.stdin ? null : ctx.stdin,
        errexit,
      });
      const result = await shell.run(script);
      const events = result.events.filter((e) => e.at < FOREVER) as TimelineEvent[];
      const waitsForInput = fromStdin && ctx.stdinOpen && !result.exited;
      if (result.duration < FOREVER && !waitsForInput)
        events.push({ at: result.duration + 1, kind: 'exit', code: result.code });
      return { events };
    },
  };
}

/** The dialect a shell program speaks, from its program name (`bash@5.2.15`, `dash`, busybox `sh`). */
export function dialectOf(program: string): Dialect {
  const name = program.split('@')[0]!.split(':').pop()!;
  if (name === 'bash') return 'bash';
  if (name === 'dash') return 'dash';
  return 'ash';
}
