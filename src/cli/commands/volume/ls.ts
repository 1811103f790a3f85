import { naturalCompare } from '../../../util/text.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters, printList } from '../../listing.js';
import { bool, type CommandSpec, filterFlag, formatFlag, NO_ARGS } from '../../spec.js';
import { VOLUME_HEADERS, VOLUME_TABLE, VolumeContext } from './context.js';

export const spec: CommandSpec = {
  path: 'volume ls',
  usage: '[OPTIONS]',
  description: 'List volumes',
  aliases: ['docker volume ls', 'docker volume list'],
  args: NO_ARGS,
  flags: [
    bool('cluster', undefined, 'Display only cluster volumes, and use cluster volume list formatting'),
    filterFlag('f', 'Provide filter values (e.g. "dangling=true")'),
    formatFlag(undefined, 'table'),
    bool('quiet', 'q', 'Only display volume names'),
  ],
};

/** `docker volume ls`: sorted by name in natural order (the client sorts). */
export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts;
  const engine = await ctx.engine();
  const list = await engine.volumeList({ filters: parseFilters(opts.filter as string[]) });
  const rows = (opts.cluster ? [] : list.Volumes)
    .sort((a, b) => naturalCompare(a.Name, b.Name))
    .map((v) => new VolumeContext(v));
  printList(ctx, rows, {
    format: opts.format as string | undefined,
    defaultTable: VOLUME_TABLE,
    headers: VOLUME_HEADERS,
    quiet: opts.quiet === true,
    quietFormat: '{{.Name}}',
  });
  for (const w of list.Warnings ?? []) ctx.stderr.write(`${w}\n`);
  return 0;
}
