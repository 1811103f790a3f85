import { Output } from '../run.js';
import { readText } from '../system/common/host.js';
import type { ProcessContext, ProgramRun } from '../types.js';
import { parseCurlArgs } from './curl-args.js';
import { meter } from './curl-meter.js';
import { CONNECT_TIMEOUT_MS, type Fetched, fetchHttp, parseUrl, type Url } from './fetch.js';
import { headerText } from './http.js';

/** curl's version by the image's distribution (Debian bookworm 7.88.1, Alpine 8.9.1, Ubuntu 8.5.0). */
function curlVersion(ctx: ProcessContext): string {
  if (ctx.fs.stat('/etc/alpine-release')) return '8.9.1';
  if ((readText(ctx.fs, '/etc/os-release') ?? '').includes('ID=ubuntu')) return '8.5.0';
  return '7.88.1';
}

function failure(code: number, text: string): { code: number; text: string } {
  return { code, text: `curl: (${code}) ${text}\n` };
}

/** The error curl reports for a transfer that did not end in a response. */
function failureOf(
  f: Fetched,
  url: Url,
  maxTime: number | undefined,
): { code: number; text: string; wait: number } {
  switch (f.kind) {
    case 'unresolved':
      return { ...failure(6, `Could not resolve host: ${url.host}`), wait: 0 };
    case 'refused':
      return {
        ...failure(
          7,
          `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
        ),
        wait: 0,
      };
    case 'unreachable': {
      const ms = maxTime !== undefined ? Math.round(maxTime * 1000) : CONNECT_TIMEOUT_MS;
      const text =
        maxTime !== undefined
          ? `Connection timed out after ${ms + 1} milliseconds`
          : `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`;
      return { ...failure(28, text), wait: ms };
    }
    case 'reset':
      return { ...failure(56, 'Recv failure: Connection reset by peer'), wait: 0 };
    default:
      return { ...failure(52, 'Empty reply from server'), wait: 0 };
  }
}

/** `-v` lines before the response (curl 7 and 8 word the connection differently). */
function verboseRequest(version: string, url: Url, ip: string, method: string): string {
  const eight = version.startsWith('8');
  let text = eight ? `* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n` : '';
  text += `*   Trying ${ip}:${url.port}...\n* Connected to ${url.host} (${ip}) port ${url.port}${eight ? '' : ' (#0)'}\n`;
  const host = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  text += `> ${method} ${url.path} HTTP/1.1\n> Host: ${host}\n> User-Agent: curl/${version}\n> Accept: */*\n> \n`;
  if (eight) text += '* Request completely sent off\n';
  return text;
}

/**
 * curl: one HTTP request over the simulated network. A listening nginx or httpd answers with
 * its files; errors are curl's (`(6) Could not resolve host`, `(7) Failed to connect`, …).
 */
export function curl(ctx: ProcessContext): ProgramRun {
  const version = curlVersion(ctx);
  const o = parseCurlArgs(ctx.argv.slice(1));
  if ('error' in o) return new Output().err(o.error).exit(o.code);
  if (o.version)
    return new Output()
      .out(
        `curl ${version} (x86_64-pc-linux-gnu) libcurl/${version}\nRelease-Date: 2024-07-31\nProtocols: http https\nFeatures: IPv6 Largefile\n`,
      )
      .exit(0);
  const out = new Output();
  const showErrors = !o.silent || o.showError;
  // The meter goes to stderr unless silent, when the body does not go to a terminal.
  const showMeter = !o.silent && (o.output !== undefined || !ctx.tty);
  const url = parseUrl(o.url);
  if (!url || 'badScheme' in url) {
    const msg = url
      ? failure(1, `Protocol "${url.badScheme}" not supported`)
      : failure(3, 'URL rejected: Malformed input to a URL function');
    return out.err(showErrors ? msg.text : '').exit(msg.code);
  }
  const method = o.head ? 'HEAD' : (o.method ?? (o.data !== undefined ? 'POST' : 'GET'));
  const fetched = fetchHttp(ctx, url, method);
  if (fetched.kind !== 'ok') {
    const f = failureOf(fetched, url, o.maxTime);
    if (o.verbose && fetched.kind !== 'unresolved') out.err(`*   Trying ${fetched.ip}:${url.port}...\n`);
    if (showMeter) out.err(meter(undefined, 0));
    out.wait(f.wait);
    if (showErrors) out.err(f.text);
    return out.exit(f.code);
  }
  const r = fetched.response;
  if (o.verbose) out.err(verboseRequest(version, url, fetched.ip, method));
  if (o.verbose)
    out.err(
      headerText(r)
        .split('\r\n')
        .slice(0, -1)
        .map((l) => `< ${l}\r\n`)
        .join(''),
    );
  if (o.fail && r.status >= 400) {
    if (showMeter) out.err(meter(0, 1));
    return out
      .err(showErrors ? failure(22, `The requested URL returned error: ${r.status}`).text : '')
      .exit(22);
  }
  const head = o.include || o.head ? headerText(r) : '';
  const payload = Buffer.concat([Buffer.from(head), r.body]);
  if (showMeter) out.err(meter(payload.length, 1));
  if (showMeter && o.verbose) out.err(`{ [${payload.length} bytes data]\n`);
  if (o.output && o.output !== '-') {
    const file = o.output === '\0remote' ? url.path.split('?')[0]!.split('/').pop() || '' : o.output;
    if (!file) return out.err('curl: Remote file name has no length!\n').exit(23);
    try {
      ctx.fs.writeFile(file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`, payload);
    } catch {
      return out.err(showErrors ? failure(23, 'Failure writing output to destination').text : '').exit(23);
    }
  } else out.out(payload.toString('utf8'));
  if (o.verbose) out.err(`* Connection #0 to host ${url.host} left intact\n`);
  return out.exit(0);
}
