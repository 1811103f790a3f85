import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { atMost, type CommandSpec, list, str } from '../../spec.js';
import { keyValues, mapFlag } from '../network/options.js';

export const spec: CommandSpec = {
  path: 'volume create',
  usage: '[OPTIONS] [VOLUME]',
  description: 'Create a volume',
  args: atMost(1),
  flags: [
    str('driver', 'd', 'Specify volume driver name', { defaultText: '"local"', default: 'local' }),
    list('label', undefined, 'Set metadata for a volume'),
    str('name', undefined, 'Specify volume name', { hidden: true }),
    mapFlag('opt', 'o', 'Set driver specific options'),
  ],
};

/** `docker volume create [NAME]`: prints the volume's name (64 hex digits when none was given). */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  const flagName = o.name as string | undefined;
  const arg = parsed.args[0];
  // The old `--name` flag still works; given together with the argument they must agree.
  if (flagName && arg && flagName !== arg)
    throw new CliError(`conflicting options: either specify --name or provide positional arg, not both`);
  const engine = await ctx.engine();
  const v = await engine.volumeCreate({
    Name: arg ?? flagName ?? '',
    Driver: o.driver as string,
    DriverOpts: keyValues(o.opt as string[]),
    Labels: keyValues(o.label as string[]),
  });
  ctx.stdout.write(`${v.Name}\n`);
  return 0;
}
