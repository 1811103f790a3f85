/**
 * Splitting an instruction's text into words, the way BuildKit's Dockerfile parser does before
 * any variable is expanded: the instruction word, its `--flags`, and the arguments in the shape
 * each instruction takes (one string, whitespace-separated words, a JSON array, key=value pairs).
 */

/** Go's regexp `[\t\v\f\r ]+`, which is what docker splits on (not newlines). */
export const WHITESPACE = /[\t\v\f\r ]+/;

const isSpace = (ch: string) => /\s/u.test(ch);

/** `RUN --mount=x echo hi` → [`RUN`, `--mount=x echo hi`]. */
export function splitCommand(line: string): [string, string] {
  const trimmed = line.trim();
  const m = WHITESPACE.exec(trimmed);
  if (!m) return [trimmed, ''];
  return [trimmed.slice(0, m.index), trimmed.slice(m.index + m[0].length)];
}

/**
 * Takes the leading `--name=value` words off an instruction's arguments. Quotes and the escape
 * character work inside a flag; `--` alone ends the flags.
 */
export function extractFlags(line: string, esc: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && isSpace(line[pos]!)) pos++;
    if (pos >= line.length) return { rest: '', flags };
    if (!line.startsWith('--', pos)) return { rest: line.slice(pos), flags };
    let word = '';
    let quote = '';
    let blankOk = false;
    for (; pos < line.length; pos++) {
      let ch = line[pos]!;
      if (quote) {
        if (ch === quote) {
          quote = '';
          continue;
        }
      } else {
        if (isSpace(ch)) break;
        if (ch === "'" || ch === '"') {
          quote = ch;
          blankOk = true;
          continue;
        }
      }
      if (ch === esc) {
        if (pos + 1 === line.length) continue;
        ch = line[++pos]!;
      }
      word += ch;
    }
    if (word === '--') return { rest: pos < line.length ? line.slice(pos) : '', flags };
    if (blankOk || word.length > 0) flags.push(word);
  }
}

/**
 * Words separated by whitespace, quotes kept (they are removed later, when the words are
 * expanded). An escape character outside quotes is kept with the character it escapes.
 */
export function parseWords(rest: string, esc: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOk = false;
  let buf = '';
  for (let pos = 0; pos <= chars.length; pos++) {
    const end = pos === chars.length;
    let ch = chars[pos] ?? '';
    if (phase === 'spaces') {
      if (end) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (end) {
      if (blankOk || buf.length > 0) words.push(buf);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOk || buf.length > 0) words.push(buf);
        buf = '';
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = 'quote';
      }
      if (ch === esc) {
        if (pos + 1 === chars.length) continue;
        buf += ch;
        ch = chars[++pos]!;
      }
      buf += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === esc && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      buf += ch;
      ch = chars[++pos]!;
    }
    buf += ch;
  }
  return words;
}

export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** The exec form: a JSON array of strings, or undefined when the text is not a JSON array at all. */
export function parseJsonArray(rest: string): string[] | undefined {
  const text = rest.trimStart();
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (value.some((v) => typeof v !== 'string')) throw new Error(NOT_STRING_ARRAY);
  return value as string[];
}

/** Whitespace-separated words, no quote handling (FROM, EXPOSE, the shell form of COPY). */
export function splitWhitespace(rest: string): string[] {
  return rest === '' ? [] : rest.split(new RegExp(WHITESPACE.source, 'g'));
}
