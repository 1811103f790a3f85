import {
  IMAGE_HEADERS,
  IMAGE_TABLE,
  IMAGE_TABLE_DIGESTS,
  imageRows,
} from '../../../format/contexts/image.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters, printList } from '../../listing.js';
import { atMost, bool, type CommandSpec, filterFlag, formatFlag } from '../../spec.js';

export interface ImagesOptions {
  all: boolean;
  digests: boolean;
  filter: string[];
  format?: string;
  'no-trunc': boolean;
  quiet: boolean;
  tree: boolean;
}

export const spec: CommandSpec = {
  path: 'image ls',
  usage: '[OPTIONS] [REPOSITORY[:TAG]]',
  description: 'List images',
  aliases: ['docker image ls', 'docker image list', 'docker images'],
  args: atMost(1),
  flags: [
    bool('all', 'a', 'Show all images (default hides intermediate images)'),
    bool('digests', undefined, 'Show digests'),
    filterFlag('f'),
    formatFlag(undefined, 'table'),
    bool('no-trunc', undefined, "Don't truncate output"),
    bool('quiet', 'q', 'Only show image IDs'),
    bool('tree', undefined, 'List multi-platform images as a tree (EXPERIMENTAL)'),
  ],
};

const IMAGE_SUBCOMMANDS = [
  'build',
  'history',
  'import',
  'inspect',
  'list',
  'load',
  'ls',
  'prune',
  'pull',
  'push',
  'rm',
  'save',
  'tag',
];

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts as unknown as ImagesOptions;
  const filters = parseFilters(opts.filter);
  const pattern = parsed.args[0];
  if (pattern) filters.reference = [...(filters.reference ?? []), pattern];
  const engine = await ctx.engine();
  const images = await engine.imageList({ all: opts.all, filters });
  const now = await engine.now();
  const rows = imageRows(images, now, { digests: opts.digests, trunc: !opts['no-trunc'] });
  let defaultTable = opts.digests ? IMAGE_TABLE_DIGESTS : IMAGE_TABLE;
  let format = opts.format;
  // A custom table without the digest column gets it appended when --digests is given.
  if (opts.digests && format?.startsWith('table') && !format.includes('{{.Digest}}'))
    format += '\t{{.Digest}}';
  if (opts.quiet) defaultTable = '{{.ID}}';
  printList(ctx, rows, { format, defaultTable, headers: IMAGE_HEADERS, quiet: opts.quiet });
  if (pattern && rows.length === 0 && parsed.path === 'images' && IMAGE_SUBCOMMANDS.includes(pattern)) {
    ctx.stderr.write(`\nNo images found matching "${pattern}": did you mean "docker image ${pattern}"?\n`);
  }
  return 0;
}
