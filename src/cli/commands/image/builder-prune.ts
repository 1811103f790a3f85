import { humanSize, parseMemoryBytes } from '../../../format/size.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { parseFilters } from '../../listing.js';
import { confirm } from '../../prompt.js';
import { bool, type CommandSpec, FlagValueError, filterFlag, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'builder prune',
  usage: '',
  description: 'Remove build cache',
  args: NO_ARGS,
  flags: [
    bool('all', 'a', 'Remove all unused build cache, not just dangling ones'),
    filterFlag(undefined, 'Provide filter values (e.g. "until=24h")'),
    bool('force', 'f', 'Do not prompt for confirmation'),
    str('keep-storage', undefined, 'Amount of disk space to keep for cache', {
      typeName: 'bytes',
      parse: (raw) => {
        try {
          return parseMemoryBytes(raw);
        } catch (e) {
          throw new FlagValueError((e as Error).message);
        }
      },
    }),
  ],
};

/** `24h`, `90m`, `1h30m`, `45s` (Go durations, as the until filter takes them) → ms. */
function untilMs(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
    throw new CliError(`"until" filter expects a duration (e.g., '24h'): time: invalid duration "${text}"`);
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
  return parts.reduce((n, p) => n + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const all = parsed.opts.all === true;
  const filters = parseFilters(parsed.opts.filter as string[]);
  const until = filters.until?.[0];
  const warning = all
    ? 'WARNING! This will remove all build cache. Are you sure you want to continue?'
    : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
  if (!parsed.opts.force && !(await confirm(ctx, warning))) return 0;
  const removed = await (await ctx.engine()).buildCachePrune({
    all,
    ...(until !== undefined ? { until: untilMs(until) } : {}),
    ...(parsed.opts['keep-storage'] ? { keepStorage: parsed.opts['keep-storage'] as number } : {}),
  });
  if (removed.length)
    ctx.stdout.write(`Deleted build cache objects:\n${removed.map((r) => `${r.ID}\n`).join('')}\n`);
  const reclaimed = removed.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
  ctx.stdout.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}
