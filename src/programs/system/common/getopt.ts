/**
 * getopt_long as the C libraries implement it, small enough for the system tools. The short
 * option string uses getopt's own notation (`c:` takes a value, `w::` an optional attached one),
 * long options map to the key they set. Like glibc, options and operands may mix unless the
 * spec is `posix` (getopt's leading `+`: stop at the first operand, as env and nsenter do).
 */
export type ArgKind = 'none' | 'required' | 'optional';

export interface GetoptSpec {
  short?: string;
  long?: Record<string, [key: string, arg: ArgKind]>;
  posix?: boolean;
}

export interface Opt {
  key: string;
  value?: string;
}

export interface Parsed {
  opts: Opt[];
  operands: string[];
}

export type GetoptError =
  | { kind: 'invalid'; option: string }
  | { kind: 'unrecognized'; option: string }
  | { kind: 'missing'; option: string; long: boolean }
  | { kind: 'ambiguous'; option: string }
  | { kind: 'extra'; option: string };

function shortTable(spec: string): Map<string, ArgKind> {
  const table = new Map<string, ArgKind>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ':' || c === '+') continue;
    const kind: ArgKind = spec[i + 1] === ':' ? (spec[i + 2] === ':' ? 'optional' : 'required') : 'none';
    table.set(c, kind);
  }
  return table;
}

function findLong(spec: GetoptSpec, name: string): [string, [string, ArgKind]] | 'ambiguous' | undefined {
  const table = spec.long ?? {};
  if (table[name]) return [name, table[name]];
  const matches = Object.keys(table).filter((k) => k.startsWith(name));
  if (matches.length === 0) return undefined;
  if (new Set(matches.map((m) => table[m]![0])).size > 1) return 'ambiguous';
  return [matches[0]!, table[matches[0]!]!];
}

function parseLong(args: string[], i: number, spec: GetoptSpec, out: Opt[]): number | GetoptError {
  const arg = args[i]!;
  const eq = arg.indexOf('=');
  const name = arg.slice(2, eq < 0 ? undefined : eq);
  const found = findLong(spec, name);
  if (found === 'ambiguous') return { kind: 'ambiguous', option: arg };
  if (!found) return { kind: 'unrecognized', option: arg };
  const [full, [key, kind]] = found;
  if (eq >= 0) {
    if (kind === 'none') return { kind: 'extra', option: `--${full}` };
    out.push({ key, value: arg.slice(eq + 1) });
  } else if (kind === 'required') {
    if (i + 1 >= args.length) return { kind: 'missing', option: `--${full}`, long: true };
    out.push({ key, value: args[i + 1]! });
    return i + 1;
  } else out.push({ key });
  return i;
}

function parseShort(
  args: string[],
  i: number,
  table: Map<string, ArgKind>,
  out: Opt[],
): number | GetoptError {
  const arg = args[i]!;
  for (let j = 1; j < arg.length; j++) {
    const c = arg[j]!;
    const kind = table.get(c);
    if (kind === undefined) return { kind: 'invalid', option: c };
    if (kind === 'none') {
      out.push({ key: c });
      continue;
    }
    const rest = arg.slice(j + 1);
    if (rest || kind === 'optional') out.push(rest ? { key: c, value: rest } : { key: c });
    else if (i + 1 < args.length) {
      out.push({ key: c, value: args[i + 1]! });
      return i + 1;
    } else return { kind: 'missing', option: c, long: false };
    return i;
  }
  return i;
}

export function getopt(args: string[], spec: GetoptSpec): Parsed | GetoptError {
  const table = shortTable(spec.short ?? '');
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    let next: number | GetoptError;
    if (arg.startsWith('--') && spec.long) next = parseLong(args, i, spec, opts);
    else if (arg.startsWith('-') && arg.length > 1) next = parseShort(args, i, table, opts);
    else {
      operands.push(arg);
      if (spec.posix) {
        operands.push(...args.slice(i + 1));
        break;
      }
      continue;
    }
    if (typeof next !== 'number') return next;
    i = next;
  }
  return { opts, operands };
}

export function isGetoptError(p: Parsed | GetoptError): p is GetoptError {
  return 'kind' in p;
}

/** The message getopt itself prints, in glibc's or musl's words (`prog: ` included, newline too). */
export function getoptMessage(prog: string, e: GetoptError, libc: 'glibc' | 'musl'): string {
  if (libc === 'musl') {
    const name = e.option.replace(/^--/, '').replace(/=.*$/, '');
    if (e.kind === 'missing') return `${prog}: option requires an argument: ${name}\n`;
    if (e.kind === 'extra') return `${prog}: option does not take an argument: ${name}\n`;
    return `${prog}: unrecognized option: ${name}\n`;
  }
  switch (e.kind) {
    case 'invalid':
      return `${prog}: invalid option -- '${e.option}'\n`;
    case 'unrecognized':
      return `${prog}: unrecognized option '${e.option}'\n`;
    case 'ambiguous':
      return `${prog}: option '${e.option}' is ambiguous\n`;
    case 'extra':
      return `${prog}: option '${e.option}' doesn't allow an argument\n`;
    case 'missing':
      return e.long
        ? `${prog}: option '${e.option}' requires an argument\n`
        : `${prog}: option requires an argument -- '${e.option}'\n`;
  }
}

/** Last value given to a key, or undefined. */
export function lastValue(p: Parsed, key: string): string | undefined {
  for (let i = p.opts.length - 1; i >= 0; i--) if (p.opts[i]!.key === key) return p.opts[i]!.value;
  return undefined;
}

export function has(p: Parsed, key: string): boolean {
  return p.opts.some((o) => o.key === key);
}
