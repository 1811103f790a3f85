import { naturalCompare } from '../../../util/text.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { between, type CommandSpec } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'container port',
  usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  description: 'List port mappings or a specific mapping for the container',
  aliases: ['docker container port', 'docker port'],
  args: between(1, 2),
  flags: [],
};

const host = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const [ref, wanted] = parsed.args as [string, string | undefined];
  const info = await (await ctx.engine()).containerInspect(ref);
  const ports = info.NetworkSettings.Ports ?? {};
  if (wanted) {
    const key = wanted.includes('/') ? wanted : `${wanted}/tcp`;
    const bindings = ports[key];
    if (!bindings?.length) throw new CliError(`Error: No public port '${key}' published for ${ref}`);
    for (const b of bindings) ctx.stdout.write(`${host(b.HostIp || '0.0.0.0')}:${b.HostPort}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const [key, bindings] of Object.entries(ports)) {
    for (const b of bindings ?? []) lines.push(`${key} -> ${host(b.HostIp || '0.0.0.0')}:${b.HostPort}`);
  }
  for (const line of lines.sort(naturalCompare)) ctx.stdout.write(`${line}\n`);
  return 0;
}
