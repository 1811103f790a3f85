import type { Command, Option } from 'commander';
import { CliError } from './errors.js';
import {
  type CommandSpec,
  commandPath,
  type FlagSpec,
  FlagValueError,
  parseGoBool,
  usageLine,
} from './spec.js';

export interface ParsedCommand {
  /** Flag values keyed by long name (`no-trunc`), defaults filled in. */
  opts: Record<string, unknown>;
  /** Which flags were given on the command line. */
  given: Set<string>;
  args: string[];
  help: boolean;
  /** The command path as invoked (`images` or `image ls`). */
  path: string;
}

const HELP: FlagSpec = { long: 'help', kind: 'bool', help: 'Print usage', default: false, hidden: true };

/** The three-part frame pflag errors are printed in: message, usage line, help hint. */
export function usageError(spec: CommandSpec, message: string, exitCode: number, hint = 'Run'): CliError {
  const path = commandPath(spec);
  return new CliError(
    `${message}\n\nUsage:  ${usageLine(spec)}\n\n${hint} '${path} --help' for more information`,
    exitCode,
  );
}

function flagLabel(flag: FlagSpec): string {
  return flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
}

/**
 * pflag spellings commander does not know: `--bool=false`, `-b=false` and `-x=value`.
 * Rewrites them into plain tokens and returns bool values decided here.
 */
function normalize(spec: CommandSpec, argv: string[]): { tokens: string[]; bools: Map<string, boolean> } {
  const byLong = new Map(spec.flags.map((f) => [f.long, f]));
  const byShort = new Map(spec.flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const tokens: string[] = [];
  const bools = new Map<string, boolean>();
  let positional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (positional || arg === '--' || !arg.startsWith('-') || arg === '-') {
      if (
        arg === '--' ||
        (spec.stopAtFirstArg && !arg.startsWith('-')) ||
        (spec.stopAtFirstArg && arg === '-')
      ) {
        positional = true;
      }
      tokens.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      const flag = byLong.get(arg.slice(2, eq));
      if (flag?.kind === 'bool') {
        bools.set(flag.long, parseBoolValue(flag, arg.slice(eq + 1), spec));
        continue;
      }
    } else if (!arg.startsWith('--') && eq === 2) {
      const flag = byShort.get(arg[1]!);
      if (flag?.kind === 'bool') {
        bools.set(flag.long, parseBoolValue(flag, arg.slice(3), spec));
        continue;
      }
      if (flag) {
        tokens.push(arg.slice(0, 2), arg.slice(3));
        continue;
      }
    }
    tokens.push(arg);
    if (needsSeparateValue(arg, byLong, byShort) && i + 1 < argv.length) tokens.push(argv[++i]!);
  }
  return { tokens, bools };
}

/** True when `arg` is a value flag whose value is the next argument (`--name x`, `-itp 80`). */
function needsSeparateValue(
  arg: string,
  byLong: Map<string, FlagSpec>,
  byShort: Map<string, FlagSpec>,
): boolean {
  if (arg.startsWith('--')) return !arg.includes('=') && byLong.get(arg.slice(2))?.kind === 'value';
  for (let j = 1; j < arg.length; j++) {
    const flag = byShort.get(arg[j]!);
    if (!flag) return false;
    if (flag.kind === 'value') return j === arg.length - 1;
  }
  return false;
}

function parseBoolValue(flag: FlagSpec, raw: string, spec: CommandSpec): boolean {
  try {
    return parseGoBool(raw);
  } catch (e) {
    throw usageError(
      spec,
      `invalid argument "${raw}" for "${flagLabel(flag)}" flag: ${(e as Error).message}`,
      125,
    );
  }
}

type Commander = typeof import('commander');

function buildCommander(
  { Command, Option }: Commander,
  spec: CommandSpec,
  flags: FlagSpec[],
): { cmd: Command; options: Map<FlagSpec, Option> } {
  const cmd = new Command(spec.path)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .helpOption(false)
    .allowExcessArguments(true)
    .argument('[args...]');
  if (spec.stopAtFirstArg) cmd.passThroughOptions();
  const options = new Map<FlagSpec, Option>();
  for (const flag of flags) {
    const names = flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
    const option = new Option(flag.kind === 'value' ? `${names} <value>` : names);
    // Docker has flags named --no-trunc; they are plain flags, not negations.
    option.negate = false;
    if (flag.kind === 'value') {
      option.argParser((raw: string, previous: unknown) => {
        let value: unknown = raw;
        if (flag.parse) {
          try {
            value = flag.parse(raw);
          } catch (e) {
            if (e instanceof FlagValueError || e instanceof Error) {
              throw usageError(
                spec,
                `invalid argument "${raw}" for "${flagLabel(flag)}" flag: ${e.message}`,
                125,
              );
            }
            throw e;
          }
        }
        return flag.repeatable ? [...((previous as unknown[] | undefined) ?? []), value] : value;
      });
    }
    cmd.addOption(option);
    options.set(flag, option);
  }
  return { cmd, options };
}

