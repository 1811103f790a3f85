/**
 * procps `ps` option parsing. ps speaks three dialects at once: UNIX options (`-ef`), BSD
 * options (`aux`, no dash) and GNU long options (`--forest`). Like procps it parses everything
 * as written first and, if that fails, once more reading `-xyz` as BSD letters (which is why
 * `ps -aux` works); when both fail it reports the first attempt's error.
 */
import { splitList } from '../common/text.js';
import {
  fresh,
  type ListKind,
  type ParseResult,
  type PsOptions,
  parseFormat,
  parseSort,
} from './ps-options.js';

export type { FormatSpec, ListKind, ParseResult, PsOptions } from './ps-options.js';

type Cursor = { args: string[]; i: number };

/** An option's argument: the rest of the word, or the next word. */
function takeArg(c: Cursor, rest: string): string | undefined {
  if (rest) return rest;
  if (c.i + 1 < c.args.length) return c.args[++c.i];
  return undefined;
}

const SYSV_LISTS: Record<string, [ListKind, string]> = {
  C: ['comm', 'list of command names must follow -C'],
  G: ['group', 'list of real groups must follow -G'],
  g: ['group', 'list of session leaders OR effective group names must follow -g'],
  p: ['pid', 'list of process IDs must follow -p'],
  q: ['pid', 'list of process IDs must follow -q'],
  s: ['sid', 'list of session IDs must follow -s'],
  t: ['tty', 'list of terminals (pty, tty...) must follow -t'],
  u: ['euser', 'list of users must follow -u'],
  U: ['ruser', 'list of real users must follow -U'],
};

function sysv(o: PsOptions, c: Cursor, word: string): string | undefined {
  for (let j = 1; j < word.length; j++) {
    const ch = word[j]!;
    const rest = word.slice(j + 1);
    const list = SYSV_LISTS[ch];
    if (list) {
      const arg = takeArg(c, rest);
      if (arg === undefined) return list[1];
      o.lists.push({ kind: list[0], values: splitList(arg) });
      return undefined;
    }
    if (ch === 'o' || ch === 'O') {
      const arg = takeArg(c, rest);
      if (arg === undefined)
        return ch === 'o'
          ? 'format specification must follow -o'
          : 'format or sort specification must follow -O';
      const f = parseFormat(arg);
      if (typeof f === 'string') return f;
      if (ch === 'o') o.format = [...(o.format ?? []), ...f];
      else o.extraFormat = f;
      return undefined;
    }
    if ('Ae'.includes(ch)) o.all = true;
    else if (ch === 'a') o.simple.add('-a');
    else if (ch === 'd') o.simple.add('-d');
    else if ('fFlj'.includes(ch)) o.flags.add(ch);
    else if (ch === 'H') o.forest = 'indent';
    else if ('LTm'.includes(ch)) o.threads = ch as 'L' | 'T' | 'm';
    else if (ch === 'N') o.negate = true;
    else if (ch === 'w') o.wide++;
    else if (ch === 'V') o.version = true;
    else if (!'cyxZMP'.includes(ch))
      return ch === '-' ? "embedded '-' among SysV options makes no sense" : 'unsupported SysV option';
  }
  return undefined;
}

const BSD_FORMATS = 'ujlvsX';

function bsd(o: PsOptions, c: Cursor, word: string, start: number): string | undefined {
  o.preferBsd = true;
  for (let j = start; j < word.length; j++) {
    const ch = word[j]!;
    const rest = word.slice(j + 1);
    if ('ptUqoOk'.includes(ch)) {
      const arg = takeArg(c, rest);
      if (arg === undefined)
        return `${ch === 'o' ? 'format specification' : ch === 'k' ? 'long sort specification' : 'list'} must follow ${ch}`;
      if (ch === 'k') return parseSort(o, arg);
      if (ch === 'o' || ch === 'O') {
        const f = parseFormat(arg);
        if (typeof f === 'string') return f;
        if (ch === 'o') o.format = [...(o.format ?? []), ...f];
        else o.extraFormat = f;
      } else
        o.lists.push({
          kind: ch === 'p' || ch === 'q' ? 'pid' : ch === 't' ? 'tty' : 'ruser',
          values: splitList(arg),
        });
      return undefined;
    }
    if (ch === 'a' || ch === 'x' || ch === 'g') o.simple.add(ch);
    else if (BSD_FORMATS.includes(ch)) o.flags.add(`B${ch}`);
    else if (ch === 'f') o.forest = 'ascii';
    else if (ch === 'c') o.bsdC = true;
    else if (ch === 'h') o.headers = false;
    else if (ch === 'r') o.running = true;
    else if (ch === 'T') o.thisTty = true;
    else if (ch === 'w') o.wide++;
    else if (ch === 'H' || ch === 'm') o.threads = ch;
    else if (ch === 'V') o.version = true;
    else if (!'enSZML'.includes(ch))
      return ch === '-' ? "embedded '-' among BSD options makes no sense" : 'unsupported option (BSD syntax)';
  }
  return undefined;
}

