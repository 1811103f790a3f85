import { formatOne, parseConversion } from '../printf-format.js';

/**
 * awk values: numbers, strings, and "strnums" (text from input that looks like a number,
 * which compares as a number). `undefined` is an uninitialized variable: "" and 0 at once.
 */
export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

export type Value = number | string | StrNum | undefined;

const NUMERIC = /^[ \t\n]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[ \t\n]*$/;
const LEADING = /^[ \t\n]*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))/;

/** Input text: a strnum when it looks like a number, else a plain string. */
export function fromInput(s: string): Value {
  return NUMERIC.test(s) ? new StrNum(s, Number(s.trim())) : s;
}

/** strtod's reading of a string: its leading number, or 0. */
export function strToNum(s: string): number {
  const m = LEADING.exec(s);
  return m ? Number(m[1]) : 0;
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (v instanceof StrNum) return v.n;
  return strToNum(v);
}

/** A number as text: integers exactly, others through CONVFMT/OFMT (`%.6g`). */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return sprintf(fmt, [n]);
}

export function toStr(v: Value, fmt = '%.6g'): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (v instanceof StrNum) return v.s;
  return numToStr(v, fmt);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (v instanceof StrNum) return v.n !== 0;
  return v !== '';
}

function isNumeric(v: Value): boolean {
  return typeof v === 'number' || v === undefined || v instanceof StrNum;
}

/** POSIX comparison: numeric when both sides are numbers or strnums, else by text. */
export function compare(a: Value, b: Value, fmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a, fmt);
  const y = toStr(b, fmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** awk's sprintf: C conversions on awk values (`%c` of a number is that character). */
export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const parsed = parseConversion(format, i + 1);
    if (!parsed) {
      out += ch;
      continue;
    }
    const c = { ...parsed.c };
    if (c.width === -1) c.width = toNum(args[next++]);
    if (c.width !== undefined && c.width < 0) {
      c.width = -c.width;
      c.flags += '-';
    }
    if (c.precision === -1) c.precision = Math.max(0, toNum(args[next++]));
    i = parsed.end - 1;
    if (c.conv === '%') {
      out += '%';
      continue;
    }
    const arg = args[next++];
    if (c.conv === 'c' && (typeof arg === 'number' || arg instanceof StrNum)) {
      out += formatOne(c, String.fromCodePoint(Math.trunc(toNum(arg)) || 0), 0);
    } else if (c.conv === 's' || c.conv === 'c') out += formatOne(c, toStr(arg), 0);
    else out += formatOne(c, '', toNum(arg));
  }
  return out;
}
