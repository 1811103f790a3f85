import type { FsView } from '../../fs/view.js';
import { resolveHost } from '../net/lookup.js';
import type { NetFailure, ProcessContext } from '../types.js';

/**
 * A client's connection to its server: the server's files (where its data lives, written
 * through this view), its environment (passwords from `-e`), and who the client is to it.
 */
export interface ServerLink {
  fs: FsView;
  env: Record<string, string>;
  /** The server process's command line (`redis-server --requirepass x`). */
  argv: string[];
  /** Over TCP from another container (or the same one, by address). */
  remote: boolean;
  /** The client's address as the server sees it (`localhost` over the Unix socket). */
  clientHost: string;
  /** The server's working directory, when known (a remote listener's). */
  cwd?: string;
  /** When the server process started (ms), when known (one of the same container). */
  startedAt?: number;
}

export type LinkFailure =
  | { kind: 'unknown-host' }
  | { kind: NetFailure | 'no-server' | 'other-program'; ip: string; program?: string };

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1', '']);

/** The server in the same container, when a process named `comm` runs there. */
export function localLink(ctx: ProcessContext, comm: string, tcp: boolean): ServerLink | undefined {
  // The client's own process never has the server's name, so any live process of that name is it.
  const server = ctx.sys.processes().find((p) => p.comm === comm && p.state !== 'Z');
  if (!server) return undefined;
  return {
    fs: ctx.fs,
    env: ctx.env,
    argv: server.args,
    remote: false,
    clientHost: tcp ? '127.0.0.1' : 'localhost',
  };
}

/** The container's own address on its first network (how a server sees a remote client). */
function ownAddress(ctx: ProcessContext): string {
  const eth = ctx.net?.interfaces().find((i) => i.kind !== 'loopback' && i.ipv4);
  return eth?.ipv4?.address ?? '172.17.0.3';
}

/** A TCP connection to `host:port` where `program` should listen (`mysqld`, `postgres`, `redis-server`). */
export function tcpLink(
  ctx: ProcessContext,
  host: string,
  port: number,
  program: string,
): ServerLink | LinkFailure {
  const found = resolveHost(ctx, host);
  if (!found) return { kind: 'unknown-host' };
  if (LOCAL_NAMES.has(host) || found.ip.startsWith('127.')) {
    const local = localLink(ctx, program, true);
    return local ?? { kind: 'refused', ip: found.ip };
  }
  if (!ctx.net) return { kind: 'unreachable', ip: found.ip };
  const peer = ctx.net.connect(found.ip, port, 'tcp');
  if (typeof peer === 'string') return { kind: peer, ip: found.ip };
  if (peer.program !== program) return { kind: 'other-program', ip: found.ip, program: peer.program };
  return {
    fs: peer.fs(),
    env: peer.env,
    argv: peer.argv,
    remote: true,
    clientHost: ownAddress(ctx),
    cwd: peer.cwd,
  };
}

export const isLocalHost = (host: string | undefined) => host === undefined || LOCAL_NAMES.has(host);
