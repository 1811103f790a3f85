import { isEngineError } from '../../../api/errors.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { printInspect } from '../../inspect.js';
import { atLeast, bool, type CommandSpec, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'inspect',
  usage: '[OPTIONS] NAME|ID [NAME|ID...]',
  description: 'Return low-level information on Docker objects',
  args: atLeast(1),
  flags: [
    str(
      'format',
      'f',
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
    bool('size', 's', 'Display total file sizes if the type is container'),
    str('type', undefined, 'Only inspect objects of the given type'),
  ],
};

/** `docker inspect`: tries each kind of object in docker's order. */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  const size = parsed.opts.size === true;
  const type = parsed.opts.type as string | undefined;
  const all: Record<string, (name: string) => Promise<unknown>> = {
    container: (name) => engine.containerInspect(name, { size }),
    image: (name) => engine.imageInspect(name),
    network: (name) => engine.networkInspect(name),
    volume: (name) => engine.volumeInspect(name),
  };
  const kinds = type ? [all[type] ?? all.container!] : Object.values(all);
  const find = async (name: string) => {
    for (const kind of kinds) {
      try {
        return await kind(name);
      } catch (e) {
        if (!isEngineError(e) || e.kind !== 'not-found') throw e;
      }
    }
    throw new Error(`No such object: ${name}`);
  };
  return printInspect(ctx, parsed.args, find, {
    format: parsed.opts.format as string | undefined,
    missing: (_name, e) =>
      e instanceof Error && e.message.startsWith('No such object') ? `Error: ${e.message}` : undefined,
  });
}
