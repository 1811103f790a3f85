import type { ProcessContext } from '../types.js';
import { type HttpResponse, serveHttp } from './http.js';
import { resolveHost } from './lookup.js';

export interface Url {
  scheme: string;
  host: string;
  port: number;
  /** Path and query, at least `/`. */
  path: string;
}

/** `[scheme://]host[:port][/path]`, as curl and wget read a URL (http by default). */
export function parseUrl(raw: string): Url | { badScheme: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { badScheme: m[1] ?? scheme };
  const host = m[2] ?? '';
  if (!host) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = (m[4] ?? '/').replace(/#.*$/, '') || '/';
  return { scheme, host, port, path: path.startsWith('/') ? path : `/${path}` };
}

export type Fetched =
  | { kind: 'unresolved' }
  | { kind: 'refused' | 'unreachable' | 'reset' | 'empty'; ip: string }
  | { kind: 'ok'; ip: string; response: HttpResponse };

/** One HTTP exchange over the simulated network: resolve, connect, and the listener's answer. */
export function fetchHttp(ctx: ProcessContext, url: Url, method: string): Fetched {
  const found = resolveHost(ctx, url.host);
  if (!found || !ctx.net) return { kind: 'unresolved' };
  const ip = found.ip;
  const peer = ctx.net.connect(ip, url.port, 'tcp');
  if (typeof peer === 'string') return { kind: peer, ip };
  // TLS would need a certificate the simulated servers do not have: they hang up.
  if (url.scheme === 'https') return { kind: 'reset', ip };
  const response = serveHttp(peer, method, url.path, ctx.sys.now());
  if (response === 'empty') return { kind: 'empty', ip };
  return { kind: 'ok', ip, response: method === 'HEAD' ? { ...response, body: Buffer.alloc(0) } : response };
}

/** How long a connection to an address that never answers takes to fail (SYN retries). */
export const CONNECT_TIMEOUT_MS = 129_000;
