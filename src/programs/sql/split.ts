import type { Dialect } from './lexer.js';

export interface Piece {
  /** The statement without its terminator. */
  sql: string;
  /** Offset of `sql` in the text that was split. */
  offset: number;
  /** `\G` ended it: MySQL prints the rows vertically. */
  vertical: boolean;
}

/**
 * What a client does before sending anything: cut its input into statements at `;` (and
 * MySQL's `\g` / `\G`) outside quotes and comments. `rest` is an unfinished statement (the
 * `->` prompt waits for more); `open` says which quote or bracket is still open there.
 */
export function splitStatements(
  text: string,
  dialect: Dialect,
): { pieces: Piece[]; rest: string; restOffset: number; open: string } {
  const pieces: Piece[] = [];
  let start = 0;
  let quote = '';
  let depth = 0;
  let i = 0;
  const cut = (end: number, skip: number, vertical: boolean) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) pieces.push({ sql: raw.trim(), offset: start + lead, vertical });
    start = end + skip;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && dialect === 'mysql' && quote !== '`') i++;
      else if (c === quote) quote = '';
      i++;
      continue;
    }
    if (c === "'" || c === '"' || (c === '`' && dialect === 'mysql')) quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (text.startsWith('--', i) || (c === '#' && dialect === 'mysql')) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    } else if (c === ';') cut(i, 1, false);
    else if (dialect === 'mysql' && (text.startsWith('\\g', i) || text.startsWith('\\G', i))) {
      cut(i, 2, text[i + 1] === 'G');
      i += 2;
      continue;
    }
    i++;
  }
  const rest = text.slice(start);
  const open = quote || (depth > 0 ? '(' : '');
  return { pieces, rest: rest.trim() ? rest : '', restOffset: start, open };
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}
