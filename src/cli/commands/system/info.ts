import type { SystemInfo } from '../../../api/system.js';
import { bytesSize } from '../../../format/size.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { type CommandSpec, NO_ARGS, str } from '../../spec.js';
import { renderTemplateOrExit } from '../../template.js';
import { CLIENT_VERSION } from '../../toplevel.js';
import { clientPlatform } from './version.js';

export const spec: CommandSpec = {
  path: 'system info',
  usage: '[OPTIONS]',
  description: 'Display system-wide information',
  aliases: ['docker system info', 'docker info'],
  args: NO_ARGS,
  flags: [
    str(
      'format',
      'f',
      "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
    ),
  ],
};

function clientInfo(debug: boolean, context: string): Record<string, unknown> {
  return { Debug: debug, Version: CLIENT_VERSION, Context: context, Plugins: [], Warnings: null };
}

/** `docker info` as the docker client lays it out; the server part is built from engine state. */
export function renderInfo(info: SystemInfo, debug: boolean, context = 'default'): string {
  const out: string[] = [
    'Client:',
    ` Version:    ${CLIENT_VERSION}`,
    ` Context:    ${context}`,
    ` Debug Mode: ${debug}`,
    '',
  ];
  out.push('Server:');
  out.push(` Containers: ${info.Containers}`, `  Running: ${info.ContainersRunning}`);
  out.push(`  Paused: ${info.ContainersPaused}`, `  Stopped: ${info.ContainersStopped}`);
  out.push(
    ` Images: ${info.Images}`,
    ` Server Version: ${info.ServerVersion}`,
    ` Storage Driver: ${info.Driver}`,
  );
  for (const [k, v] of info.DriverStatus) out.push(`  ${k}: ${v}`);
  out.push(` Logging Driver: ${info.LoggingDriver}`, ` Cgroup Driver: ${info.CgroupDriver}`);
  out.push(
    ` Cgroup Version: ${info.CgroupVersion}`,
    ' Plugins:',
    `  Volume: ${info.Plugins.Volume.join(' ')}`,
  );
  out.push(`  Network: ${info.Plugins.Network.join(' ')}`, `  Log: ${info.Plugins.Log.join(' ')}`);
  out.push(' CDI spec directories:', ...info.CDISpecDirs.map((d) => `  ${d}`));
  out.push(` Swarm: ${info.Swarm.LocalNodeState}`, ` Runtimes: ${Object.keys(info.Runtimes).join(' ')}`);
  out.push(` Default Runtime: ${info.DefaultRuntime}`, ` Init Binary: ${info.InitBinary}`);
  out.push(` containerd version: ${info.ContainerdCommit.ID}`, ` runc version: ${info.RuncCommit.ID}`);
  out.push(` init version: ${info.InitCommit.ID}`, ' Security Options:');
  for (const opt of info.SecurityOptions) {
    const fields = opt.split(',').map((kv) => kv.split('='));
    for (const [k, v] of fields) {
      if (k === 'name') out.push(`  ${v}`);
      else out.push(`   ${(k ?? '').charAt(0).toUpperCase()}${(k ?? '').slice(1)}: ${v}`);
    }
  }
  out.push(` Kernel Version: ${info.KernelVersion}`, ` Operating System: ${info.OperatingSystem}`);
  out.push(` OSType: ${info.OSType}`, ` Architecture: ${info.Architecture}`, ` CPUs: ${info.NCPU}`);
  out.push(` Total Memory: ${bytesSize(info.MemTotal)}`, ` Name: ${info.Name}`, ` ID: ${info.ID}`);
  out.push(
    ` Docker Root Dir: ${info.DockerRootDir}`,
    ` Debug Mode: ${info.Debug}`,
    ` Experimental: ${info.ExperimentalBuild}`,
  );
  out.push(' Insecure Registries:', ...info.RegistryConfig.InsecureRegistryCIDRs.map((c) => `  ${c}`));
  out.push(` Live Restore Enabled: ${info.LiveRestoreEnabled}`, '', '');
  return out.join('\n');
}

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const format = parsed.opts.format as string | undefined;
  const info = await (await ctx.engine()).info();
  if (format) {
    const data = { ...info, ClientInfo: clientInfo(ctx.debug, clientPlatform(ctx.env).context) };
    const text = format === 'json' ? JSON.stringify(data) : await renderTemplateOrExit(format, data);
    ctx.stdout.write(`${text}\n`);
    return 0;
  }
  ctx.stdout.write(renderInfo(info, ctx.debug, clientPlatform(ctx.env).context));
  if (info.Warnings) for (const w of info.Warnings) ctx.stderr.write(`${w}\n`);
  return 0;
}
