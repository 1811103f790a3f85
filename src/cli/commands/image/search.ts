import type { SearchResult } from '../../../api/images.js';
import { RowContext } from '../../../format/context.js';
import { ellipsis } from '../../../format/width.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters, printList } from '../../listing.js';
import { bool, type CommandSpec, exactly, filterFlag, int, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'search',
  usage: '[OPTIONS] TERM',
  description: 'Search Docker Hub for images',
  args: exactly(1),
  flags: [
    filterFlag('f'),
    str('format', undefined, 'Pretty-print search using a Go template'),
    int('limit', undefined, 'Max number of search results', { default: 0 }),
    bool('no-trunc', undefined, "Don't truncate output"),
  ],
};

class SearchContext extends RowContext {
  constructor(
    private readonly r: SearchResult,
    private readonly trunc: boolean,
  ) {
    super('*formatter.searchContext');
  }
  get Name(): string {
    return this.r.name;
  }
  get Description(): string {
    const d = this.r.description.replaceAll('\n', ' ').replaceAll('\r', ' ');
    return this.trunc ? ellipsis(d, 45) : d;
  }
  get StarCount(): string {
    return String(this.r.star_count);
  }
  get IsOfficial(): string {
    return this.r.is_official ? '[OK]' : '';
  }
  get IsAutomated(): string {
    return this.r.is_automated ? '[OK]' : '';
  }
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const limit = (parsed.opts.limit as number) || 25;
  const results = await (await ctx.engine()).imageSearch(parsed.args[0]!, {
    limit,
    filters: parseFilters(parsed.opts.filter as string[]),
  });
  const trunc = parsed.opts['no-trunc'] !== true;
  printList(
    ctx,
    results.map((r) => new SearchContext(r, trunc)),
    {
      format: parsed.opts.format as string | undefined,
      defaultTable: 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}',
      headers: {
        Name: 'NAME',
        Description: 'DESCRIPTION',
        StarCount: 'STARS',
        IsOfficial: 'OFFICIAL',
        IsAutomated: 'AUTOMATED',
      },
    },
  );
  return 0;
}
