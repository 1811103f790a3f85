import * as path from 'node:path';
import type { Engine } from '../../../api/engine.js';
import { narrationLanguage, renderNarration } from '../../../learn/explain/index.js';
import { Playground } from '../../../learn/playground/session.js';
import { runScript, runTerminal } from '../../../learn/playground/terminal.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { main } from '../../main.js';
import { COMMANDS, findCommand, GROUPS, isGroup } from '../../registry.js';
import { bool, type CommandSpec, NO_ARGS, str } from '../../spec.js';
import { readStdin } from '../container/attach.js';

export const spec: CommandSpec = {
  path: 'shell',
  usage: '[OPTIONS]',
  description: 'Open the playground: a terminal on the simulated Docker host',
  args: NO_ARGS,
  flags: [
    str('command', 'c', 'Run these lines instead of reading a terminal'),
    bool('no-history', undefined, 'Do not keep typed lines in the state folder'),
  ],
  extraHelp:
    "The prompt is the learner's login shell on the simulated host (learner@docker-host:~$):\n`docker ...` and host commands (ps -e | grep mysqld, lsns, cat /sys/fs/cgroup/...) run in\nthis process. Without a terminal, lines are read from stdin (dockersim shell < lesson.sh).\n",
};

/** Host programs a learner reaches for; completion offers them at the start of a line. */
const HOST_COMMANDS = [
  'docker',
  'dockersim',
  'ps',
  'pstree',
  'top',
  'lsns',
  'nsenter',
  'sudo',
  'cat',
  'ls',
  'grep',
  'curl',
  'free',
  'uname',
  'hostname',
  'id',
  'whoami',
  'kill',
  'ip',
  'ping',
  'df',
  'du',
  'find',
  'head',
  'tail',
  'wc',
  'sort',
  'echo',
  'cd',
  'pwd',
  'sleep',
  'help',
  'explain',
  'history',
  'clear',
  'exit',
];

function dockerWords(): string[] {
  const words = new Set<string>(GROUPS.map((g) => g.name));
  for (const c of COMMANDS)
    for (const p of [c.path, ...(c.aliases ?? [])]) if (!p.includes(' ')) words.add(p);
  return [...words].sort();
}

/** Candidates for the word being typed: commands, flags, container and image names. */
function completer(engine: Engine) {
  return async (line: string): Promise<string[]> => {
    const words = line.split(/\s+/);
    const current = words.pop() ?? '';
    if (words.length === 0) return HOST_COMMANDS;
    if (words[0] !== 'docker' && words[0] !== 'dockersim') return [];
    const args = words.slice(1).filter((w) => !w.startsWith('-'));
    if (args.length === 0) return dockerWords();
    if (isGroup(args[0]!) && args.length === 1) {
      return COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])])
        .filter((p) => p.startsWith(`${args[0]} `))
        .map((p) => p.split(' ')[1]!);
    }
    const entry = findCommand(isGroup(args[0]!) ? `${args[0]} ${args[1]}` : args[0]!);
    if (current.startsWith('-') && entry) {
      const mod = await entry.load();
      return mod.spec.flags.flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]);
    }
    const [containers, images] = await Promise.all([
      engine.containerList({ all: true }),
      engine.imageList({}),
    ]);
    return [
      ...containers.flatMap((c) => c.Names.map((n) => n.replace(/^\//, ''))),
      ...images.flatMap((i) => i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    ];
  };
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  const color = !!ctx.stderr.isTTY && !ctx.env.NO_COLOR;
  const lang = narrationLanguage(ctx.env);
  const explain = ctx.explain === true || ['1', 'true'].includes(ctx.env.DOCKERSIM_EXPLAIN ?? '');
  const playground = new Playground({
    engine,
    client: (argv, io) => main(argv, io),
    env: ctx.env,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    explain,
    narrate: (facts) => renderNarration(facts, { lang, color }),
  });
  const command = parsed.opts.command as string | undefined;
  if (command !== undefined) return runScript(playground, command);
  if (!ctx.stdin.isTTY) return runScript(playground, (await readStdin(ctx)) ?? '');
  return runTerminal({
    playground,
    input: ctx.stdin as NodeJS.ReadStream,
    output: ctx.stdout as unknown as NodeJS.WriteStream,
    historyFile: parsed.opts['no-history']
      ? undefined
      : path.join(engine.stateLocation(), 'dockersim', 'playground_history'),
    complete: completer(engine),
    color,
    interrupt: () => engine.interrupt(),
  });
}
