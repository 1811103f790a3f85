import type { Engine } from '../api/engine.js';
import { checkArgCount, parseCommand } from './argv.js';
import type { CommandContext, Io } from './context.js';
import { CliError, describeError } from './errors.js';
import { renderCommandHelp, renderGroupHelp } from './help.js';
import { findCommand, GROUPS, groupCommands, isGroup } from './registry.js';
import { CLIENT_COMMIT, CLIENT_VERSION, parseGlobals, renderTopLevelHelp, TOP_USAGE } from './toplevel.js';

/** Builds the engine; the only place the CLI reaches below `api/`. Loaded lazily. */
async function createEngine(io: Io): Promise<Engine> {
  if (io.openEngine) return io.openEngine;
  const { openLocalEngine } = await import('../engine/open.js');
  return openLocalEngine({ env: io.env, cwd: io.cwd });
}

function lineReader(io: Io): () => Promise<string | undefined> {
  let buffered = '';
  let ended = false;
  return async () => {
    for (;;) {
      const nl = buffered.indexOf('\n');
      if (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        return line;
      }
      if (ended) {
        if (buffered === '') return undefined;
        const line = buffered;
        buffered = '';
        return line;
      }
      const chunk = await new Promise<string | undefined>((resolve) => {
        const onData = (d: Buffer | string) => {
          cleanup();
          resolve(d.toString());
        };
        const onEnd = () => {
          cleanup();
          resolve(undefined);
        };
        const cleanup = () => {
          io.stdin.off('data', onData);
          io.stdin.off('end', onEnd);
          io.stdin.pause();
        };
        io.stdin.on('data', onData);
        io.stdin.on('end', onEnd);
        io.stdin.resume();
      });
      if (chunk === undefined) ended = true;
      else buffered += chunk;
    }
  };
}

function helpColumns(io: Io): number {
  return io.stdin.isTTY && io.stdout.columns ? io.stdout.columns : 80;
}

/**
 * Runs one docker command line and returns the exit code. Nothing here throws: every failure
 * is printed in docker's words (a stack trace only with DOCKERSIM_DEBUG=1).
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = io.env.DOCKERSIM_DEBUG === '1' || io.env.DOCKERSIM_DEBUG === 'true';
  const held: Held = { explain: false };
  let code: number;
  try {
    code = await dispatch(argv, io, debug, held);
  } catch (e) {
    code = report(e, io, debug);
  }
  // Docker's own output (an error included) is complete before the narration starts.
  try {
    await finish(held, io);
  } catch (e) {
    code = report(e, io, debug);
  }
  return code;
}

function report(e: unknown, io: Io, debug: boolean): number {
  const { text, exitCode } = describeError(e, debug);
  if (text) io.stderr.write(`${text}\n`);
  return exitCode;
}

/** What the command left behind for after it: the engine it opened, and whether to narrate. */
interface Held {
  engine?: Promise<Engine>;
  explain: boolean;
}

function explainWanted(flag: boolean, env: NodeJS.ProcessEnv): boolean {
  const v = env.DOCKERSIM_EXPLAIN?.toLowerCase();
  return flag || v === '1' || v === 'true';
}

/** `--explain`: what the engine did underneath, on stderr; then the engine is closed. */
async function finish(held: Held, io: Io): Promise<void> {
  if (!held.engine) return;
  let engine: Engine;
  try {
    engine = await held.engine;
  } catch {
    return; // opening it failed, and the command has said so
  }
  try {
    if (held.explain) {
      const { narrationLanguage, renderNarration } = await import('../learn/explain/index.js');
      const color = io.stderr.isTTY === true && !io.env.NO_COLOR;
      io.stderr.write(renderNarration(engine.narration(), { lang: narrationLanguage(io.env), color }));
    }
  } finally {
    if (!io.openEngine) await engine.close?.();
  }
}

async function dispatch(argv: string[], io: Io, debug: boolean, held: Held): Promise<number> {
  const { globals, rest, error } = parseGlobals(argv);
  if (error) {
    throw new CliError(`${error}\n\nUsage:  ${TOP_USAGE}\n\nRun 'docker --help' for more information`, 125);
  }
  if (globals.version) {
    io.stdout.write(`Docker version ${CLIENT_VERSION}, build ${CLIENT_COMMIT}\n`);
    return 0;
  }
  if (rest.length === 0) {
    (globals.help ? io.stdout : io.stderr).write(renderTopLevelHelp());
    return 0;
  }
  let path = rest[0]!;
  let args = rest.slice(1);
  if (path === 'help') {
    io.stdout.write(renderTopLevelHelp());
    return 0;
  }
  if (isGroup(path)) {
    const group = GROUPS.find((g) => g.name === path)!;
    const sub = args[0];
    const listing = groupCommands(group.name).map((c) => ({
      name: c.name,
      description: c.entry.description,
    }));
    if (sub === undefined || sub === '--help' || sub === '-h') {
      (sub ? io.stdout : io.stderr).write(renderGroupHelp(group.name, group.description, listing));
      return 0;
    }
    path = `${group.name} ${sub}`;
    args = args.slice(1);
    if (!findCommand(path)) {
      throw new CliError(
        `docker: unknown command: docker ${path}\n\nUsage:  docker ${group.name}\n\nRun 'docker ${group.name} --help' for more information`,
      );
    }
  }
  const entry = findCommand(path);
  if (!entry)
    throw new CliError(`docker: unknown command: docker ${path}\n\nRun 'docker --help' for more information`);
  const mod = await entry.load();
  const spec = { ...mod.spec, path };
  if (globals.help) {
    io.stdout.write(renderCommandHelp(spec, helpColumns(io)));
    return 0;
  }
  const parsed = await parseCommand(spec, args);
  if (parsed.help) {
    io.stdout.write(renderCommandHelp(spec, helpColumns(io)));
    return 0;
  }
  checkArgCount(spec, parsed.args);
  // `--desktop` (or DOCKERSIM_DESKTOP) puts the engine inside a Linux VM, as Docker Desktop does.
  if (globals.desktop)
    io = { ...io, env: { ...io.env, DOCKERSIM_DESKTOP: io.env.DOCKERSIM_DESKTOP || 'mac' } };
  held.explain = explainWanted(globals.explain, io.env);
  const ctx: CommandContext = {
    ...io,
    debug: debug || globals.debug,
    explain: held.explain,
    engine: () => {
      held.engine ??= createEngine(io);
      return held.engine;
    },
    readLine: lineReader(io),
  };
  return (await mod.run(ctx, parsed)) ?? 0;
}
