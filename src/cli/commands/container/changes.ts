/** `docker diff` and `docker commit`: the container's writable layer, shown and kept. */
import { InvalidReferenceError, parseNormalized } from '../../../images/reference.js';
import { CliError } from '../../errors.js';
import type { CommandModule } from '../../registry.js';
import { between, bool, exactly, list, str } from '../../spec.js';

export const diff: CommandModule = {
  spec: {
    path: 'container diff',
    usage: 'CONTAINER',
    description: "Inspect changes to files or directories on a container's filesystem",
    aliases: ['docker container diff', 'docker diff'],
    args: exactly(1),
    flags: [],
  },
  async run(ctx, parsed) {
    const changes = await (await ctx.engine()).containerDiff(parsed.args[0]!);
    const letter = ['C', 'A', 'D'];
    for (const c of changes) ctx.stdout.write(`${letter[c.Kind]} ${c.Path}\n`);
    return 0;
  },
};

export const commit: CommandModule = {
  spec: {
    path: 'container commit',
    usage: '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    description: "Create a new image from a container's changes",
    aliases: ['docker container commit', 'docker commit'],
    args: between(1, 2),
    flags: [
      str('author', 'a', 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")'),
      list('change', 'c', 'Apply Dockerfile instruction to the created image'),
      str('message', 'm', 'Commit message'),
      bool('pause', 'p', 'Pause container during commit', { default: true, defaultText: 'true' }),
    ],
  },
  async run(ctx, parsed) {
    const [ref, repo] = parsed.args as [string, string | undefined];
    if (repo) {
      try {
        parseNormalized(repo);
      } catch (e) {
        if (e instanceof InvalidReferenceError) throw new CliError(e.message);
        throw e;
      }
    }
    const result = await (await ctx.engine()).containerCommit(ref, {
      ...(repo ? { repo } : {}),
      ...(parsed.opts.message ? { comment: parsed.opts.message as string } : {}),
      ...(parsed.opts.author ? { author: parsed.opts.author as string } : {}),
      changes: parsed.opts.change as string[],
      pause: parsed.opts.pause !== false,
    });
    ctx.stdout.write(`${result.Id}\n`);
    return 0;
  },
};
