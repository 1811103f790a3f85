/** Small lifecycle commands: stop, restart, kill, pause, unpause, rm, rename, wait. */
import { isEngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { daemonMessage, SilentExit } from '../../errors.js';
import type { CommandModule } from '../../registry.js';
import { atLeast, bool, type CommandSpec, exactly, int, str } from '../../spec.js';
import { forEachContainer } from './multi.js';

const containers = '[OPTIONS] CONTAINER [CONTAINER...]';

function module(spec: CommandSpec, run: CommandModule['run']): CommandModule {
  return { spec, run };
}

const stopFlags = [
  str('signal', 's', 'Signal to send to the container'),
  int('timeout', 't', 'Seconds to wait before killing the container'),
];

export const stop = module(
  {
    path: 'container stop',
    usage: containers,
    description: 'Stop one or more running containers',
    aliases: ['docker container stop', 'docker stop'],
    args: atLeast(1),
    flags: stopFlags,
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    const opts = {
      timeout: p.opts.timeout as number | undefined,
      signal: p.opts.signal as string | undefined,
    };
    // Stopped together, as docker's client stops them in parallel (one timeout for all).
    const errors = await engine.containerStopMany(p.args, opts);
    let i = 0;
    return forEachContainer(ctx, p.args, async () => {
      const e = errors[i++];
      if (e) throw e;
    });
  },
);

export const restart = module(
  {
    path: 'container restart',
    usage: containers,
    description: 'Restart one or more containers',
    aliases: ['docker container restart', 'docker restart'],
    args: atLeast(1),
    flags: stopFlags,
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    const opts = {
      timeout: p.opts.timeout as number | undefined,
      signal: p.opts.signal as string | undefined,
    };
    return forEachContainer(ctx, p.args, (ref) => engine.containerRestart(ref, opts));
  },
);

export const kill = module(
  {
    path: 'container kill',
    usage: containers,
    description: 'Kill one or more running containers',
    aliases: ['docker container kill', 'docker kill'],
    args: atLeast(1),
    flags: [str('signal', 's', 'Signal to send to the container')],
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    return forEachContainer(ctx, p.args, (ref) =>
      engine.containerKill(ref, (p.opts.signal as string | undefined) ?? 'SIGKILL'),
    );
  },
);

export const pause = module(
  {
    path: 'container pause',
    usage: 'CONTAINER [CONTAINER...]',
    description: 'Pause all processes within one or more containers',
    aliases: ['docker container pause', 'docker pause'],
    args: atLeast(1),
    flags: [],
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    return forEachContainer(ctx, p.args, (ref) => engine.containerPause(ref));
  },
);

export const unpause = module(
  {
    path: 'container unpause',
    usage: 'CONTAINER [CONTAINER...]',
    description: 'Unpause all processes within one or more containers',
    aliases: ['docker container unpause', 'docker unpause'],
    args: atLeast(1),
    flags: [],
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    return forEachContainer(ctx, p.args, (ref) => engine.containerUnpause(ref));
  },
);

export const rm = module(
  {
    path: 'container rm',
    usage: containers,
    description: 'Remove one or more containers',
    aliases: ['docker container rm', 'docker container remove', 'docker rm'],
    args: atLeast(1),
    flags: [
      bool('force', 'f', 'Force the removal of a running container (uses SIGKILL)'),
      bool('link', 'l', 'Remove the specified link'),
      bool('volumes', 'v', 'Remove anonymous volumes associated with the container'),
    ],
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    const force = p.opts.force === true;
    return forEachContainer(
      ctx,
      p.args,
      (ref) => engine.containerRemove(ref, { force, volumes: p.opts.volumes === true }),
      {
        forgiveNotFound: force,
      },
    );
  },
);

export const rename = module(
  {
    path: 'container rename',
    usage: 'CONTAINER NEW_NAME',
    description: 'Rename a container',
    aliases: ['docker container rename', 'docker rename'],
    args: exactly(2),
    flags: [],
  },
  async (ctx, p) => {
    await (await ctx.engine()).containerRename(p.args[0]!, p.args[1]!);
    return 0;
  },
);

export const wait = module(
  {
    path: 'container wait',
    usage: 'CONTAINER [CONTAINER...]',
    description: 'Block until one or more containers stop, then print their exit codes',
    aliases: ['docker container wait', 'docker wait'],
    args: atLeast(1),
    flags: [],
  },
  async (ctx, p) => {
    const engine = await ctx.engine();
    let failed = false;
    for (const ref of p.args) {
      try {
        ctx.stdout.write(`${(await engine.containerWait(ref)).StatusCode}\n`);
      } catch (e) {
        if (!isEngineError(e)) throw e;
        ctx.stderr.write(`${daemonMessage(e)}\n`);
        failed = true;
      }
    }
    if (failed) throw new SilentExit(1);
    return 0;
  },
);

export type { CommandContext, ParsedCommand };
