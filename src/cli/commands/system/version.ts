import type { SystemVersion } from '../../../api/system.js';
import { tabwrite } from '../../../format/tabwriter.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { type CommandSpec, NO_ARGS, str } from '../../spec.js';
import { renderTemplateOrExit } from '../../template.js';
import { CLIENT_COMMIT, CLIENT_VERSION } from '../../toplevel.js';

export interface VersionOptions {
  format?: string;
}

export const spec: CommandSpec = {
  path: 'version',
  usage: '[OPTIONS]',
  description: 'Show the Docker version information',
  args: NO_ARGS,
  flags: [
    str(
      'format',
      'f',
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
  ],
};

/** Where the client runs: a Linux host, or (`--desktop`) Docker Desktop's macOS or Windows. */
export function clientPlatform(env: NodeJS.ProcessEnv): { os: string; context: string } {
  const desktop = env.DOCKERSIM_DESKTOP;
  if (!desktop) return { os: 'linux', context: 'default' };
  return { os: desktop === 'windows' ? 'windows' : 'darwin', context: 'desktop-linux' };
}

/** The Client half, as the docker client describes itself. */
export function clientVersion(env: NodeJS.ProcessEnv = {}): Record<string, unknown> {
  const platform = clientPlatform(env);
  return {
    Platform: { Name: '' },
    Version: CLIENT_VERSION,
    ApiVersion: '1.50',
    DefaultAPIVersion: '1.50',
    GitCommit: CLIENT_COMMIT,
    GoVersion: 'go1.24.3',
    Os: platform.os,
    Arch: 'amd64',
    BuildTime: 'Fri May 30 12:07:14 2025',
    Context: platform.context,
  };
}

/** Go's ANSIC layout with a space-padded day: `Fri May 30 12:07:14 2025`. */
function ansic(iso: string): string {
  const d = new Date(iso);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hms = d.toISOString().slice(11, 19);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms} ${d.getUTCFullYear()}`;
}

export function renderVersion(client: Record<string, unknown>, server: SystemVersion): string {
  const lines: string[] = [];
  const platform = (client.Platform as { Name: string }).Name;
  lines.push(platform ? `Client: ${platform}` : 'Client:');
  lines.push(
    ` Version:\t${client.Version}`,
    ` API version:\t${client.ApiVersion}`,
    ` Go version:\t${client.GoVersion}`,
  );
  lines.push(
    ` Git commit:\t${client.GitCommit}`,
    ` Built:\t${client.BuildTime}`,
    ` OS/Arch:\t${client.Os}/${client.Arch}`,
  );
  lines.push(` Context:\t${client.Context}`, '');
  lines.push(server.Platform.Name ? `Server: ${server.Platform.Name}` : 'Server:');
  for (const c of server.Components) {
    const d = c.Details ?? {};
    if (c.Name === 'Engine') {
      lines.push(
        ' Engine:',
        `  Version:\t${c.Version}`,
        `  API version:\t${d.ApiVersion} (minimum version ${d.MinAPIVersion})`,
      );
      lines.push(
        `  Go version:\t${d.GoVersion}`,
        `  Git commit:\t${d.GitCommit}`,
        `  Built:\t${ansic(d.BuildTime ?? '')}`,
      );
      lines.push(`  OS/Arch:\t${d.Os}/${d.Arch}`, `  Experimental:\t${d.Experimental}`);
    } else {
      lines.push(` ${c.Name}:`, `  Version:\t${c.Version}`);
      for (const key of Object.keys(d).sort()) lines.push(`  ${key}:\t${d[key]}`);
    }
  }
  return tabwrite(`${lines.join('\n')}\n`, { minWidth: 20, padding: 1 });
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const opts = parsed.opts as VersionOptions;
  const engine = await ctx.engine();
  const server = await engine.version();
  const client = clientVersion(ctx.env);
  if (opts.format) {
    const data = { Client: client, Server: server };
    const text =
      opts.format === 'json' ? JSON.stringify(data) : await renderTemplateOrExit(opts.format, data);
    ctx.stdout.write(`${text}\n`);
    return 0;
  }
  if (!server) throw new CliError('no server');
  ctx.stdout.write(renderVersion(client, server));
  return 0;
}
