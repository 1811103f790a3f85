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
  try {
    return await dispatch(argv, io, debug);
  } catch (e) {
    const { text, exitCode } = describeError(e, debug);
    if (text) io.stderr.write(`${text}\n`);
    return exitCode;
  }
}

async function dispatch(argv: string[], io: Io, debug: boolean): Promise<number> {
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
  let engine: Promise<Engine> | undefined;
  // `--desktop` (or DOCKERSIM_DESKTOP) puts the engine inside a Linux VM, as Docker Desktop does.
  if (globals.desktop) io = { ...io, env: { ...io.env, DOCKERSIM_DESKTOP: io.env.DOCKERSIM_DESKTOP || 'mac' } };
  const ctx: CommandContext = {
    ...io,
    debug: debug || globals.debug,
    engine: () => {
      engine ??= createEngine(io);
      return engine;
    },
    readLine: lineReader(io),
  };
  try {
    return (await mod.run(ctx, parsed)) ?? 0;
  } finally {
    if (engine && !io.openEngine) await (await engine).close?.();
  }
}
