/**
 * docker/cli's template functions (templates/templates.go): json split join title lower upper pad
 * truncate, and the versions used while rendering a table header, which hand the header text back
 * unchanged (pad is not overridden, so it pads headers too).
 */
import type { FuncEntry } from './builtins.js';
import { goJSON } from './json.js';

/** Go's per-rune simple case mapping (JavaScript's full mapping can change lengths: ß → SS). */
function mapRunes(s: string, f: (ch: string) => string, multi: 'keep' | 'first'): string {
  let out = '';
  for (const ch of s) {
    const m = Array.from(f(ch));
    if (m.length === 1) out += m[0];
    else out += multi === 'keep' ? ch : (m[0] ?? ch);
  }
  return out;
}

export const goUpper = (s: string): string => mapRunes(s, (c) => c.toUpperCase(), 'keep');
export const goLower = (s: string): string => mapRunes(s, (c) => c.toLowerCase(), 'first');

/** Title case of the four Latin digraph letters differs from their upper case. */
const TITLE_DIGRAPHS: Record<string, string> = {
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǆ: 'ǅ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǉ: 'ǈ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǌ: 'ǋ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ǳ: 'ǲ',
};

function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Title: the first letter after a separator is title-cased, the rest is left alone (`Don'T`). */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? (TITLE_DIGRAPHS[ch] ?? goUpper(ch)) : ch;
    prev = ch;
  }
  return out;
}

/** strings.Split: an empty separator splits into characters. */
function split(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

/** Adds spaces around a non-empty string. */
function pad(s: string, prefix: number, suffix: number): string {
  if (s === '') return s;
  if (prefix < 0 || suffix < 0) throw new Error('strings: negative Repeat count');
  return ' '.repeat(prefix) + s + ' '.repeat(suffix);
}

/** Keeps the first n bytes, no ellipsis. */
function truncate(s: string, n: number): string {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length < n) return s;
  if (n < 0) throw new Error(`runtime error: slice bounds out of range [:${n}]`);
  return bytes.subarray(0, n).toString('utf8');
}

export const DOCKER_FUNCS: Record<string, FuncEntry> = {
  json: { sig: { params: ['any'] }, fn: (v: unknown) => goJSON(v, false) },
  split: { sig: { params: ['string', 'string'] }, fn: split },
  join: { sig: { params: ['[]string', 'string'] }, fn: (a: string[], sep: string) => a.join(sep) },
  title: { sig: { params: ['string'] }, fn: goTitle },
  lower: { sig: { params: ['string'] }, fn: goLower },
  upper: { sig: { params: ['string'] }, fn: goUpper },
  pad: { sig: { params: ['string', 'int', 'int'] }, fn: pad },
  truncate: { sig: { params: ['string', 'int'] }, fn: truncate },
};

const same = (v: string): string => v;

/** docker's HeaderFunctions: used while the header row of a `table` format is rendered. */
export const HEADER_FUNCS: Record<string, FuncEntry> = {
  json: { sig: { params: ['string'] }, fn: same },
  split: { sig: { params: ['string', 'string'] }, fn: same },
  join: { sig: { params: ['string', 'string'] }, fn: same },
  title: { sig: { params: ['string'] }, fn: same },
  lower: { sig: { params: ['string'] }, fn: same },
  upper: { sig: { params: ['string'] }, fn: same },
  truncate: { sig: { params: ['string', 'int'] }, fn: same },
};
