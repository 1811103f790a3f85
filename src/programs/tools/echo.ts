import type { ProgramRun } from '../types.js';
import { gnuInfo, showUsage, tryHelp } from './args.js';
import type { Tool } from './common.js';
import { type Conversion, formatOne, parseConversion, unescapeText } from './printf-format.js';

/** `echo [-neE] [ARG]...`: options only while every letter is one of n, e, E (both flavours). */
export function echo(t: Tool): ProgramRun {
  const args = [...t.args];
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    for (const c of args.shift()!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescapeText(text, true);
    if (r.stop) return t.out(r.text).done(0);
    text = r.text;
  }
  return t.out(newline ? `${text}\n` : text).done(0);
}

/** A numeric argument as strtod/strtoimax read it, with printf's complaint when it is not one. */
function numberArg(t: Tool, arg: string, integer: boolean): number {
  if (arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
  const trimmed = arg.trimStart();
  const m = integer
    ? /^[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(trimmed)
    : /^[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|0[xX][0-9a-fA-F]+|inf(inity)?|nan)/i.exec(trimmed);
  let value = 0;
  if (m) {
    const text = m[0];
    const neg = text.startsWith('-');
    const body = text.replace(/^[-+]/, '');
    if (/^0[xX]/.test(body)) value = Number.parseInt(body, 16);
    else if (integer && /^0[0-7]+$/.test(body)) value = Number.parseInt(body, 8);
    else if (/^inf/i.test(body)) value = Number.POSITIVE_INFINITY;
    else value = Number(body);
    if (neg) value = -value;
  }
  if (!m || m[0].length !== trimmed.length) {
    if (!t.gnu) t.fail(`invalid number '${arg}'`);
    else t.fail(m ? `'${arg}': value not completely converted` : `'${arg}': expected a numeric value`);
  }
  return value;
}

/** `printf FORMAT [ARG]...`: the format is reused while arguments remain. */
export function printf(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  const args = t.args[0] === '--' ? t.args.slice(1) : t.args;
  if (args.length === 0) return t.gnu ? tryHelp(t, 'missing operand') : showUsage(t);
  const format = args[0]!;
  const rest = args.slice(1);
  let next = 0;
  let out = '';
  const take = (): string | undefined => (next < rest.length ? rest[next++] : undefined);
  for (;;) {
    const before = next;
    const r = formatOnce(t, format, take);
    out += r.text;
    if (r.stop || next >= rest.length || next === before) break;
  }
  return t.out(out).done();
}

function formatOnce(
  t: Tool,
  format: string,
  take: () => string | undefined,
): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\') {
      const end = escapeEnd(format, i);
      const r = unescapeText(format.slice(i, end), false);
      out += r.text;
      if (r.stop) return { text: out, stop: true };
      i = end - 1;
      continue;
    }
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const parsed = parseConversion(format, i + 1);
    if (!parsed) {
      t.fail(`%${format[i + 1] ?? ''}: invalid conversion specification`);
      return { text: out, stop: true };
    }
    const c: Conversion = { ...parsed.c };
    if (c.width === -1) c.width = numberArg(t, take() ?? '', true);
    if (c.width !== undefined && c.width < 0) {
      c.width = -c.width;
      c.flags += '-';
    }
    if (c.precision === -1) c.precision = Math.max(0, numberArg(t, take() ?? '', true));
    i = parsed.end - 1;
    if (c.conv === '%') {
      out += '%';
      continue;
    }
    const arg = take() ?? '';
    if (c.conv === 'b') {
      const r = unescapeText(arg, true);
      out += formatOne(c, r.text, 0);
      if (r.stop) return { text: out, stop: true };
      continue;
    }
    const numeric = !'sc'.includes(c.conv);
    const num = numeric ? numberArg(t, arg, 'diouxX'.includes(c.conv)) : 0;
    out += formatOne(c, arg, num);
  }
  return { text: out, stop: false };
}

/** Where one backslash escape of a printf format ends. */
function escapeEnd(format: string, i: number): number {
  const next = format[i + 1];
  if (next === undefined) return i + 1;
  if (/[0-7]/.test(next)) return i + 1 + /^[0-7]{1,3}/.exec(format.slice(i + 1))![0].length;
  if (next === 'x') return i + 2 + (/^[0-9a-fA-F]{0,2}/.exec(format.slice(i + 2))?.[0].length ?? 0);
  return i + 2;
}

/**
 * `yes [STRING]`: it never ends by itself. The timeline holds a bounded burst (10,000 lines
 * over the first 10 ms) and no exit event: the process runs until it is signalled (or its
 * reader goes away, which the caller of the pipe decides).
 */
export function yes(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  const word = t.args.length ? t.args.join(' ') : 'y';
  const chunk = `${word}\n`.repeat(1000);
  for (let ms = 0; ms < 10; ms++) t.out(chunk).wait(1);
  return t.running();
}
