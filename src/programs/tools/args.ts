import type { Tool } from './common.js';
import { busyboxUsage, gnuHelp } from './usage.js';

/**
 * A getopt_long in miniature. Short options cluster (`-la`), take values attached or as the
 * next word (`-n5`, `-n 5`); long options take `=value` or the next word and may be
 * abbreviated while unambiguous (GNU's rule). Operands and options mix (both glibc and musl
 * permute) unless `posix` is set; `--` ends the options.
 */
export interface OptSpec {
  /** Short options without a value (`laAd1`). */
  flags?: string;
  /** Short options that take a value (`nm`). */
  values?: string;
  /** Long option → the key it sets; a `=` suffix means it takes a value, `?` an optional one. */
  long?: Record<string, string>;
  /** Stop at the first operand (`xargs`, `find`): the rest belongs to a command. */
  posix?: boolean;
}

export interface Parsed {
  /** Option key → every value it was given in order (`true` for flags). */
  readonly seen: Map<string, (string | true)[]>;
  readonly operands: string[];
  has(key: string): boolean;
  /** The last value of a value option. */
  value(key: string): string | undefined;
  all(key: string): string[];
  /** Keys in the order they appeared (for options where the last one wins: `-1` vs `-l`). */
  order: string[];
}

export type ArgError =
  | { kind: 'invalid'; option: string }
  | { kind: 'unrecognized'; option: string }
  | { kind: 'missing'; option: string; long: boolean }
  | { kind: 'ambiguous'; option: string }
  | { kind: 'extra-value'; option: string };

function makeParsed(): Parsed {
  const seen = new Map<string, (string | true)[]>();
  return {
    seen,
    operands: [],
    order: [],
    has: (k) => seen.has(k),
    value(k) {
      const v = seen.get(k);
      const last = v?.[v.length - 1];
      return typeof last === 'string' ? last : undefined;
    },
    all: (k) => (seen.get(k) ?? []).filter((v): v is string => typeof v === 'string'),
  };
}

function record(p: Parsed, key: string, value: string | true): void {
  const list = p.seen.get(key) ?? [];
  list.push(value);
  p.seen.set(key, list);
  p.order.push(key);
}

function findLong(spec: OptSpec, name: string): [string, string] | 'ambiguous' | undefined {
  const table = spec.long ?? {};
  const exact = Object.keys(table).find((k) => k === name);
  if (exact) return [exact, table[exact]!];
  const matches = Object.keys(table).filter((k) => k.startsWith(name));
  const targets = new Set(matches.map((m) => table[m]));
  if (matches.length === 0) return undefined;
  if (targets.size > 1) return 'ambiguous';
  return [matches[0]!, table[matches[0]!]!];
}

export function parseArgs(args: string[], spec: OptSpec): Parsed | ArgError {
  const p = makeParsed();
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      p.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const found = findLong(spec, name);
      if (found === 'ambiguous') return { kind: 'ambiguous', option: arg };
      if (!found) return { kind: 'unrecognized', option: arg };
      const [full, target] = found;
      const takes = target.endsWith('=') ? 'yes' : target.endsWith('?') ? 'optional' : 'no';
      const key = takes === 'no' ? target : target.slice(0, -1);
      if (eq >= 0) {
        if (takes === 'no') return { kind: 'extra-value', option: `--${full}` };
        record(p, key, arg.slice(eq + 1));
      } else if (takes === 'yes') {
        if (i + 1 >= args.length) return { kind: 'missing', option: `--${full}`, long: true };
        record(p, key, args[++i]!);
      } else record(p, key, true);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        if (values.includes(c)) {
          const rest = arg.slice(j + 1);
          if (rest) record(p, c, rest);
          else if (i + 1 < args.length) record(p, c, args[++i]!);
          else return { kind: 'missing', option: c, long: false };
          break;
        }
        if (!flags.includes(c)) return { kind: 'invalid', option: c };
        record(p, c, true);
      }
      continue;
    }
    p.operands.push(arg);
    if (spec.posix) {
      p.operands.push(...args.slice(i + 1));
      break;
    }
  }
  return p;
}

export function isArgError(p: Parsed | ArgError): p is ArgError {
  return 'kind' in p;
}

/**
 * Prints a usage error the way each flavour does: glibc's getopt message and coreutils'
 * `Try '... --help'` line, or musl's getopt message and BusyBox's usage text.
 */
export function usageError(t: Tool, e: ArgError, code = 1): ReturnType<Tool['done']> {
  if (t.gnu) {
    const text =
      e.kind === 'invalid'
        ? `invalid option -- '${e.option}'`
        : e.kind === 'unrecognized'
          ? `unrecognized option '${e.option}'`
          : e.kind === 'ambiguous'
            ? `option '${e.option}' is ambiguous`
            : e.kind === 'extra-value'
              ? `option '${e.option}' doesn't allow an argument`
              : e.long
                ? `option '${e.option}' requires an argument`
                : `option requires an argument -- '${e.option}'`;
    return tryHelp(t, text, code);
  }
  const name = e.option.replace(/^--/, '').replace(/=.*$/, '');
  const text =
    e.kind === 'missing'
      ? `option requires an argument: ${name}`
      : e.kind === 'extra-value'
        ? `option does not take an argument: ${name}`
        : `unrecognized option: ${name}`;
  t.err(`${t.name}: ${text}\n`);
  return showUsage(t, code);
}

/** GNU's two-line usage failure: the message, then `Try 'ls --help' for more information.` */
export function tryHelp(t: Tool, message: string, code = 1): ReturnType<Tool['done']> {
  if (message) t.err(`${t.name}: ${message}\n`);
  t.err(`Try '${t.name} --help' for more information.\n`);
  return t.done(code);
}

/** BusyBox's usage text on stderr (its answer to every usage mistake). */
export function showUsage(t: Tool, code = 1): ReturnType<Tool['done']> {
  t.err(busyboxUsage(t.applet));
  return t.done(code);
}

/** `--help` and `--version` for GNU tools; undefined when neither was asked for. */
export function gnuInfo(t: Tool): ReturnType<Tool['done']> | undefined {
  if (!t.gnu) return undefined;
  const end = t.args.indexOf('--');
  const first = (end < 0 ? t.args : t.args.slice(0, end)).find((a) => a === '--help' || a === '--version');
  if (!first) return undefined;
  t.out(first === '--help' ? gnuHelp(t.applet, t.name) : gnuVersion(t.applet));
  return t.done(0);
}

function gnuVersion(applet: string): string {
  const pkg: Record<string, string> = {
    find: 'find (GNU findutils) 4.9.0',
    xargs: 'xargs (GNU findutils) 4.9.0',
    grep: 'grep (GNU grep) 3.8',
    sed: 'sed (GNU sed) 4.9',
    tar: 'tar (GNU tar) 1.34',
    awk: 'mawk 1.3.4 20200120',
    which: 'which (debianutils) 5.7',
  };
  return `${pkg[applet] ?? `${applet} (GNU coreutils) 9.1`}\n`;
}

/** Parses, or prints the usage error: the common start of every tool. */
export function parseOrFail(
  t: Tool,
  spec: OptSpec,
  code?: number,
  args = t.args,
): Parsed | ReturnType<Tool['done']> {
  const info = gnuInfo(t);
  if (info) return info;
  const p = parseArgs(args, spec);
  if (isArgError(p)) return usageError(t, p, code);
  return p;
}

export function isParsed(p: Parsed | ReturnType<Tool['done']>): p is Parsed {
  return 'operands' in p;
}
