/** curl's command line: combined short options (`-fsSL`), values attached or apart, long names. */
export interface CurlOptions {
  url: string;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  version: boolean;
  method?: string;
  data?: string;
  /** A file, `-` for stdout, or `\0remote` for `-O`. */
  output?: string;
  maxTime?: number;
}

const FLAGS: Record<string, keyof CurlOptions | 'ignore'> = {
  s: 'silent',
  silent: 'silent',
  S: 'showError',
  'show-error': 'showError',
  v: 'verbose',
  verbose: 'verbose',
  i: 'include',
  include: 'include',
  I: 'head',
  head: 'head',
  f: 'fail',
  fail: 'fail',
  V: 'version',
  version: 'version',
  L: 'ignore',
  location: 'ignore',
  k: 'ignore',
  insecure: 'ignore',
  '4': 'ignore',
  ipv4: 'ignore',
  compressed: 'ignore',
  'http1.1': 'ignore',
  N: 'ignore',
  'no-buffer': 'ignore',
  O: 'output',
  'remote-name': 'output',
};

const VALUES: Record<string, 'method' | 'data' | 'output' | 'maxTime' | 'ignore'> = {
  X: 'method',
  request: 'method',
  d: 'data',
  data: 'data',
  'data-raw': 'data',
  'data-binary': 'data',
  o: 'output',
  output: 'output',
  m: 'maxTime',
  'max-time': 'maxTime',
  'connect-timeout': 'maxTime',
  H: 'ignore',
  header: 'ignore',
  A: 'ignore',
  'user-agent': 'ignore',
  u: 'ignore',
  user: 'ignore',
  w: 'ignore',
  'write-out': 'ignore',
  e: 'ignore',
  referer: 'ignore',
  retry: 'ignore',
  'retry-delay': 'ignore',
  b: 'ignore',
  cookie: 'ignore',
};

const HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export function parseCurlArgs(args: string[]): CurlOptions | { error: string; code: number } {
  const o: CurlOptions = {
    url: '',
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    version: false,
  };
  const set = (key: string, value?: string): string | undefined => {
    const flag = FLAGS[key];
    if (flag === 'output') o.output = '\0remote';
    else if (flag && flag !== 'ignore') (o as unknown as Record<string, unknown>)[flag] = true;
    else if (!flag) {
      const v = VALUES[key];
      if (!v) return `curl: option ${key.length > 1 ? '--' : '-'}${key}: is unknown\n${HINT}`;
      if (value === undefined)
        return `curl: option ${key.length > 1 ? '--' : '-'}${key}: requires parameter\n${HINT}`;
      if (v === 'maxTime') o.maxTime = Number(value);
      else if (v !== 'ignore') o[v] = value;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const takes = VALUES[name] !== undefined;
      const err = set(name, takes ? (inline ?? args[++i]) : undefined);
      if (err) return { error: err, code: 2 };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (VALUES[c] !== undefined) {
          const rest = a.slice(j + 1);
          const err = set(c, rest || args[++i]);
          if (err) return { error: err, code: 2 };
          break;
        }
        const err = set(c);
        if (err) return { error: err, code: 2 };
      }
    } else if (!o.url) o.url = a;
  }
  if (!o.url && !o.version) return { error: `curl: no URL specified!\n${HINT}`, code: 2 };
  return o;
}
