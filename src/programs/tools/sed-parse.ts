import { address, Reader, regex, secondAddress } from './sed-address.js';

/**
 * sed scripts: addresses (`N`, `$`, `/re/I`, `\%re%`, `first~step`, `0,/re/`, `addr,+N`),
 * `!`, blocks, and the commands `s y d D p P n N q Q a i c = h H g G x b t T : l z F r w #`.
 */
export type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'multiple'; n: number };

export interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  re?: RegExp | null;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  label?: string;
  file?: string;
  code?: number;
  from?: string;
  to?: string;
  /** Index of the matching `}` for `{`. */
  end?: number;
  /** Range state while a range is open. */
  active?: boolean;
  rangeEnd?: number;
}

export class SedParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface SedDialect {
  extended: boolean;
}

/** Text of `a`, `i`, `c`: GNU's one-line form or the classic `a\` + lines ending in `\`. */
function commandText(r: Reader): string {
  r.skipSpace();
  if (r.peek() === '\\') {
    r.i++;
    r.skipSpace();
    if (r.peek() === '\n') r.i++;
  }
  let out = '';
  for (;;) {
    const ch = r.next();
    if (ch === undefined || ch === '\n') return out;
    if (ch === '\\') {
      const n = r.next();
      if (n === undefined) return out;
      out += n;
    } else out += ch;
  }
}

function word(r: Reader, stopAtSemicolon: boolean): string {
  r.skipSpace();
  const start = r.i;
  while (r.i < r.s.length && r.s[r.i] !== '\n' && !(stopAtSemicolon && r.s[r.i] === ';')) r.i++;
  return r.s.slice(start, r.i).trim();
}

function endOfCommand(r: Reader): void {
  r.skipSpace();
  const ch = r.peek();
  if (ch === undefined || ch === '\n' || ch === ';' || ch === '}' || ch === '#') return;
  r.fail('extra characters after command');
}

function substitute(r: Reader, c: SedCommand, d: SedDialect): void {
  const delim = r.next();
  if (delim === undefined || delim === '\n' || delim === '\\') r.fail("unterminated `s' command");
  const pattern = r.delimited(delim, "unterminated `s' command", true);
  c.replacement = r.delimited(delim, "unterminated `s' command", false);
  let flags = '';
  for (;;) {
    const ch = r.peek();
    if (ch === 'g') c.global = true;
    else if (ch === 'p') c.print = true;
    else if (ch === 'i' || ch === 'I') flags += 'i';
    else if (ch === 'm' || ch === 'M' || ch === 'e') flags += '';
    else if (ch !== undefined && /\d/.test(ch)) {
      const n = /^\d+/.exec(r.s.slice(r.i))![0];
      c.nth = Number(n);
      if (c.nth === 0) r.fail("number option to `s' command may not be zero");
      r.i += n.length - 1;
    } else if (ch === 'w') {
      r.i++;
      c.file = word(r, false);
      break;
    } else if (ch === undefined || /[\s;}#]/.test(ch)) break;
    else {
      r.i++;
      r.fail("unknown option to `s'");
    }
    r.i++;
  }
  const refs = [...(c.replacement ?? '').matchAll(/\\(\d)/g)].map((m) => Number(m[1]));
  const groups = Math.max(0, ...refs);
  c.re = regex(pattern, flags, d, r);
  if (c.re && groups > 0 && new RegExp(`${c.re.source}|`).exec('')!.length - 1 < groups) {
    r.fail(`invalid reference \\${groups} on \`s' command's RHS`);
  }
}

/** Parses a whole script (all -e parts joined by newlines). */
export function parseSed(script: string, d: SedDialect): SedCommand[] {
  const r: Reader = new Reader(script);
  const out: SedCommand[] = [];
  const open: number[] = [];
  for (;;) {
    r.skipSpace(true);
    while (r.peek() === ';') {
      r.i++;
      r.skipSpace(true);
    }
    if (r.peek() === undefined) break;
    const c: SedCommand = { negate: false, name: '' };
    c.a1 = address(r, d);
    if (c.a1 && r.peek() === ',') {
      r.i++;
      c.a2 = secondAddress(r, d);
    }
    if (c.a1?.kind === 'line' && c.a1.n === 0 && !(c.a2?.kind === 're'))
      r.fail('invalid usage of line address 0');
    r.skipSpace();
    while (r.peek() === '!') {
      c.negate = true;
      r.i++;
      r.skipSpace();
    }
    const name = r.next();
    if (name === undefined || name === '\n' || name === ';') r.fail('missing command');
    c.name = name;
    command(r, c, d, out, open);
    out.push(c);
  }
  // GNU reports this one at "char 0": it is only noticed after the whole script was read.
  if (open.length) throw new SedParseError("unmatched `{'", -1);
  return out;
}

function command(r: Reader, c: SedCommand, d: SedDialect, out: SedCommand[], open: number[]): void {
  const oneAddress = (): void => {
    if (c.a2) r.fail('command only uses one address');
  };
  switch (c.name) {
    case '{':
      open.push(out.length);
      return;
    case '}': {
      if (c.a1) r.fail("} doesn't want any addresses");
      const start = open.pop();
      if (start === undefined) r.fail("unexpected `}'");
      out[start]!.end = out.length;
      endOfCommand(r);
      return;
    }
    case '#':
      if (c.a1) r.fail("comments don't accept any addresses");
      word(r, false);
      return;
    case 's':
      substitute(r, c, d);
      endOfCommand(r);
      return;
    case 'y': {
      const delim = r.next() ?? r.fail("unterminated `y' command");
      c.from = r
        .delimited(delim, "unterminated `y' command", false)
        .replace(/\\n/g, '\n')
        .replace(/\\\\/g, '\\');
      c.to = r
        .delimited(delim, "unterminated `y' command", false)
        .replace(/\\n/g, '\n')
        .replace(/\\\\/g, '\\');
      if ([...c.from].length !== [...c.to].length) r.fail("strings for `y' command are different lengths");
      endOfCommand(r);
      return;
    }
    case 'a':
    case 'i':
    case 'c':
      c.text = commandText(r);
      return;
    case ':':
      if (c.a1) r.fail(": doesn't want any addresses");
      c.label = word(r, true);
      if (!c.label) r.fail('":" lacks a label');
      return;
    case 'b':
    case 't':
    case 'T':
      c.label = word(r, true);
      return;
    case 'r':
    case 'w':
      c.file = word(r, false);
      return;
    case 'q':
    case 'Q': {
      oneAddress();
      r.skipSpace();
      const n = /^\d+/.exec(r.s.slice(r.i))?.[0];
      if (n) {
        c.code = Number(n);
        r.i += n.length;
      }
      endOfCommand(r);
      return;
    }
    case '=':
    case 'd':
    case 'D':
    case 'p':
    case 'P':
    case 'n':
    case 'N':
    case 'h':
    case 'H':
    case 'g':
    case 'G':
    case 'x':
    case 'l':
    case 'z':
    case 'F':
      endOfCommand(r);
      return;
    default:
      r.i--;
      r.fail(`unknown command: \`${c.name}'`);
  }
}
