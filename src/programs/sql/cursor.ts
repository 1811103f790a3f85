import { type Dialect, SqlSyntaxError, type Token, tokenize } from './lexer.js';

/** A position in a statement's tokens, with the small steps every parser needs. */
export class Cursor {
  readonly tokens: Token[];
  i = 0;

  constructor(
    readonly sql: string,
    readonly dialect: Dialect,
  ) {
    this.tokens = tokenize(sql, dialect);
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  /** The syntax error at the current token (or the one given). */
  fail(t: Token = this.peek()): never {
    throw new SqlSyntaxError(t.pos, t.text, t.kind === 'eof');
  }

  isWord(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'word' && words.includes(t.value);
  }

  acceptWord(...words: string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.i++;
    return true;
  }

  word(...words: string[]): void {
    if (!this.acceptWord(...words)) this.fail();
  }

  isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }

  op(op: string): void {
    if (!this.acceptOp(op)) this.fail();
  }

  /** A table's name, qualified or not: `items`, `shop.items` (MySQL's database, PostgreSQL's schema). */
  tableName(): string {
    const first = this.name();
    return this.acceptOp('.') ? `${first}.${this.name()}` : first;
  }

  /** A table, column or database name: PostgreSQL folds unquoted ones to lower case. */
  name(): string {
    const t = this.peek();
    if (t.kind === 'name') {
      this.i++;
      return t.value;
    }
    if (t.kind !== 'word' || RESERVED.has(t.value)) this.fail();
    this.i++;
    return this.dialect === 'postgres' ? t.text.toLowerCase() : t.text;
  }

  integer(): number {
    const t = this.peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) this.fail();
    this.i++;
    return Number(t.text);
  }

  /** The statement must end here (a trailing `;` is allowed). */
  end(): void {
    this.acceptOp(';');
    if (this.peek().kind !== 'eof') this.fail();
  }
}

/** Words that cannot be names without quotes (in both servers). */
export const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'ORDER',
  'BY',
  'GROUP',
  'LIMIT',
  'INSERT',
  'INTO',
  'VALUES',
  'UPDATE',
  'SET',
  'DELETE',
  'CREATE',
  'DROP',
  'TABLE',
  'DATABASE',
  'AS',
  'ON',
  'IN',
  'IS',
  'NULL',
  'LIKE',
  'BETWEEN',
  'PRIMARY',
  'DEFAULT',
  'DISTINCT',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'JOIN',
  'UNION',
  'HAVING',
  'OFFSET',
  'ASC',
  'DESC',
]);
