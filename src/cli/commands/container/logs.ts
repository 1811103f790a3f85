import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { bool, type CommandSpec, exactly, str } from '../../spec.js';
import { parseTimeArg } from './timeargs.js';

export const spec: CommandSpec = {
  path: 'container logs',
  usage: '[OPTIONS] CONTAINER',
  description: 'Fetch the logs of a container',
  aliases: ['docker container logs', 'docker logs'],
  args: exactly(1),
  flags: [
    bool('details', undefined, 'Show extra details provided to logs'),
    bool('follow', 'f', 'Follow log output'),
    str(
      'since',
      undefined,
      'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    ),
    str('tail', 'n', 'Number of lines to show from the end of the logs', {
      defaultText: '"all"',
      default: 'all',
    }),
    bool('timestamps', 't', 'Show timestamps'),
    str(
      'until',
      undefined,
      'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    ),
  ],
};

/** RFC 3339 with all nine fractional digits, as the daemon prefixes log lines. */
function stamp(ms: number): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString();
  const nanos = `${iso.slice(20, 23)}${String(Math.round((ms - whole) * 1e6)).padStart(6, '0')}`;
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts;
  const engine = await ctx.engine();
  const now = await engine.now();
  const tailText = (o.tail as string) ?? 'all';
  const tail = tailText === 'all' || tailText === '' ? undefined : Number.parseInt(tailText, 10);
  if (tail !== undefined && Number.isNaN(tail))
    throw new CliError(`Error response from daemon: invalid tail value "${tailText}"`);
  const since = o.since ? parseTimeArg(o.since as string, now) : undefined;
  const until = o.until ? parseTimeArg(o.until as string, now) : undefined;
  const info = await engine.containerInspect(parsed.args[0]!);
  await engine.containerLogs(
    info.Id,
    { tail: tail !== undefined && tail < 0 ? undefined : tail, since, until, follow: o.follow === true },
    (chunk) => {
      const text = o.timestamps ? `${stamp(chunk.time)} ${chunk.text}` : chunk.text;
      (chunk.stream === 'stderr' && !info.Config.Tty ? ctx.stderr : ctx.stdout).write(text);
    },
  );
  return 0;
}
