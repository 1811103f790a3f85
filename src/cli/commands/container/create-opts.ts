import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContainerCreateRequest, HostConfig, PortBinding } from '../../../api/containers.js';
import { parseMemoryBytes } from '../../../format/size.js';
import type { CommandContext } from '../../context.js';
import { CliError, runWrapped } from '../../errors.js';
import { type FlagSpec, FlagValueError, parseGoInt } from '../../spec.js';
import { parseMountFlag, splitVolumeFlags, tmpfsFlags } from '../volume/mount-flag.js';
import { PortSpecError, parsePortSpec } from './ports.js';
import { CREATE_FLAG_LIST, RUN_FLAG_LIST } from './run-flags.js';

/** Value checks for the flags docker checks while parsing (errors in pflag's frame, exit 125). */
const PARSERS: Record<string, (raw: string) => unknown> = {
  memory: (raw) => sizeFlag(raw),
  'memory-swap': (raw) => (raw === '-1' ? -1 : sizeFlag(raw)),
  'memory-reservation': (raw) => sizeFlag(raw),
  'shm-size': (raw) => sizeFlag(raw),
  'kernel-memory': (raw) => sizeFlag(raw),
  cpus: (raw) => {
    const n = Number(raw);
    if (raw.trim() === '' || Number.isNaN(n))
      throw new FlagValueError(`failed to parse ${raw} as a rational number`);
    return n;
  },
  'cpu-shares': parseGoInt,
  'cpu-period': parseGoInt,
  'cpu-quota': parseGoInt,
  'pids-limit': parseGoInt,
  'stop-timeout': parseGoInt,
  'oom-score-adj': parseGoInt,
  env: (raw) => {
    if (raw.startsWith('=')) throw new FlagValueError(`invalid environment variable: ${raw}`);
    return raw;
  },
  // volumes: --mount is checked as the client checks it (its source is made absolute later).
  mount: (raw) => {
    parseMountFlag(raw, '/');
    return raw;
  },
  // network: --ip must be an IPv4 address.
  ip: (raw) => {
    if (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(raw) || raw.split('.').some((b) => Number(b) > 255))
      throw new FlagValueError(`invalid string being converted to IP address: ${raw}`);
    return raw;
  },
};

function sizeFlag(raw: string): number {
  try {
    return parseMemoryBytes(raw);
  } catch (e) {
    throw new FlagValueError((e as Error).message);
  }
}

function withParsers(list: FlagSpec[]): FlagSpec[] {
  return list.map((f) => {
    const parsed = PARSERS[f.long] ? { ...f, parse: PARSERS[f.long] } : f;
    // volumes: --mount may be given many times.
    return f.long === 'mount' ? { ...parsed, repeatable: true, default: [] } : parsed;
  });
}

export const RUN_FLAGS = withParsers(RUN_FLAG_LIST);
export const CREATE_FLAGS = withParsers(CREATE_FLAG_LIST);

export type RunOptions = Record<string, unknown> & {
  detach?: boolean;
  interactive?: boolean;
  tty?: boolean;
  rm?: boolean;
  name?: string;
  env: string[];
  'env-file': string[];
  publish: string[];
  'publish-all'?: boolean;
  expose: string[];
  label: string[];
  volume: string[];
  restart?: string;
  pull?: string;
  quiet?: boolean;
};

function readEnvFile(ctx: CommandContext, file: string, command: 'run' | 'create'): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(ctx.cwd, file), 'utf8');
  } catch {
    throw runWrapped(command, `open ${file}: no such file or directory`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => (l.includes('=') ? l : `${l}=${ctx.env[l] ?? ''}`));
}

function restartPolicy(value: string | undefined, command: 'run' | 'create'): HostConfig['RestartPolicy'] {
  if (!value) return { Name: 'no', MaximumRetryCount: 0 };
  const [name, count] = value.split(':');
  if (count !== undefined && !/^\d+$/.test(count)) {
    throw runWrapped(command, 'invalid restart policy format: maximum retry count must be an integer');
  }
  return { Name: name as HostConfig['RestartPolicy']['Name'], MaximumRetryCount: count ? Number(count) : 0 };
}

