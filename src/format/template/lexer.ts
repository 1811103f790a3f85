/**
 * The tokenizer of Go's text/template: text and `{{ }}` actions, trim markers (`{{- ` and ` -}}`),
 * comments, and the words inside actions. Errors come back as an `error` token carrying Go's text.
 */

import { type Item, type ItemType, isAlnum, isSpace, keywordOf, runeDesc } from './items.js';
import { scanNumber } from './number.js';
import { goQuote } from './quote.js';

export type { Item, ItemType } from './items.js';
export { itemString } from './items.js';

const LEFT = '{{';
const RIGHT = '}}';
const hasLeftTrim = (s: string, i: number): boolean => s[i] === '-' && isSpace(s[i + 1]);
const hasRightTrim = (s: string, i: number): boolean => isSpace(s[i]) && s[i + 1] === '-';

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

export class Lexer {
  private pos = 0;
  private start = 0;
  private inside = false;
  private parenDepth = 0;
  private done = false;

  constructor(
    private readonly input: string,
    private readonly opts: LexOptions,
  ) {}

  private linePos = 0;
  private lineNo = 1;

  /** 1 + newlines before p; positions only move forward, so count incrementally. */
  private lineAt(p: number): number {
    if (p < this.linePos) [this.linePos, this.lineNo] = [0, 1];
    for (; this.linePos < p; this.linePos++) if (this.input.charCodeAt(this.linePos) === 10) this.lineNo++;
    return this.lineNo;
  }

  private item(type: ItemType): Item {
    const it = {
      type,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.lineAt(this.start),
    };
    this.start = this.pos;
    return it;
  }

  private error(msg: string): Item {
    this.done = true;
    return { type: 'error', pos: this.start, val: msg, line: this.lineAt(this.start) };
  }

