/**
 * Declarative command specs: the usage line, help text, flags and argument counts of a docker
 * command. One spec drives parsing (through commander), help output laid out as docker's,
 * argument-count errors and completion in the playground.
 */

export interface FlagSpec {
  /** Long name without dashes (`all`). */
  long: string;
  /** One-letter shorthand without dash (`a`). */
  short?: string;
  /** Bool flags take no value (`--all`, `--all=false`); value flags take one. */
  kind: 'bool' | 'value';
  /** The type word docker's help shows after the flag (`string`, `int`, `list`, `filter`, `bytes`...). */
  typeName?: string;
  help: string;
  /** Text of docker's `(default …)` suffix, when docker prints one. */
  defaultText?: string;
  /** Repeatable flags collect every value into an array. */
  repeatable?: boolean;
  /** Converts and checks a value; throws FlagValueError with the reason docker gives. */
  parse?: (raw: string) => unknown;
  /** The value when the flag is absent. */
  default?: unknown;
  hidden?: boolean;
}

export interface ArgCount {
  min: number;
  /** Infinity when there is no upper bound. */
  max: number;
}

export interface CommandSpec {
  /** Command path without `docker` (`container ls`, `ps`). */
  path: string;
  /** The usage line after the command path (`[OPTIONS] CONTAINER [CONTAINER...]`). */
  usage: string;
  description: string;
  /** Full command lines shown under `Aliases:` in help. */
  aliases?: string[];
  args: ArgCount;
  flags: FlagSpec[];
  /** run/create/exec: flags end at the first positional argument (the image or container). */
  stopAtFirstArg?: boolean;
  /** Extra help text after the options (docker's `Examples:` and the like). */
  extraHelp?: string;
}

/** A value a flag cannot take; the message is the reason after docker's `invalid argument` prefix. */
export class FlagValueError extends Error {}

export const NO_ARGS: ArgCount = { min: 0, max: 0 };
export const exactly = (n: number): ArgCount => ({ min: n, max: n });
export const atLeast = (n: number): ArgCount => ({ min: n, max: Number.POSITIVE_INFINITY });
export const atMost = (n: number): ArgCount => ({ min: 0, max: n });
export const between = (min: number, max: number): ArgCount => ({ min, max });

type FlagOptions = Partial<Omit<FlagSpec, 'long' | 'kind' | 'help'>>;

export function bool(
  long: string,
  short: string | undefined,
  help: string,
  extra: FlagOptions = {},
): FlagSpec {
  return { long, ...(short ? { short } : {}), kind: 'bool', help, default: false, ...extra };
}

export function str(
  long: string,
  short: string | undefined,
  help: string,
  extra: FlagOptions = {},
): FlagSpec {
  return { long, ...(short ? { short } : {}), kind: 'value', typeName: 'string', help, ...extra };
}

export function list(
  long: string,
  short: string | undefined,
  help: string,
  extra: FlagOptions = {},
): FlagSpec {
  return {
    long,
    ...(short ? { short } : {}),
    kind: 'value',
    typeName: 'list',
    help,
    repeatable: true,
    default: [],
    ...extra,
  };
}

/** Go's strconv.ParseInt message, as pflag reports a bad int. */
export function parseGoInt(raw: string): number {
  if (!/^[+-]?\d+$/.test(raw)) throw new FlagValueError(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
  return Number.parseInt(raw, 10);
}

export function int(
  long: string,
  short: string | undefined,
  help: string,
  extra: FlagOptions = {},
): FlagSpec {
  return {
    long,
    ...(short ? { short } : {}),
    kind: 'value',
    typeName: 'int',
    help,
    parse: parseGoInt,
    ...extra,
  };
}

/** Go's strconv.ParseBool: the spellings pflag accepts after `--flag=`. */
export function parseGoBool(raw: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  throw new FlagValueError(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
}

/** The `--format` flag most listing commands share, with docker's help text. */
export function formatFlag(short: string | undefined, modes: 'table' | 'json'): FlagSpec {
  const table =
    "'table':            Print output in table format with column headers (default)\n" +
    "'table TEMPLATE':   Print output in table format using the given Go template\n";
  const rest =
    "'json':             Print in JSON format\n" +
    "'TEMPLATE':         Print output using the given Go template.\n" +
    'Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates';
  return str(
    'format',
    short,
    `Format output using a custom template:\n${modes === 'table' ? table : ''}${rest}`,
  );
}

/** The command name as docker prints it in messages: `docker container ls`. */
export function commandPath(spec: CommandSpec): string {
  return `docker ${spec.path}`;
}

/** The whole usage line: `docker ps [OPTIONS]`. */
export function usageLine(spec: CommandSpec): string {
  return spec.usage ? `docker ${spec.path} ${spec.usage}` : `docker ${spec.path}`;
}

/** `-f, --filter filter`: repeatable `name=value` pairs, checked as docker's filter flag does. */
export function filterFlag(
  short: string | undefined,
  help = 'Filter output based on conditions provided',
): FlagSpec {
  return list('filter', short, help, {
    typeName: 'filter',
    parse: (raw) => {
      if (!raw.includes('=')) throw new FlagValueError('bad format of filter (expected name=value)');
      return raw;
    },
  });
}
