import { AwkSyntaxError, type Token } from './lexer.js';

/** A position in the token list, shared by the expression and statement parsers. */
export class Cursor {
  i = 0;
  constructor(readonly tokens: Token[]) {}
  get tok(): Token {
    return this.tokens[this.i]!;
  }
  is(text: string, kind?: Token['kind']): boolean {
    const t = this.tok;
    return (
      t.text === text && (kind === undefined ? t.kind === 'punct' || t.kind === 'keyword' : t.kind === kind)
    );
  }
  eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }
  expect(text: string): void {
    if (!this.eat(text)) this.fail();
  }
  skipNewlines(): void {
    while (this.tok.kind === 'newline') this.i++;
  }
  fail(): never {
    const t = this.tok;
    throw new AwkSyntaxError(
      'syntax error',
      t.line,
      t.kind === 'eof' ? 'end of file' : t.kind === 'newline' ? 'end of line' : t.text,
    );
  }
}
