import { programOf } from '../../fs/files.js';
import type { FsView } from '../../fs/view.js';
import { serveFlask } from '../services/flask-app.js';
import { readText } from '../system/common/host.js';
import type { NetPeer } from '../types.js';

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Buffer;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
};

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** `Wed, 01 Jan 2026 00:00:00 GMT` */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

function contentType(path: string, fallback: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? fallback;
}

function version(fs: FsView, exe: string, fallback: string): string {
  try {
    return programOf(fs.readFile(exe))?.split('@')[1] ?? fallback;
  } catch {
    return fallback;
  }
}

/** A static file server's lookup: the file, the directory's index, or why not. */
function lookup(
  fs: FsView,
  root: string,
  path: string,
): { file: string } | { status: 301 | 403 | 404; location?: string } {
  const clean = decodeURIComponent(path.split('?')[0] ?? '/').replace(/\/+/g, '/');
  if (clean.split('/').includes('..')) return { status: 404 };
  const full = `${root.replace(/\/$/, '')}${clean}`;
  const st = fs.stat(full);
  if (!st) return { status: 404 };
  if (st.type === 'dir') {
    if (!clean.endsWith('/')) return { status: 301, location: `${clean}/` };
    const index = `${full}index.html`;
    return fs.stat(index)?.type === 'file' ? { file: index } : { status: 403 };
  }
  return { file: full };
}

function nginxRoot(fs: FsView): string {
  const conf = `${readText(fs, '/etc/nginx/conf.d/default.conf') ?? ''}\n${readText(fs, '/etc/nginx/nginx.conf') ?? ''}`;
  return /^\s*root\s+([^;\s]+)\s*;/m.exec(conf)?.[1] ?? '/usr/share/nginx/html';
}

/** nginx's static files and its own error pages (CRLF lines, as nginx writes them). */
function nginx(fs: FsView, method: string, path: string, now: number): HttpResponse {
  const server = `nginx/${version(fs, '/usr/sbin/nginx', '1.27.0')}`;
  const base: [string, string][] = [
    ['Server', server],
    ['Date', httpDate(now)],
  ];
  const found = lookup(fs, nginxRoot(fs), path);
  const status = method !== 'GET' && method !== 'HEAD' ? 405 : 'file' in found ? 200 : found.status;
  if (status === 200 && 'file' in found) {
    const st = fs.stat(found.file)!;
    const body = fs.readFile(found.file);
    const mtime = Math.floor(st.mtime);
    return {
      status,
      reason: 'OK',
      headers: [
        ...base,
        ['Content-Type', contentType(found.file, 'application/octet-stream')],
        ['Content-Length', String(body.length)],
        ['Last-Modified', httpDate(mtime * 1000)],
        ['Connection', 'keep-alive'],
        ['ETag', `"${mtime.toString(16)}-${body.length.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
      ],
      body,
    };
  }
  const reason = REASONS[status] ?? 'Error';
  const body = Buffer.from(
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`,
  );
  const location =
    'status' in found && found.location
      ? [['Location', `http://localhost${found.location}`] as [string, string]]
      : [];
  return {
    status,
    reason,
    headers: [
      ...base,
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ...location,
      ['Connection', 'keep-alive'],
    ],
    body,
  };
}

/** Apache httpd's htdocs (DocumentRoot of its httpd.conf) and its error pages. */
function httpd(fs: FsView, path: string, now: number): HttpResponse {
  const conf = readText(fs, '/usr/local/apache2/conf/httpd.conf') ?? '';
  const root = /^\s*DocumentRoot\s+"?([^"\s]+)"?/m.exec(conf)?.[1] ?? '/usr/local/apache2/htdocs';
  const server = `Apache/${version(fs, '/usr/local/apache2/bin/httpd', '2.4.62')} (Unix)`;
  const found = lookup(fs, root, path);
  const base: [string, string][] = [
    ['Date', httpDate(now)],
    ['Server', server],
  ];
  if ('file' in found) {
    const st = fs.stat(found.file)!;
    const body = fs.readFile(found.file);
    const usec = Math.floor(st.mtime * 1e6);
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ...base,
        ['Last-Modified', httpDate(st.mtime * 1000)],
        ['ETag', `"${body.length.toString(16)}-${usec.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
        ['Content-Length', String(body.length)],
        ['Content-Type', contentType(found.file, 'text/plain')],
      ],
      body,
    };
  }
  const body = Buffer.from(
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
  );
  return {
    status: 404,
    reason: 'Not Found',
    headers: [
      ...base,
      ['Content-Length', String(body.length)],
      ['Content-Type', 'text/html; charset=iso-8859-1'],
    ],
    body,
  };
}

/** A Node.js server script: the text its handler ends the response with (`res.end("…")`). */
function node(peer: NetPeer, fs: FsView, now: number): HttpResponse | undefined {
  const script = peer.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!script) return undefined;
  const cwd = peer.cwd.replace(/\/$/, '');
  const source =
    readText(fs, script.startsWith('/') ? script : `${cwd}/${script.replace(/^\.\//, '')}`) ?? '';
  const m = /res\.(?:end|send)\(\s*(["'`])((?:\\.|(?!\1).)*)\1/.exec(source);
  if (!m) return undefined;
  const body = Buffer.from(m[2]!.replace(/\\(.)/g, '$1'));
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(now)],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5'],
      ['Content-Length', String(body.length)],
    ],
    body,
  };
}

/**
 * What a listening program answers to an HTTP request: nginx and httpd serve their files, a
 * Node.js script its handler's text, a Flask app its route's; anything else closes the connection without a word.
 */
export function serveHttp(peer: NetPeer, method: string, path: string, now: number): HttpResponse | 'empty' {
  const fs = peer.fs();
  if (peer.program === 'nginx') return nginx(fs, method, path, now);
  if (peer.program === 'httpd') return httpd(fs, path, now);
  if (peer.program === 'node') return node(peer, fs, now) ?? 'empty';
  if (peer.program === 'flask') return serveFlask(peer, method, path, now);
  return 'empty';
}

export function headerText(r: HttpResponse): string {
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
