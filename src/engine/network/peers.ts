import type { FsView } from '../../fs/view.js';
import type { Kernel } from '../../kernel/kernel.js';
import type { NetFailure, NetPeer } from '../../programs/types.js';
import type { StateStore } from '../../store/index.js';
import type { ContainerRecord } from '../containers/record.js';
import type { ContainerStore } from '../containers/store.js';
import { loadRuntime } from '../containers/tracks.js';
import { HostPorts } from './ports.js';

export interface NetDeps {
  store: StateStore;
  containers: ContainerStore;
  kernel: Kernel;
  /** The filesystem a container's processes see. */
  fsOf(rec: ContainerRecord): FsView;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'tini', 'docker-init', 'dumb-init']);

/** The program that serves a container: its main process, or the first non-shell one under it. */
function serverProcess(deps: NetDeps, rec: ContainerRecord) {
  const main = deps.kernel.process(rec.State.Pid);
  if (main && !SHELLS.has(main.comm)) return main;
  const cgroup = `/system.slice/docker-${rec.ID}.scope`;
  return deps.kernel.processes().find((p) => p.cgroup === cgroup && !SHELLS.has(p.comm)) ?? main;
}

/** What a connection to `port` of a running container meets: its listener, or a refusal. */
export function peerOf(
  deps: NetDeps,
  rec: ContainerRecord,
  port: number,
  proto: 'tcp' | 'udp',
): NetPeer | NetFailure {
  if (!rec.State.Running || rec.State.Restarting) return 'refused';
  // A frozen container's kernel still holds the socket, but nothing ever answers.
  if (rec.State.Paused) return 'unreachable';
  const listening = loadRuntime(deps.store, rec.ID).listening;
  if (!listening.some((l) => l.port === port && l.proto === proto)) return 'refused';
  const proc = serverProcess(deps, rec);
  const env: Record<string, string> = {};
  for (const kv of rec.Config.Env ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return {
    program: proc?.comm ?? rec.Path.split('/').pop() ?? '',
    argv: proc?.args ?? [rec.Path, ...rec.Args],
    env,
    cwd: proc?.cwd || rec.Config.WorkingDir || '/',
    fs: () => deps.fsOf(rec),
  };
}

/**
 * A connection to the host's address `ip`: a published port (docker-proxy passes it on to the
 * container, and resets it when nothing listens there), or a container on the host network.
 */
export function hostPeer(
  deps: NetDeps,
  ip: string,
  port: number,
  proto: 'tcp' | 'udp',
): NetPeer | NetFailure {
  const published = new HostPorts(deps.store)
    .all()
    .find(
      (p) =>
        p.hostPort === port &&
        p.proto === proto &&
        (p.hostIp === '0.0.0.0' || p.hostIp === ip || (p.hostIp === '127.0.0.1' && ip.startsWith('127.'))),
    );
  if (published) {
    const rec = deps.containers.get(published.containerId);
    if (!rec) return 'refused';
    const key = Object.entries(rec.NetworkSettings.Ports ?? {}).find(
      ([k, list]) => k.endsWith(`/${proto}`) && (list ?? []).some((b) => Number(b.HostPort) === port),
    )?.[0];
    const peer = key ? peerOf(deps, rec, Number(key.split('/')[0]), proto) : 'refused';
    return peer === 'refused' ? 'reset' : peer;
  }
  for (const rec of deps.containers.all()) {
    if (rec.HostConfig.NetworkMode !== 'host' || !rec.State.Running) continue;
    const peer = peerOf(deps, rec, port, proto);
    if (peer !== 'refused') return peer;
  }
  return 'refused';
}
