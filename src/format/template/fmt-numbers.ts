/** Go's fmt for numbers: integers in any base, %c %q %U, and floats with flags, width and precision. */
import { type FloatVerb, formatFloat } from '../gofloat.js';
import type { Printer } from './fmt-printer.js';
import { goQuoteRune } from './quote.js';
import { GoFloat } from './values.js';

export function fmtInteger(p: Printer, n: number, verb: string, orig: unknown): void {
  const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
  if (verb === 'c' || verb === 'q') {
    p.pad(verb === 'c' ? String.fromCodePoint(validRune(n)) : goQuoteRune(n));
    return;
  }
  if (verb === 'U') {
    fmtUnicode(p, n);
    return;
  }
  const base = bases[verb];
  if (base === undefined) {
    p.badVerb(verb, orig);
    return;
  }
  const neg = n < 0;
  let digits = Math.abs(n).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = 0;
  if (p.f.precPresent) {
    prec = p.f.prec;
    // Precision 0 and value 0 prints nothing but padding.
    if (prec === 0 && n === 0) {
      p.withoutZero(() => p.writePadding(p.f.wid));
      return;
    }
  } else if (p.f.zero && !p.f.minus && p.f.widPresent) {
    prec = p.f.wid;
    if (neg || p.f.plus || p.f.space) prec--;
  }
  digits = digits.padStart(prec, '0');
  if (p.f.sharp) {
    if (base === 2) digits = `0b${digits}`;
    else if (base === 8 && digits[0] !== '0') digits = `0${digits}`;
    else if (base === 16) digits = `0${verb}${digits}`;
  }
  if (verb === 'O') digits = `0o${digits}`;
  const sign = neg ? '-' : p.f.plus ? '+' : p.f.space ? ' ' : '';
  p.withoutZero(() => p.pad(sign + digits));
}

export function fmtUnicode(p: Printer, n: number): void {
  const u = BigInt.asUintN(64, BigInt(n));
  const hex = u.toString(16).toUpperCase();
  let s = `U+${hex.padStart(p.f.precPresent ? Math.max(p.f.prec, 4) : 4, '0')}`;
  if (p.f.sharp && u <= 0x10ffffn) {
    const ch = String.fromCodePoint(validRune(n));
    if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) s += ` '${ch}'`;
  }
  p.withoutZero(() => p.pad(s));
}

export function fmtFloat(p: Printer, x: number, verb: string, orig: unknown): void {
  let fverb: FloatVerb;
  let prec: number;
  if (verb === 'v') [fverb, prec] = ['g', -1];
  else if ('bgGxX'.includes(verb)) [fverb, prec] = [verb as FloatVerb, -1];
  else if ('eEfF'.includes(verb)) [fverb, prec] = [verb as FloatVerb, 6];
  else {
    p.badVerb(verb, orig instanceof GoFloat ? orig : x);
    return;
  }
  if (p.f.precPresent) prec = p.f.prec;
  let s = formatFloat(x, fverb, prec);
  if (s[0] !== '-' && s[0] !== '+') s = `+${s}`;
  if (p.f.space && s[0] === '+' && !p.f.plus) s = ` ${s.slice(1)}`;
  if (s[1] === 'I' || s[1] === 'N') {
    const t = s[1] === 'N' && !p.f.space && !p.f.plus ? s.slice(1) : s;
    p.withoutZero(() => p.pad(t));
    return;
  }
  if (p.f.sharp && fverb !== 'b') s = sharpFloat(s, fverb, prec);
  if (p.f.plus || s[0] !== '+') {
    if (p.f.zero && !p.f.minus && p.f.widPresent && p.f.wid > s.length) {
      p.buf += s[0];
      p.writePadding(p.f.wid - s.length);
      p.buf += s.slice(1);
      return;
    }
    p.pad(s);
    return;
  }
  p.pad(s.slice(1));
}

function validRune(n: number): number {
  return n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n;
}

/**
 * The `#` flag on floats: always a decimal point, and for %g/%x the trailing zeros up to the
 * precision (6 by default). Counts digits the way Go does, the `x` of `0x` included.
 */
function sharpFloat(num: string, verb: FloatVerb, prec: number): string {
  let digits = verb === 'g' || verb === 'G' || verb === 'x' ? (prec === -1 ? 6 : prec) : 0;
  let body = num;
  let tail = '';
  let hasDot = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    const exponent = c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X');
    if (exponent) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    if (c === '.') {
      hasDot = true;
      continue;
    }
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!hasDot) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  return body + '0'.repeat(Math.max(digits, 0)) + tail;
}
