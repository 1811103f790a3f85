/** Go's strconv.Quote / Unquote, which `%q`, docker's COMMAND column and template literals use. */

/** Characters Go's unicode.IsPrint rejects: controls, format, unassigned, separators other than ' '. */
const NON_PRINT = /[\p{C}\p{Z}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: string, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (cp >= 0x20 && cp < 0x7f) return ch;
  if (cp >= 0x80 && !asciiOnly && !(cp >= 0xd800 && cp <= 0xdfff) && !NON_PRINT.test(ch)) return ch;
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  // A lone surrogate is not valid UTF-8; Go would show the replacement character.
  if (cp >= 0xd800 && cp <= 0xdfff) return asciiOnly ? '\\ufffd' : '\ufffd';
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** strconv.Quote: double-quoted with Go escapes; printable Unicode is kept. */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, '"', asciiOnly);
  return `${out}"`;
}

/** strconv.QuoteRune: `'x'`. */
export function goQuoteRune(cp: number): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return `'${escapeRune(valid ? cp : 0xfffd, "'", false)}'`;
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '`' || cp === 0xfeff || (cp < 0x20 && ch !== '\t') || cp === 0x7f) return false;
  }
  return true;
}

class SyntaxError_ extends Error {}

/** Reads one escape or character at s[i] of a quoted literal; returns the bytes and the next index. */
function unquoteChar(s: string, i: number, quote: string): [number[], number] {
  const ch = s[i]!;
  if (ch !== '\\') {
    const cp = s.codePointAt(i)!;
    if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxError_();
    const len = cp > 0xffff ? 2 : 1;
    return [[...Buffer.from(String.fromCodePoint(cp), 'utf8')], i + len];
  }
  const c = s[i + 1];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (c === undefined) throw new SyntaxError_();
  if (c in simple) return [[simple[c]!], i + 2];
  if (c === "'" || c === '"') {
    if (c !== quote) throw new SyntaxError_();
    return [[c.charCodeAt(0)], i + 2];
  }
  const hexLen = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hexLen > 0) {
    const digits = s.slice(i + 2, i + 2 + hexLen);
    if (digits.length !== hexLen || !/^[0-9a-fA-F]+$/.test(digits)) throw new SyntaxError_();
    const v = Number.parseInt(digits, 16);
    if (c === 'x') return [[v], i + 2 + hexLen];
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_();
    return [[...Buffer.from(String.fromCodePoint(v), 'utf8')], i + 2 + hexLen];
  }
  if (c >= '0' && c <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError_();
    const v = Number.parseInt(digits, 8);
    if (v > 255) throw new SyntaxError_();
    return [[v], i + 4];
  }
  throw new SyntaxError_();
}

/** strconv.Unquote for "…", `…` and '…' literals; throws Error('invalid syntax'). */
export function goUnquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new Error('invalid syntax');
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new Error('invalid syntax');
    return body.replaceAll('\r', '');
  }
  if (q !== '"' && q !== "'") throw new Error('invalid syntax');
  try {
    const bytes: number[] = [];
    let i = 0;
    while (i < body.length) {
      if (body[i] === '\n') throw new SyntaxError_();
      const [b, next] = unquoteChar(body, i, q);
      bytes.push(...b);
      i = next;
    }
    const out = Buffer.from(bytes).toString('utf8');
    if (q === "'" && Array.from(out).length !== 1) throw new SyntaxError_();
    return out;
  } catch (e) {
    if (e instanceof SyntaxError_) throw new Error('invalid syntax');
    throw e;
  }
}

/** Value of a character constant like 'a' or '\n' (a rune), or throws. */
export function runeValue(lit: string): number {
  const body = lit.slice(1, -1);
  if (body.length === 0) throw new Error('invalid syntax');
  let bytes: number[];
  let next: number;
  try {
    [bytes, next] = unquoteChar(body, 0, "'");
  } catch {
    throw new Error('invalid syntax');
  }
  if (next !== body.length) throw new Error(`malformed character constant: ${lit}`);
  const c = body[1];
  if (body[0] === '\\' && (c === 'x' || (c !== undefined && c >= '0' && c <= '7'))) return bytes[0]!;
  return Buffer.from(bytes).toString('utf8').codePointAt(0)!;
}
