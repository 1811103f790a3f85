import type { DiskUsage } from '../../../api/engine.js';
import { RowContext } from '../../../format/context.js';
import { ago } from '../../../format/duration.js';
import { humanSize, humanSizeWithPrecision } from '../../../format/size.js';
import { tabwrite } from '../../../format/tabwriter.js';
import { ellipsis, truncateId } from '../../../format/width.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_HELP_TABLE, printList } from '../../listing.js';
import { bool, type CommandSpec, NO_ARGS, str } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'system df',
  usage: '[OPTIONS]',
  description: 'Show docker disk usage',
  args: NO_ARGS,
  flags: [
    str('format', undefined, FORMAT_HELP_TABLE),
    bool('verbose', 'v', 'Show detailed information on space usage'),
  ],
};

class DiskUsageContext extends RowContext {
  constructor(
    readonly Type: string,
    private readonly total: number,
    private readonly active: number,
    private readonly size: number,
    private readonly reclaimable: number,
    private readonly percent: boolean,
  ) {
    super('*formatter.diskUsageContext');
  }
  get TotalCount(): string {
    return String(this.total);
  }
  get Active(): string {
    return String(this.active);
  }
  get Size(): string {
    return humanSize(this.size);
  }
  get Reclaimable(): string {
    const text = humanSize(this.reclaimable);
    if (!this.percent || this.size <= 0) return text;
    return `${text} (${Math.floor((this.reclaimable * 100) / this.size)}%)`;
  }
}

function summaryRows(df: DiskUsage): DiskUsageContext[] {
  const activeImages = df.Images.filter((i) => i.Containers > 0);
  const inUseUnique = activeImages.reduce((n, i) => n + (i.Size - i.SharedSize), 0);
  const running = (c: DiskUsage['Containers'][number]) =>
    ['running', 'paused', 'restarting'].includes(c.State);
  const containerSize = df.Containers.reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const idleContainers = df.Containers.filter((c) => !running(c)).reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const volumeSize = df.Volumes.reduce((n, v) => n + Math.max(0, v.UsageData?.Size ?? 0), 0);
  const unused = df.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).reduce(
    (n, v) => n + Math.max(0, v.UsageData?.Size ?? 0),
    0,
  );
  return [
    new DiskUsageContext(
      'Images',
      df.Images.length,
      activeImages.length,
      df.LayersSize,
      Math.max(0, df.LayersSize - inUseUnique),
      true,
    ),
    new DiskUsageContext(
      'Containers',
      df.Containers.length,
      df.Containers.filter(running).length,
      containerSize,
      idleContainers,
      true,
    ),
    new DiskUsageContext(
      'Local Volumes',
      df.Volumes.length,
      df.Volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      volumeSize,
      unused,
      true,
    ),
    new DiskUsageContext(
      'Build Cache',
      df.BuildCache.length,
      df.BuildCache.filter((r) => r.InUse).length,
      df.BuildCache.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0),
      df.BuilderSize - df.BuildCache.filter((r) => r.InUse && !r.Shared).reduce((n, r) => n + r.Size, 0),
      false,
    ),
  ];
}

function table(rows: string[][]): string {
  return tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, { minWidth: 10, padding: 3 });
}

function verbose(df: DiskUsage, now: number): string {
  const images = [
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'],
  ];
  for (const i of df.Images) {
    const first = i.RepoTags[0];
    const colon = first?.lastIndexOf(':') ?? -1;
    images.push([
      first ? first.slice(0, colon) : '<none>',
      first ? first.slice(colon + 1) : '<none>',
      truncateId(i.Id),
      ago(now - i.Created * 1000),
      humanSizeWithPrecision(i.Size, 3),
      humanSize(i.SharedSize),
      humanSize(i.Size - i.SharedSize),
      String(i.Containers),
    ]);
  }
  const containers = [
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
  ];
  for (const c of df.Containers) {
    const image = c.Image.replace(/^docker\.io\//, '').replace(/^library\//, '');
    containers.push([
      truncateId(c.Id),
      image,
      `"${ellipsis(c.Command, 20)}"`,
      String(c.Mounts.filter((m) => m.Driver === 'local').length),
      humanSizeWithPrecision(c.SizeRw ?? 0, 3),
      ago(now - c.Created * 1000),
      c.Status,
      c.Names[0]?.replace(/^\//, '') ?? '',
    ]);
  }
  const volumes = [['VOLUME NAME', 'LINKS', 'SIZE']];
  for (const v of df.Volumes)
    volumes.push([
      v.Name,
      String(v.UsageData?.RefCount ?? 0),
      humanSize(Math.max(0, v.UsageData?.Size ?? 0)),
    ]);
  let out = `Images space usage:\n\n${table(images)}`;
  out += `\nContainers space usage:\n\n${table(containers)}`;
  out += `\nLocal Volumes space usage:\n\n${table(volumes)}`;
  const cache = [['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']];
  for (const r of df.BuildCache)
    cache.push([
      r.ID.slice(0, 12),
      r.Type,
      humanSizeWithPrecision(r.Size, 3),
      ago(now - Date.parse(r.CreatedAt)),
      r.LastUsedAt ? ago(now - Date.parse(r.LastUsedAt)) : '',
      String(r.UsageCount),
      String(r.Shared),
    ]);
  out += `\nBuild cache usage: ${humanSize(df.BuilderSize)}\n\n${table(cache)}`;
  return out;
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  const df = await engine.systemDf();
  if (parsed.opts.verbose && !parsed.opts.format) {
    ctx.stdout.write(verbose(df, await engine.now()));
    return 0;
  }
  printList(ctx, summaryRows(df), {
    format: parsed.opts.format as string | undefined,
    defaultTable: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}',
    headers: {
      Type: 'TYPE',
      TotalCount: 'TOTAL',
      Active: 'ACTIVE',
      Size: 'SIZE',
      Reclaimable: 'RECLAIMABLE',
    },
  });
  return 0;
}
