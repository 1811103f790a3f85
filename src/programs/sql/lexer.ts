/**
 * Tokens of the SQL both simulated servers understand. The two dialects differ in quoting:
 * MySQL quotes names with backticks and takes "..." as a string; PostgreSQL quotes names with
 * "..." and folds unquoted names to lower case.
 */
export type Dialect = 'mysql' | 'postgres';

export type TokenKind = 'word' | 'name' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text of the token. */
  text: string;
  /** Words: upper-cased; names: the name; strings: the unescaped value. */
  value: string;
  /** Offset of the token in the statement. */
  pos: number;
}

/** A statement the parser could not read: where, and what stood there. */
export class SqlSyntaxError extends Error {
  constructor(
    readonly pos: number,
    readonly token: string,
    readonly atEnd: boolean,
    /** PostgreSQL words some errors its own way (`unterminated quoted string`). */
    readonly detail?: string,
  ) {
    super(atEnd ? 'syntax error at end of input' : `syntax error at or near "${token}"`);
    this.name = 'SqlSyntaxError';
  }
}

const OPERATORS = [
  '<>',
  '!=',
  '<=',
  '>=',
  '::',
  '||',
  '=',
  '<',
  '>',
  '(',
  ')',
  ',',
  ';',
  '*',
  '+',
  '-',
  '/',
  '%',
  '.',
];

function skipSpace(sql: string, i: number, dialect: Dialect): number {
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i) || (dialect === 'mysql' && sql[i] === '#')) {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else return i;
  }
}

/** A quoted run starting at `i` (the quote doubled, or backslash-escaped in MySQL strings). */
function quoted(sql: string, i: number, q: string, backslash: boolean): { value: string; end: number } {
  let value = '';
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j]!;
    if (backslash && c === '\\' && j + 1 < sql.length) {
      const n = sql[j + 1]!;
      value += ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[n] ?? n;
      j += 2;
    } else if (c === q && sql[j + 1] === q) {
      value += q;
      j += 2;
    } else if (c === q) return { value, end: j + 1 };
    else {
      value += c;
      j++;
    }
  }
  throw new SqlSyntaxError(i, sql.slice(i), false, 'unterminated quoted string');
}

export function tokenize(sql: string, dialect: Dialect): Token[] {
  const out: Token[] = [];
  let i = skipSpace(sql, 0, dialect);
  while (i < sql.length) {
    const c = sql[i]!;
    const start = i;
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
    if (num && !/[A-Za-z_]/.test(sql[i + num[0].length] ?? '')) {
      out.push({ kind: 'number', text: num[0], value: num[0], pos: start });
      i += num[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c) || (/\d/.test(c) && dialect === 'mysql')) {
      const m = /^[\w$\u0080-\uffff]+/.exec(sql.slice(i))!;
      out.push({ kind: 'word', text: m[0], value: m[0].toUpperCase(), pos: start });
      i += m[0].length;
    } else if (c === "'" || (c === '"' && dialect === 'mysql')) {
      const q = quoted(sql, i, c, dialect === 'mysql');
      out.push({ kind: 'string', text: sql.slice(i, q.end), value: q.value, pos: start });
      i = q.end;
    } else if ((c === '`' && dialect === 'mysql') || (c === '"' && dialect === 'postgres')) {
      const q = quoted(sql, i, c, false);
      out.push({ kind: 'name', text: sql.slice(i, q.end), value: q.value, pos: start });
      i = q.end;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (!op) throw new SqlSyntaxError(i, c, false);
      out.push({ kind: 'op', text: op, value: op, pos: start });
      i += op.length;
    }
    i = skipSpace(sql, i, dialect);
  }
  out.push({ kind: 'eof', text: '', value: '', pos: sql.length });
  return out;
}