  private peekChar(): string | undefined {
    const cp = this.input.codePointAt(this.pos);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private nextChar(): string | undefined {
    const c = this.peekChar();
    if (c !== undefined) this.pos += c.length;
    return c;
  }

  private atRightDelim(): [boolean, boolean] {
    if (hasRightTrim(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return [true, true];
    return [this.input.startsWith(RIGHT, this.pos), false];
  }

  private atTerminator(): boolean {
    const c = this.peekChar();
    if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private skipLeadingSpace(): void {
    while (isSpace(this.input[this.pos])) this.pos++;
    this.start = this.pos;
  }

  nextItem(): Item {
    if (this.done) return { type: 'eof', pos: this.pos, val: 'EOF', line: this.lineAt(this.start) };
    for (;;) {
      const it = this.inside ? this.lexInsideAction() : this.lexText();
      if (it) return it;
    }
  }

  private lexText(): Item | undefined {
    const x = this.input.indexOf(LEFT, this.pos);
    if (x < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) return this.item('text');
      this.done = true;
      return this.item('eof');
    }
    if (x > this.pos) {
      this.pos = x;
      let textEnd = x;
      if (hasLeftTrim(this.input, x + LEFT.length)) {
        while (textEnd > this.start && isSpace(this.input[textEnd - 1])) textEnd--;
      }
      this.pos = textEnd;
      const text = this.item('text');
      this.pos = x;
      this.start = x;
      if (text.val.length > 0) return text;
    }
    return this.lexLeftDelim();
  }

  private lexLeftDelim(): Item | undefined {
    this.pos += LEFT.length;
    const trim = hasLeftTrim(this.input, this.pos);
    const after = trim ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + after)) {
      this.pos += after;
      this.start = this.pos;
      return this.lexComment();
    }
    const it = this.item('leftDelim');
    this.inside = true;
    this.pos += after;
    this.start = this.pos;
    this.parenDepth = 0;
    return it;
  }

  private lexComment(): Item | undefined {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.error('unclosed comment');
    this.pos = x + 2;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.error('comment ends before closing delimiter');
    this.pos += (trim ? 2 : 0) + RIGHT.length;
    if (trim) this.skipLeadingSpace();
    this.start = this.pos;
    return undefined;
  }

  private lexRightDelim(trim: boolean): Item {
    if (trim) {
      this.pos += 2;
      this.start = this.pos;
    }
    this.pos += RIGHT.length;
    const it = this.item('rightDelim');
    if (trim) this.skipLeadingSpace();
    this.inside = false;
    return it;
  }

  private lexInsideAction(): Item | undefined {
    const [delim, trim] = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim(trim);
      return this.error('unclosed left paren');
    }
    const c = this.nextChar();
    if (c === undefined) return this.error('unclosed action');
    if (isSpace(c)) {
      this.pos -= 1;
      return this.lexSpace();
    }
    switch (c) {
      case '=':
        return this.item('assign');
      case ':':
        if (this.nextChar() !== '=') return this.error('expected :=');
        return this.item('declare');
      case '|':
        return this.item('pipe');
      case '"':
        return this.lexQuote();
      case '`':
        return this.lexRawQuote();
      case '$':
        return this.lexFieldOrVariable('variable');
      case "'":
        return this.lexChar();
      case '(':
        this.parenDepth++;
        return this.item('leftParen');
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.error('unexpected right paren');
        return this.item('rightParen');
    }
    if (c === '.') {
      const n = this.input[this.pos];
      if (n !== undefined && (n < '0' || n > '9')) return this.lexFieldOrVariable('field');
    }
    if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
      this.pos -= 1;
      return this.lexNumber();
    }
    if (isAlnum(c)) {
      this.pos -= c.length;
      return this.lexIdentifier();
    }
    if (c.codePointAt(0)! < 0x7f && c.codePointAt(0)! >= 0x20) return this.item('char');
    return this.error(`unrecognized character in action: ${runeDesc(c)}`);
  }

  private lexSpace(): Item | undefined {
    let n = 0;
    while (isSpace(this.input[this.pos])) {
      this.pos++;
      n++;
    }
    // A space before "-}}" belongs to the trim marker.
    if (hasRightTrim(this.input, this.pos - 1) && this.input.startsWith(RIGHT, this.pos + 1)) {
      this.pos--;
      if (n === 1) return undefined;
    }
    return this.item('space');
  }

  private lexIdentifier(): Item {
    while (isAlnum(this.peekChar())) this.nextChar();
    if (!this.atTerminator()) return this.error(`bad character ${runeDesc(this.peekChar()!)}`);
    const word = this.input.slice(this.start, this.pos);
    const kw = keywordOf(word);
    if (kw && !(kw === 'break' && !this.opts.breakOK) && !(kw === 'continue' && !this.opts.continueOK)) {
      return this.item(kw);
    }
    if (word === 'true' || word === 'false') return this.item('bool');
    return this.item('identifier');
  }

  private lexFieldOrVariable(type: 'field' | 'variable'): Item {
    if (this.atTerminator()) return this.item(type === 'variable' ? 'variable' : 'dot');
    while (isAlnum(this.peekChar())) this.nextChar();
    if (!this.atTerminator()) return this.error(`bad character ${runeDesc(this.peekChar()!)}`);
    return this.item(type);
  }

  private lexQuote(): Item {
    for (;;) {
      const c = this.nextChar();
      if (c === '\\') {
        const n = this.nextChar();
        if (n !== undefined && n !== '\n') continue;
        return this.error('unterminated quoted string');
      }
      if (c === undefined || c === '\n') return this.error('unterminated quoted string');
      if (c === '"') return this.item('string');
    }
  }

  private lexRawQuote(): Item {
    const x = this.input.indexOf('`', this.pos);
    if (x < 0) return this.error('unterminated raw quoted string');
    this.pos = x + 1;
    return this.item('rawString');
  }

  private lexChar(): Item {
    for (;;) {
      const c = this.nextChar();
      if (c === '\\') {
        const n = this.nextChar();
        if (n !== undefined && n !== '\n') continue;
        return this.error('unterminated character constant');
      }
      if (c === undefined || c === '\n') return this.error('unterminated character constant');
      if (c === "'") return this.item('charConstant');
    }
  }

  private lexNumber(): Item {
    const bad = (): Item =>
      this.error(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    let ok: boolean;
    [this.pos, ok] = scanNumber(this.input, this.pos);
    if (!ok) return bad();
    const sign = this.input[this.pos];
    if (sign === '+' || sign === '-') {
      [this.pos, ok] = scanNumber(this.input, this.pos);
      if (!ok || this.input[this.pos - 1] !== 'i') return bad();
      return this.item('complex');
    }
    return this.item('number');
  }
}
