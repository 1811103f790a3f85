import type { EngineEvent } from '../../../api/containers.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { parseFilters } from '../../listing.js';
import { type CommandSpec, filterFlag, NO_ARGS, str } from '../../spec.js';
import { compileTemplateOrExit } from '../../template.js';
import { parseTimeArg } from '../container/timeargs.js';

export const spec: CommandSpec = {
  path: 'system events',
  usage: '[OPTIONS]',
  description: 'Get real time events from the server',
  aliases: ['docker system events', 'docker events'],
  args: NO_ARGS,
  flags: [
    filterFlag('f'),
    str(
      'format',
      undefined,
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
    str('since', undefined, 'Show all events created since timestamp'),
    str('until', undefined, 'Stream events until this timestamp'),
  ],
};

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Event time in the client's zone with nine fractional digits. */
function eventTime(nanos: number): string {
  const ms = Math.floor(nanos / 1e6);
  const d = new Date(ms);
  const east = -d.getTimezoneOffset();
  const frac = String(Math.round(nanos % 1e9)).padStart(9, '0');
  const zone =
    east === 0
      ? 'Z'
      : `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${frac}${zone}`;
}

export function eventLine(e: EngineEvent): string {
  const attrs = Object.keys(e.Actor.Attributes)
    .sort()
    .map((k) => `${k}=${e.Actor.Attributes[k]}`)
    .join(', ');
  return `${eventTime(e.timeNano)} ${e.Type} ${e.Action} ${e.Actor.ID}${attrs ? ` (${attrs})` : ''}`;
}

function matches(e: EngineEvent, filters: Record<string, string[]>): boolean {
  const a = e.Actor.Attributes;
  const checks: Record<string, (v: string) => boolean> = {
    type: (v) => e.Type === v,
    event: (v) => e.Action === v || e.Action.startsWith(`${v}:`),
    container: (v) => e.Type === 'container' && (e.Actor.ID.startsWith(v) || a.name === v),
    image: (v) => a.image === v || e.Actor.ID === v,
    label: (v) => (v.includes('=') ? a[v.slice(0, v.indexOf('='))] === v.slice(v.indexOf('=') + 1) : v in a),
  };
  return Object.entries(filters).every(([k, values]) => values.some((v) => checks[k]?.(v) ?? true));
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const engine = await ctx.engine();
  const now = await engine.now();
  const since = parsed.opts.since ? parseTimeArg(parsed.opts.since as string, now) : now;
  const until = parsed.opts.until ? parseTimeArg(parsed.opts.until as string, now) : undefined;
  const filters = parseFilters(parsed.opts.filter as string[]);
  const format = parsed.opts.format as string | undefined;
  const render = format && format !== 'json' ? await compileTemplateOrExit(format) : undefined;
  const print = (e: EngineEvent) => {
    if (!matches(e, filters)) return;
    const text = format === 'json' ? JSON.stringify(e) : render ? render(e) : eventLine(e);
    ctx.stdout.write(`${text}\n`);
  };
  let seen = 0;
  for (;;) {
    const all = await engine.events({ since, ...(until !== undefined ? { until } : {}) });
    for (const e of all.slice(seen)) print(e);
    seen = all.length;
    if (until !== undefined && (await engine.now()) >= until) return 0;
    // In deterministic mode time moves only with the simulation: waiting for it would never end.
    if (until !== undefined && ctx.env.DOCKERSIM_CLOCK) return 0;
    await new Promise((r) => setTimeout(r, 250));
  }
}