function translateCommanderError(
  spec: CommandSpec,
  e: { code?: string; message: string },
  tokens: string[],
): CliError {
  if (e.code === 'commander.unknownOption') {
    const bad = /'([^']*)'/.exec(e.message)?.[1] ?? '';
    if (bad.startsWith('--')) return usageError(spec, `unknown flag: ${bad.split('=')[0]}`, 125);
    return usageError(spec, `unknown shorthand flag: '${bad[1] ?? ''}' in ${bad}`, 125);
  }
  if (e.code === 'commander.optionMissingArgument') {
    const last = tokens[tokens.length - 1] ?? '';
    const text = last.startsWith('--') ? last : `'${last[last.length - 1] ?? ''}' in ${last}`;
    return usageError(spec, `flag needs an argument: ${text}`, 125);
  }
  return usageError(spec, e.message.replace(/^error: /, ''), 125);
}

/** Defaults of every flag: what a command invoked without arguments gets. */
function defaults(spec: CommandSpec): ParsedCommand {
  const opts: Record<string, unknown> = {};
  for (const flag of spec.flags) opts[flag.long] = flag.default;
  delete opts.help;
  return { opts, given: new Set(), args: [], help: false, path: spec.path };
}

/**
 * Parses a command's arguments with docker's grammar and docker's error texts. Commander is
 * loaded only when there is something to parse (`docker ps` alone starts faster without it).
 */
export async function parseCommand(spec: CommandSpec, argv: string[]): Promise<ParsedCommand> {
  if (argv.length === 0) return defaults(spec);
  return parseWith(await import('commander'), spec, argv);
}

/** The synchronous parser, given commander. */
export function parseWith(commander: Commander, spec: CommandSpec, argv: string[]): ParsedCommand {
  // Every command takes --help; `run` lists it itself because its -h means --hostname.
  const helpShort = spec.flags.some((f) => f.short === 'h') ? {} : { short: 'h' };
  const flags = spec.flags.some((f) => f.long === 'help')
    ? spec.flags
    : [...spec.flags, { ...HELP, ...helpShort }];
  const { tokens, bools } = normalize({ ...spec, flags }, argv);
  const { cmd, options } = buildCommander(commander, spec, flags);
  try {
    cmd.parse(tokens, { from: 'user' });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw translateCommanderError(spec, e as { code?: string; message: string }, tokens);
  }
  const opts: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [flag, option] of options) {
    let value = cmd.getOptionValue(option.attributeName());
    if (bools.has(flag.long)) value = bools.get(flag.long);
    if (value !== undefined) given.add(flag.long);
    opts[flag.long] = value ?? flag.default;
  }
  const help = opts.help === true;
  delete opts.help;
  return { opts, given, args: cmd.args, help, path: spec.path };
}

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** Checks the argument count the way cobra's validators word it. */
export function checkArgCount(spec: CommandSpec, args: string[]): void {
  const { min, max } = spec.args;
  const n = args.length;
  const path = commandPath(spec);
  if (max === 0 && n > 0) throw usageError(spec, `docker: '${path}' accepts no arguments`, 1);
  if (min === max && n !== min) throw usageError(spec, `docker: '${path}' requires ${min} ${plural(min)}`, 1);
  if (max === Number.POSITIVE_INFINITY && n < min) {
    throw usageError(spec, `docker: '${path}' requires at least ${min} ${plural(min)}`, 1, 'See');
  }
  if (min === 0 && n > max)
    throw usageError(spec, `docker: '${path}' requires at most ${max} ${plural(max)}`, 1, 'SRun');
  if (n < min || n > max) {
    throw usageError(spec, `docker: '${path}' requires at least ${min} and at most ${max} ${plural(max)}`, 1);
  }
}
