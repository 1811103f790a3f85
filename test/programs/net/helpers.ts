import type {
  NetInterface,
  NetPeer,
  NetRoute,
  NetView,
  ProcessContext,
} from '../../../src/programs/types.js';
import { clock, fakeContext, MemFs } from '../services/fake.js';

export { MemFs };

/** A user-defined network `app` (172.18.0.0/16) seen from 172.18.0.3, with `web` at .2. */
export function fakeNet(opts: {
  names?: Record<string, string>;
  listeners?: Record<string, NetPeer>;
  reachable?: string[];
  nameserver?: string;
  interfaces?: NetInterface[];
  routes?: NetRoute[];
}): NetView {
  const names = opts.names ?? { web: '172.18.0.2' };
  return {
    nameserver: () => opts.nameserver ?? '127.0.0.11',
    dns: (n) => names[n],
    reverse: (ip) => {
      const hit = Object.entries(names).find(([, v]) => v === ip);
      return hit ? `${hit[0]}.app` : undefined;
    },
    interfaces: () => opts.interfaces ?? [],
    routes: () => opts.routes ?? [],
    connect: (ip, port) => {
      const peer = opts.listeners?.[`${ip}:${port}`];
      if (peer) return peer;
      return (opts.reachable ?? Object.values(names)).includes(ip) ? 'refused' : 'unreachable';
    },
    ping: (ip) => (opts.reachable ?? Object.values(names)).includes(ip),
  };
}

/** A context with a network; `fs` holds the image's files. */
export function netContext(
  argv: string[],
  net: NetView | undefined,
  o: { fs?: MemFs; tty?: boolean; env?: Record<string, string> } = {},
): ProcessContext {
  const ctx = fakeContext({
    argv,
    fs: o.fs ?? new MemFs(() => clock.now),
    tty: o.tty ?? false,
    env: o.env ?? {},
  });
  return net ? { ...ctx, net } : ctx;
}

/** A listening nginx whose html root holds `index`. */
export function nginxPeer(index: string): NetPeer {
  const fs = new MemFs(() => Date.UTC(2024, 6, 1))
    .put('/usr/share/nginx/html/index.html', index)
    .program('/usr/sbin/nginx', 'nginx@1.27.0');
  return { program: 'nginx', argv: ['nginx', '-g', 'daemon off;'], env: {}, cwd: '/', fs: () => fs };
}