const GNU_LISTS: Record<string, ListKind> = {
  pid: 'pid',
  'quick-pid': 'pid',
  ppid: 'ppid',
  sid: 'sid',
  tty: 'tty',
  user: 'euser',
  User: 'ruser',
  group: 'group',
  Group: 'group',
};

const NO_HEADERS = [
  'no-header',
  'no-headers',
  'no-heading',
  'no-headings',
  'noheader',
  'noheaders',
  'noheading',
  'noheadings',
];

function gnu(o: PsOptions, c: Cursor, word: string): string | undefined {
  const body = word.slice(2);
  const sep = body.search(/[=:]/);
  const name = sep < 0 ? body : body.slice(0, sep);
  const attached = sep < 0 ? '' : body.slice(sep + 1);
  const arg = () => (sep >= 0 ? attached || undefined : takeArg(c, ''));
  if (GNU_LISTS[name]) {
    const value = arg();
    if (value === undefined) return `list of ${name === 'pid' ? 'process IDs' : name} must follow --${name}`;
    o.lists.push({ kind: GNU_LISTS[name]!, values: splitList(value) });
  } else if (name === 'format') {
    const value = arg();
    if (value === undefined) return 'format specification must follow --format';
    const f = parseFormat(value);
    if (typeof f === 'string') return f;
    o.format = [...(o.format ?? []), ...f];
  } else if (name === 'sort') {
    const value = arg();
    if (value === undefined) return 'long sort specification must follow --sort';
    return parseSort(o, value);
  } else if (['cols', 'columns', 'width'].includes(name)) {
    const value = Number(arg());
    if (!Number.isInteger(value) || value < 1)
      return 'number of columns must follow --cols, --width, or --columns';
    o.cols = value;
  } else if (name === 'forest') o.forest = 'ascii';
  else if (name === 'deselect') o.negate = true;
  else if (NO_HEADERS.includes(name)) o.headers = false;
  else if (
    ['header', 'headers', 'heading', 'headings', 'cumulative', 'info', 'signames', 'context'].includes(name)
  ) {
    // accepted; they change nothing the simulation shows
  } else if (name === 'lines' || name === 'rows' || name === 'date-format') arg();
  else if (name === 'help') o.help = takeArg(c, '') ?? '';
  else if (name === 'version') o.version = true;
  else return 'unknown gnu long option';
  return undefined;
}

function attempt(args: string[], forceBsd: boolean): ParseResult {
  const o = fresh();
  const c: Cursor = { args, i: 0 };
  for (c.i = 0; c.i < args.length; c.i++) {
    const word = args[c.i]!;
    let err: string | undefined;
    if (/^--[a-zA-Z]/.test(word)) err = gnu(o, c, word);
    else if (/^-[a-zA-Z]/.test(word)) err = forceBsd ? bsd(o, c, word, 1) : sysv(o, c, word);
    // On the BSD retry a real BSD word means the command line was mixed: procps gives up.
    else if (/^[a-zA-Z]/.test(word)) err = forceBsd ? 'way bad' : bsd(o, c, word, 0);
    else if (/^[-+]?\d/.test(word)) {
      o.preferBsd = true;
      for (const w of args.slice(c.i)) {
        if (!/^[-+]?\d+$/.test(w)) return { error: 'process ID list syntax error' };
        o.lists.push({
          kind: w.startsWith('-') ? 'pgrp' : w.startsWith('+') ? 'sid' : 'pid',
          values: [w.replace(/^[-+]/, '')],
        });
      }
      break;
    } else err = 'garbage option';
    if (err) return { error: err };
  }
  return o;
}

/** Parses, then checks with `validate` (user names, conflicting selections) as procps does per attempt. */
export function parsePsArgs(args: string[], validate: (o: PsOptions) => string | undefined): ParseResult {
  const checked = (r: ParseResult): ParseResult => {
    if ('error' in r) return r;
    const error = validate(r);
    return error ? { error } : r;
  };
  const first = checked(attempt(args, false));
  if (!('error' in first)) return first;
  const second = checked(attempt(args, true));
  return 'error' in second ? first : second;
}