/** Turns `run`/`create` flags into the create request the client sends, with docker's client-side checks. */
export function buildCreateRequest(
  ctx: CommandContext,
  opts: RunOptions,
  args: string[],
  command: 'run' | 'create',
): ContainerCreateRequest {
  const [image, ...cmd] = args as [string, ...string[]];
  const env = [
    ...opts['env-file'].flatMap((f) => readEnvFile(ctx, f, command)),
    ...opts.env.map((e) => (e.includes('=') ? e : `${e}=${ctx.env[e] ?? ''}`)),
  ];
  const bindings: Record<string, PortBinding[]> = {};
  const exposed: Record<string, Record<string, never>> = {};
  try {
    for (const spec of opts.publish) {
      for (const { port, binding } of parsePortSpec(spec)) {
        bindings[port] = [...(bindings[port] ?? []), binding];
        exposed[port] = {};
      }
    }
    for (const spec of opts.expose) for (const { port } of parsePortSpec(spec)) exposed[port] = {};
  } catch (e) {
    if (e instanceof PortSpecError) throw runWrapped(command, e.message);
    throw e;
  }
  const network = opts.network as string | undefined;
  if (network === '') throw runWrapped(command, 'no name set for network');
  // volumes: -v binds and anonymous volumes, --mount, --tmpfs, --volumes-from.
  const volumeFlags = splitVolumeFlags(opts.volume, ctx.cwd);
  if ('error' in volumeFlags) throw runWrapped(command, volumeFlags.error);
  const mounts = ((opts.mount as string[] | undefined) ?? []).map((m) => parseMountFlag(m, ctx.cwd));
  const tmpfs = tmpfsFlags((opts.tmpfs as string[] | undefined) ?? []);
  const volumesFrom = (opts['volumes-from'] as string[] | undefined) ?? [];
  // network: --network-alias, --ip and --link.
  const aliases = (opts['network-alias'] as string[] | undefined) ?? [];
  const ip = opts.ip as string | undefined;
  const links = (opts.link as string[] | undefined) ?? [];
  const endpoint = {
    ...(aliases.length ? { Aliases: aliases } : {}),
    ...(ip ? { IPAMConfig: { IPv4Address: ip } } : {}),
  };
  const labels: Record<string, string> = {};
  for (const l of opts.label) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const cpus = opts.cpus as number | undefined;
  const entrypoint = opts.entrypoint as string | undefined;
  const tty = opts.tty === true;
  const interactive = opts.interactive === true;
  return {
    name: opts.name,
    config: {
      Hostname: (opts.hostname as string) ?? '',
      Domainname: '',
      User: (opts.user as string) ?? '',
      AttachStdin: interactive,
      AttachStdout: !opts.detach,
      AttachStderr: !opts.detach,
      ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
      Tty: tty,
      OpenStdin: interactive,
      StdinOnce: interactive && !opts.detach,
      Env: env.length ? env : null,
      Cmd: cmd.length ? cmd : null,
      Image: image,
      Volumes: Object.keys(volumeFlags.volumes).length ? volumeFlags.volumes : null,
      WorkingDir: (opts.workdir as string) ?? '',
      Entrypoint: entrypoint !== undefined ? (entrypoint === '' ? [] : [entrypoint]) : null,
      OnBuild: null,
      Labels: labels,
      ...(opts['stop-signal'] ? { StopSignal: opts['stop-signal'] as string } : {}),
      ...(opts['stop-timeout'] !== undefined ? { StopTimeout: opts['stop-timeout'] as number } : {}),
    },
    hostConfig: {
      Binds: volumeFlags.binds.length ? volumeFlags.binds : null,
      ...(mounts.length ? { Mounts: mounts } : {}),
      ...(Object.keys(tmpfs).length ? { Tmpfs: tmpfs } : {}),
      ...(volumesFrom.length ? { VolumesFrom: volumesFrom } : {}),
      ...(links.length ? { Links: links } : {}),
      NetworkMode: network ?? 'default',
      PortBindings: bindings,
      RestartPolicy: restartPolicy(opts.restart, command),
      AutoRemove: opts.rm === true,
      Memory: (opts.memory as number) ?? 0,
      MemorySwap: (opts['memory-swap'] as number) ?? 0,
      MemoryReservation: (opts['memory-reservation'] as number) ?? 0,
      NanoCpus: cpus ? Math.round(cpus * 1e9) : 0,
      CpuShares: (opts['cpu-shares'] as number) ?? 0,
      CpuPeriod: (opts['cpu-period'] as number) ?? 0,
      CpuQuota: (opts['cpu-quota'] as number) ?? 0,
      PidsLimit: (opts['pids-limit'] as number) ?? null,
      PidMode: (opts.pid as string) ?? '',
      IpcMode: (opts.ipc as string) ?? '',
      UTSMode: (opts.uts as string) ?? '',
      CgroupnsMode: (opts.cgroupns as string) ?? '',
      Privileged: opts.privileged === true,
      ReadonlyRootfs: opts['read-only'] === true,
      PublishAllPorts: opts['publish-all'] === true,
      OomKillDisable: opts['oom-kill-disable'] === true ? true : null,
      ...(opts.init === true ? { Init: true } : {}),
    },
    ...(Object.keys(endpoint).length
      ? { networking: { EndpointsConfig: { [network ?? 'default']: endpoint } } }
      : {}),
  };
}

export { CliError };
