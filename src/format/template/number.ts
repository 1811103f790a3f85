/** Number literals of templates, classified the way Go's parse.NumberNode does it. */
import { isAlnum } from './items.js';
import { goQuote, runeValue } from './quote.js';

export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: number;
  float: number;
}

const DIGITS: Record<number, string> = { 16: '[0-9a-fA-F]', 10: '[0-9]', 8: '[0-7]', 2: '[01]' };
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, …) without the range check: prefixes 0x 0o 0b 0, underscores. */
function parseGoInt(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let prefixLen = 0;
  if (/^0[xX]/.test(s)) [base, prefixLen] = [16, 2];
  else if (/^0[oO]/.test(s)) [base, prefixLen] = [8, 2];
  else if (/^0[bB]/.test(s)) [base, prefixLen] = [2, 2];
  else if (s.length > 1 && s[0] === '0') [base, prefixLen] = [8, 1];
  const body = s.slice(prefixLen);
  const d = DIGITS[base]!;
  if (!new RegExp(`^${prefixLen > 0 ? '_?' : ''}${d}+(_${d}+)*$`).test(body)) return undefined;
  let v = 0n;
  for (const c of body.replaceAll('_', '')) v = v * BigInt(base) + BigInt(Number.parseInt(c, 16));
  return neg ? -v : v;
}

/** strconv.ParseFloat for the literal forms the lexer lets through (decimal and hex floats). */
function parseGoFloat(text: string): number | undefined {
  const dec = /^[+-]?(?=\.?\d)\d*(_\d+)*(\.(\d+(_\d+)*)?)?([eE][+-]?\d+(_\d+)*)?$/;
  if (dec.test(text)) {
    const v = Number(text.replaceAll('_', ''));
    return Number.isFinite(v) ? v : undefined; // out of range: ParseFloat fails
  }
  const m = /^([+-]?)0[xX]_?([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[\d_]+)$/.exec(text);
  if (!m || `${m[2]}${m[3] ?? ''}`.replaceAll('_', '') === '') return undefined;
  const intPart = (m[2] ?? '').replaceAll('_', '');
  const frac = (m[3] ?? '').replaceAll('_', '');
  const mant = Number.parseInt(`${intPart}${frac}` || '0', 16) / 16 ** frac.length;
  const v = mant * 2 ** Number(m[4]!.replaceAll('_', ''));
  return m[1] === '-' ? -v : v;
}

/** Classifies a number token; throws Error with Go's message for bad literals. */
export function parseNumber(text: string, kind: 'number' | 'charConstant' | 'complex'): NumberInfo {
  const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0 };
  if (kind === 'charConstant') {
    const r = runeValue(text);
    return { isInt: true, isUint: true, isFloat: true, isComplex: false, int: r, float: r };
  }
  if (kind === 'complex' || (text.endsWith('i') && parseGoFloat(text.slice(0, -1)) !== undefined)) {
    return { ...n, isComplex: true };
  }
  const i = parseGoInt(text);
  if (i !== undefined && i >= 0n && i <= UINT64_MAX) n.isUint = true;
  if (i !== undefined && i >= INT64_MIN && i <= INT64_MAX) {
    n.isInt = true;
    n.int = Number(i);
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true;
    n.float = Number(i);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined) {
      // Looks like an integer but did not fit: Go rejects it.
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
        n.isInt = true;
        n.int = f;
        if (f >= 0) n.isUint = true;
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}

/**
 * Go's lexer number scan from `pos`: sign, 0x/0o/0b prefixes, digits with `_`, fraction, exponent,
 * imaginary `i`. Returns the end position and whether no letter or digit follows (it is not exact:
 * the parser's parseNumber rejects what slips through, as in Go).
 */
export function scanNumber(input: string, pos: number): [number, boolean] {
  const accept = (valid: string): boolean => {
    const c = input[pos];
    if (c === undefined || !valid.includes(c)) return false;
    pos++;
    return true;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid)) {}
  };
  accept('+-');
  let digits = '0123456789_';
  if (accept('0')) {
    if (accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (accept('oO')) digits = '01234567_';
    else if (accept('bB')) digits = '01_';
  }
  acceptRun(digits);
  if (accept('.')) acceptRun(digits);
  if (digits.length === 11 && accept('eE')) {
    accept('+-');
    acceptRun('0123456789_');
  }
  if (digits.length === 23 && accept('pP')) {
    accept('+-');
    acceptRun('0123456789_');
  }
  accept('i');
  const cp = input.codePointAt(pos);
  if (cp !== undefined && isAlnum(String.fromCodePoint(cp))) return [pos + (cp > 0xffff ? 2 : 1), false];
  return [pos, true];
}
