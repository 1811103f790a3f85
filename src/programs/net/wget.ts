import { Output } from '../run.js';
import type { Flavour } from '../system/common/fail.js';
import { usageFailure } from '../system/common/fail.js';
import { getopt, isGetoptError, lastValue } from '../system/common/getopt.js';
import type { ProcessContext, ProgramRun } from '../types.js';
import { CONNECT_TIMEOUT_MS, fetchHttp, parseUrl } from './fetch.js';
import { type HttpResponse, headerText } from './http.js';

function targetFile(ctx: ProcessContext, path: string, given: string | undefined): string {
  const name = given ?? (path.split('?')[0]!.split('/').pop() || 'index.html');
  return name === '-' || name.startsWith('/') ? name : `${ctx.cwd.replace(/\/$/, '')}/${name}`;
}

function save(ctx: ProcessContext, file: string, r: HttpResponse, out: Output): boolean {
  if (file === '-') {
    out.out(r.body.toString('utf8'));
    return true;
  }
  ctx.fs.writeFile(file, r.body);
  return true;
}

/** BusyBox's one-line progress bar for a finished transfer. */
function bar(name: string, size: number): string {
  const shown = size < 100000 ? String(size).padStart(5) : `${String(Math.floor(size / 1024)).padStart(4)}k`;
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${shown}  0:00:00 ETA\n`;
}

/** BusyBox wget (Alpine): `Connecting to …`, the bar, and its terse errors. */
function busyboxWget(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), {
    short: 'cqO:o:SsT:t:U:Y:P:',
    long: {
      quiet: ['q', 'none'],
      'output-document': ['O', 'required'],
      spider: ['s', 'none'],
      'server-response': ['S', 'none'],
      timeout: ['T', 'required'],
    },
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'wget', 'busybox', p);
  const raw = p.operands[0];
  if (!raw) return usageFailure(ctx, 'wget', 'busybox');
  const quiet = p.opts.some((o) => o.key === 'q');
  const spider = p.opts.some((o) => o.key === 's');
  const out = new Output();
  const url = parseUrl(raw);
  if (!url || 'badScheme' in url) return out.err(`wget: not an http or ftp url: ${raw}\n`).exit(1);
  const fetched = fetchHttp(ctx, url, spider ? 'HEAD' : 'GET');
  if (fetched.kind === 'unresolved') return out.err(`wget: bad address '${url.host}'\n`).exit(1);
  if (!quiet) out.err(`Connecting to ${url.host} (${fetched.ip}:${url.port})\n`);
  if (fetched.kind === 'refused')
    return out.err(`wget: can't connect to remote host (${fetched.ip}): Connection refused\n`).exit(1);
  if (fetched.kind === 'unreachable') {
    const t = lastValue(p, 'T');
    return out
      .wait(t ? Number(t) * 1000 : CONNECT_TIMEOUT_MS)
      .err('wget: download timed out\n')
      .exit(1);
  }
  if (fetched.kind !== 'ok')
    return out
      .err(`wget: error getting response${fetched.kind === 'reset' ? ': Connection reset by peer' : ''}\n`)
      .exit(1);
  const r = fetched.response;
  if (p.opts.some((o) => o.key === 'S'))
    out.err(
      headerText(r)
        .replace(/\r\n$/, '')
        .split('\r\n')
        .map((l) => `  ${l}\n`)
        .join(''),
    );
  if (r.status >= 400)
    return out.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`).exit(1);
  if (spider) return out.err(quiet ? '' : 'remote file exists\n').exit(0);
  const file = targetFile(ctx, url.path, lastValue(p, 'O'));
  if (file !== '-' && !lastValue(p, 'O') && ctx.fs.stat(file)) {
    return out.err(`wget: can't open '${file.split('/').pop()}': File exists\n`).exit(1);
  }
  const shown = file === '-' ? '-' : file.split('/').pop()!;
  if (!quiet) out.err(file === '-' ? 'writing to stdout\n' : `saving to '${lastValue(p, 'O') ?? shown}'\n`);
  save(ctx, file, r, out);
  if (!quiet)
    out.err(
      `${bar(shown, r.body.length)}${file === '-' ? 'written to stdout\n' : `'${lastValue(p, 'O') ?? shown}' saved\n`}`,
    );
  return out.exit(0);
}

function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** GNU wget (Debian, the host): the resolver and connection lines, then the saved file. */
function gnuWget(ctx: ProcessContext): ProgramRun {
  const p = getopt(ctx.argv.slice(1), {
    short: 'qO:T:t:S',
    long: {
      quiet: ['q', 'none'],
      'output-document': ['O', 'required'],
      timeout: ['T', 'required'],
      tries: ['t', 'required'],
    },
  });
  const out = new Output();
  if (isGetoptError(p) || !p.operands[0])
    return out
      .err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n")
      .exit(1);
  const raw = p.operands[0];
  const quiet = p.opts.some((o) => o.key === 'q');
  const url = parseUrl(raw);
  if (!url || 'badScheme' in url) return out.err(`${raw}: Unsupported scheme.\n`).exit(1);
  const full = `${url.scheme}://${url.host}${url.port === 80 ? '' : `:${url.port}`}${url.path}`;
  const log = (text: string) => {
    if (!quiet) out.err(text);
  };
  log(`--${stamp(ctx.sys.now())}--  ${full}\nResolving ${url.host} (${url.host})... `);
  const fetched = fetchHttp(ctx, url, 'GET');
  if (fetched.kind === 'unresolved') {
    if (quiet) return out.exit(4);
    return out
      .err(`failed: Name or service not known.\nwget: unable to resolve host address '${url.host}'\n`)
      .exit(4);
  }
  log(`${fetched.ip}\nConnecting to ${url.host} (${url.host})|${fetched.ip}|:${url.port}... `);
  if (fetched.kind === 'refused') return out.err(quiet ? '' : 'failed: Connection refused.\n').exit(4);
  if (fetched.kind === 'unreachable')
    return out
      .wait(CONNECT_TIMEOUT_MS)
      .err(quiet ? '' : 'failed: Connection timed out.\n')
      .exit(4);
  if (fetched.kind !== 'ok')
    return out
      .err(quiet ? '' : 'connected.\nHTTP request sent, awaiting response... No data received.\n')
      .exit(4);
  const r = fetched.response;
  log(`connected.\nHTTP request sent, awaiting response... ${r.status} ${r.reason}\n`);
  if (r.status >= 400)
    return out.err(quiet ? '' : `${stamp(ctx.sys.now())} ERROR ${r.status}: ${r.reason}.\n\n`).exit(8);
  const file = targetFile(ctx, url.path, lastValue(p, 'O'));
  const shown = file === '-' ? '-' : file.split('/').pop()!;
  const type = r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
  log(`Length: ${r.body.length} [${type}]\nSaving to: '${shown === '-' ? 'STDOUT' : shown}'\n\n`);
  save(ctx, file, r, out);
  log(
    `     0K${' '.repeat(54)}100% 58.7M=0s\n\n${stamp(ctx.sys.now())} (58.7 MB/s) - '${shown === '-' ? 'written to stdout' : shown}' saved [${r.body.length}/${r.body.length}]\n\n`,
  );
  return out.exit(0);
}

export function wget(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  return flavour === 'busybox' ? busyboxWget(ctx) : gnuWget(ctx);
}
